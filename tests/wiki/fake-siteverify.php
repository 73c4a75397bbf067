<?php
// Test-bed only: hCaptcha's siteverify endpoint as its documentation
// describes it, for the hcaptcha profile. The test secret with the test
// response passes; anything else fails, as hCaptcha's own test keys do.
const TEST_SECRET = '0x0000000000000000000000000000000000000000';
const TEST_RESPONSE = '10000000-aaaa-bbbb-cccc-000000000001';

$secret = (string)( $_POST['secret'] ?? '' );
$response = (string)( $_POST['response'] ?? '' );
if ( $secret !== TEST_SECRET ) {
	$answer = [ 'success' => false, 'error-codes' => [ 'invalid-input-secret' ] ];
} elseif ( $response !== TEST_RESPONSE ) {
	$answer = [ 'success' => false, 'error-codes' => [ 'invalid-input-response' ] ];
} else {
	$answer = [ 'success' => true, 'challenge_ts' => gmdate( 'Y-m-d\TH:i:s\Z' ), 'hostname' => 'dummy-key-pass' ];
}
header( 'Content-Type: application/json' );
echo json_encode( $answer );
