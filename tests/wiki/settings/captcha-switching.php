<?php
// With the captcha profile: a wiki whose CAPTCHA changes from one form to
// the next, FancyCaptcha then hCaptcha then FancyCaptcha..., as a wiki that
// picks the CAPTCHA per request (ConfirmEdit 1.45+) or fails over may.
// Each form load (meta=authmanagerinfo) moves a counter beside the
// settings; the sign-up that follows meets the CAPTCHA its form showed.
//
// Both FancyCaptcha and hCaptcha set $wgCaptchaClass in their
// extension.json, so only one can be loaded as a module: hCaptcha's classes,
// messages and settings are registered by hand, as its extension.json would.
$hcaptcha = "$IP/extensions/ConfirmEdit/hCaptcha";
AutoLoader::registerNamespaces( [ 'MediaWiki\\Extension\\ConfirmEdit\\hCaptcha\\' => "$hcaptcha/includes/" ] );
$wgMessagesDirs['hCaptcha'] = "$hcaptcha/i18n";
$wgConfigRegistry['hcaptcha'] = 'GlobalVarConfig::newInstance';
$wgHCaptchaProxy = false;
$wgHCaptchaSendRemoteIP = false;
$wgHCaptchaSiteKey = '10000000-ffff-ffff-ffff-000000000001';
$wgHCaptchaSecretKey = '0x0000000000000000000000000000000000000000';
// hCaptcha's siteverify, answered by the test-bed (see hcaptcha.php).
$wgLocalVirtualHosts[] = 'hcaptcha.com';
$wgLocalHTTPProxy = "http://127.0.0.1:$testbedPort";

$counter = "$testbedDir/captcha-switching.count";
$loads = (int)@file_get_contents( $counter );
if ( strpos( $_GET['meta'] ?? '', 'authmanagerinfo' ) !== false ) {
	$loads++;
	file_put_contents( $counter, (string)$loads, LOCK_EX );
}
// Odd form loads (and maintenance scripts, which make the images) FancyCaptcha.
$wgCaptchaClass = PHP_SAPI === 'cli' || $loads % 2 === 1
	? 'FancyCaptcha'
	: 'MediaWiki\Extension\ConfirmEdit\hCaptcha\HCaptcha';
