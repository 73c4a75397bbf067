<?php
// ConfirmEdit's hCaptcha module on account creation, with hCaptcha's
// published test keys: site key 10000000-ffff-ffff-ffff-000000000001, secret
// 0x0000000000000000000000000000000000000000, test response
// 10000000-aaaa-bbbb-cccc-000000000001.
//
// The wiki checks a response by POSTing it to https://hcaptcha.com/siteverify
// (hard-coded in HCaptcha::passCaptcha()). Tests reach no internet, so
// hcaptcha.com is made a "local virtual host" of this wiki: MediaWiki then
// sends that request to $wgLocalHTTPProxy, the wiki's own php -S, where
// ../router.php answers it with ../fake-siteverify.php (web requests only;
// the server has several workers, so the wiki may call itself).
wfLoadExtensions( [ 'ConfirmEdit', 'ConfirmEdit/hCaptcha' ] );
$wgCaptchaClass = 'MediaWiki\Extension\ConfirmEdit\hCaptcha\HCaptcha';
$wgHCaptchaSiteKey = '10000000-ffff-ffff-ffff-000000000001';
$wgHCaptchaSecretKey = '0x0000000000000000000000000000000000000000';
$wgCaptchaTriggers['createaccount'] = true;

$wgLocalVirtualHosts[] = 'hcaptcha.com';
$wgLocalHTTPProxy = "http://127.0.0.1:$testbedPort";
