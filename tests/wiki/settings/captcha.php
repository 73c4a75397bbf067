<?php
// ConfirmEdit's FancyCaptcha on sign-up (the API docs' Example 2). Answers live
// in the wiki session (ConfirmEdit's default store): an image or a captchaId is
// only good with the session cookie that fetched it.
wfLoadExtensions( [ 'ConfirmEdit', 'ConfirmEdit/FancyCaptcha' ] );
$wgCaptchaClass = 'FancyCaptcha';
$wgCaptchaDirectory = "$testbedDir/captcha";
$wgCaptchaSecret = 'wikisignup-test-captcha-secret';
$wgCaptchaTriggers['createaccount'] = true;
$wgCaptchaStorageClass = 'MediaWiki\Extension\ConfirmEdit\Store\CaptchaSessionStore';
