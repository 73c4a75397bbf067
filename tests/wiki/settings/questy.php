<?php
// ConfirmEdit's QuestyCaptcha: a question in HTML, answered in a text box.
wfLoadExtensions( [ 'ConfirmEdit', 'ConfirmEdit/QuestyCaptcha' ] );
$wgCaptchaClass = 'QuestyCaptcha';
$wgCaptchaQuestions = [ 'Type the word <b>portal</b>' => 'portal' ];
$wgCaptchaTriggers['createaccount'] = true;
