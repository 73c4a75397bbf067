<?php
// CAPTCHA answers kept in the object cache, not in the wiki session, as on
// Wikimedia's wikis: the image is served to any session. A bot-password
// session works on api.php only, so an organiser's account that is asked
// for a CAPTCHA can show one only from such a store.
$wgCaptchaStorageClass = 'MediaWiki\Extension\ConfirmEdit\Store\CaptchaCacheStore';
