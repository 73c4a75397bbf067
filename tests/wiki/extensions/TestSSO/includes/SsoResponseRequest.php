<?php
namespace MediaWiki\Extension\TestSSO;

use MediaWiki\Auth\AuthenticationRequest;

/** What the identity provider sends back to the return URL. */
class SsoResponseRequest extends AuthenticationRequest {
	/** @var string */
	public $code;
	/** @var string */
	public $state;

	public function getUniqueId() {
		return 'TestSSOResponseRequest';
	}

	public function getFieldInfo() {
		return [
			'code' => [ 'type' => 'string', 'label' => wfMessage( 'testsso-code' ), 'help' => wfMessage( 'testsso-code-help' ) ],
			'state' => [ 'type' => 'string', 'label' => wfMessage( 'testsso-state' ), 'help' => wfMessage( 'testsso-state-help' ) ],
		];
	}

	public function describeCredentials() {
		return [ 'provider' => wfMessage( 'testsso-provider' ), 'account' => wfMessage( 'testsso-provider' ) ];
	}
}
