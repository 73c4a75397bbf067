<?php
namespace MediaWiki\Extension\TestSSO;

use MediaWiki\Auth\ButtonAuthenticationRequest;

/** The "Sign up with TestSSO" button: one of the primary ways to sign up. */
class SsoStartRequest extends ButtonAuthenticationRequest {
	public function __construct() {
		parent::__construct( 'testsso', wfMessage( 'testsso-button' ), wfMessage( 'testsso-button-help' ), true );
	}

	public function getUniqueId() {
		return 'TestSSOStartRequest';
	}

	public function describeCredentials() {
		return [ 'provider' => wfMessage( 'testsso-provider' ), 'account' => wfMessage( 'testsso-provider' ) ];
	}
}
