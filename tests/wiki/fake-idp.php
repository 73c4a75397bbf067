<?php
// The identity provider of the sso profile, served by router.php at
// /fake-idp.php: it signs everyone in at once and sends the browser back to
// `redirect_uri` with `code` and `state`, or with `error` when the request
// carries `idp_error` (a refusal, as a real provider's "Deny" button).
$target = $_GET['redirect_uri'] ?? '';
if ( !preg_match( '#^https?://#', $target ) ) {
	http_response_code( 400 );
	echo "fake-idp: no redirect_uri\n";
	return;
}
$answer = isset( $_GET['idp_error'] )
	? [ 'error' => $_GET['idp_error'], 'state' => $_GET['state'] ?? '' ]
	: [ 'code' => 'sso-code-ok', 'state' => $_GET['state'] ?? '' ];
header( 'Location: ' . $target . ( strpos( $target, '?' ) === false ? '?' : '&' ) . http_build_query( $answer ), true, 302 );
