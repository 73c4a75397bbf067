<?php
// Settings every test wiki shares; `up` sets $testbedDir and $testbedPort first.

// The account-creation throttle and the captcha store need a real object cache
// (install.php picks CACHE_NONE). Tests create many accounts from 127.0.0.1.
$wgMainCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
$wgAccountCreationThrottle = [ [ 'count' => 0, 'seconds' => 86400 ] ];
$wgRateLimits['badcaptcha'] = [ 'ip' => [ 1000, 60 ] ];
$wgGroupPermissions['*']['createaccount'] = true;

// Email is offered (optional) but written to a file instead of being sent.
$wgEnableEmail = true;
$wgEmailAuthentication = true;
$wgPasswordSender = 'wiki@127.0.0.1';
$wgHooks['AlternateUserMailer'][] = static function ( $headers, $to, $from, $subject, $body ) use ( $testbedDir ) {
	$to = implode( ', ', array_map( 'strval', (array)$to ) );
	file_put_contents( "$testbedDir/mail.log", "To: $to\nSubject: $subject\n$body\n", FILE_APPEND );
	return false;
};

// Cookies ignore ports: wikis side by side need their own cookie names.
$wgCookiePrefix = "wiki$testbedPort";
$wgShowExceptionDetails = true;
$wgDebugLogGroups = [ 'exception' => "$testbedDir/mw.log", 'captcha' => "$testbedDir/mw.log" ];
