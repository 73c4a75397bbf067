<?php
// Router for `php -S`: one test wiki served from Debian's shared MediaWiki code
// with its own settings file (MW_CONFIG_FILE), so wikis of several profiles can
// run side by side without touching /etc/mediawiki.
define( 'MW_CONFIG_FILE', getenv( 'MW_CONFIG_FILE' ) );
$mw = getenv( 'WIKISIGNUP_MW_DIR' ) ?: '/usr/share/mediawiki';
$path = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) ?: '/';
// One line per request (method, entry point, action or title, and a query's
// `meta` modules; never values of other parameters), so tests can count what
// the portal asks of the wiki.
file_put_contents(
	dirname( MW_CONFIG_FILE ) . '/requests.log',
	$_SERVER['REQUEST_METHOD'] . " $path " . ( $_REQUEST['action'] ?? $_REQUEST['title'] ?? '' )
		. ( isset( $_GET['meta'] ) ? ' ' . $_GET['meta'] : '' ) . "\n",
	FILE_APPEND | LOCK_EX
);
// The sso profile's identity provider (test-bed only).
if ( $path === '/fake-idp.php' ) {
	require __DIR__ . '/fake-idp.php';
	return true;
}
// hCaptcha's siteverify, which the hcaptcha profile's wiki asks through
// this very server (see settings/hcaptcha.php; test-bed only).
if ( $path === '/siteverify' && strtolower( $_SERVER['HTTP_HOST'] ?? '' ) === 'hcaptcha.com' ) {
	require __DIR__ . '/fake-siteverify.php';
	return true;
}
if ( $path === '/' ) {
	$path = '/index.php';
}
// "/index.php/Title" paths: the entry point is the first ".php" segment.
if ( preg_match( '#^/(index|api|load)\.php(/.*)?$#', $path, $m ) ) {
	$_SERVER['SCRIPT_NAME'] = "/{$m[1]}.php";
	$_SERVER['SCRIPT_FILENAME'] = "$mw/{$m[1]}.php";
	$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'] . ( $m[2] ?? '' );
	if ( ( $m[2] ?? '' ) !== '' ) {
		$_SERVER['PATH_INFO'] = $m[2];
	}
	chdir( $mw );
	require "$mw/{$m[1]}.php";
	return true;
}
if ( is_file( $mw . $path ) && substr( $path, -4 ) !== '.php' ) {
	return false; // static assets: the built-in server sends them
}
http_response_code( 404 );
return true;
