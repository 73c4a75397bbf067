<?php
namespace MediaWiki\Extension\TestSSO;

use MediaWiki\Auth\AuthenticationRequest;

/** The two-factor set-up step: instructions, a code, and the secret as metadata. */
class TwoFactorSetupRequest extends AuthenticationRequest {
	/** @var string */
	public $code;
	/** @var string */
	private $account;
	/** @var string */
	private $secret;

	public function __construct( string $account, string $secret ) {
		$this->account = $account;
		$this->secret = $secret;
		$this->required = self::OPTIONAL;
	}

	public function getUniqueId() {
		return 'TestSSOTwoFactorSetupRequest';
	}

	public function getFieldInfo() {
		return [
			'2FAInfo' => [ 'type' => 'null', 'label' => wfMessage( 'testsso-2fa-info' ), 'help' => wfMessage( 'testsso-2fa-info-help' ) ],
			'code' => [ 'type' => 'string', 'label' => wfMessage( 'testsso-2fa-code' ), 'help' => wfMessage( 'testsso-2fa-code-help' ) ],
		];
	}

	public function getMetadata() {
		return [ 'account' => $this->account, 'secret' => $this->secret ];
	}
}
