<?php
namespace MediaWiki\Extension\TestSSO;

use MediaWiki\Auth\AbstractSecondaryAuthenticationProvider;
use MediaWiki\Auth\AuthenticationResponse;
use MediaWiki\Auth\ButtonAuthenticationRequest;
use Message;

/**
 * After every account creation: set up two-factor authentication (UI) with
 * the code 123456 (spaces ignored), or press Skip. A wrong code asks again.
 */
class TwoFactorSetupProvider extends AbstractSecondaryAuthenticationProvider {
	public const CODE = '123456';

	public function getAuthenticationRequests( $action, array $options ) {
		return [];
	}

	public function beginSecondaryAuthentication( $user, array $reqs ) {
		return AuthenticationResponse::newAbstain();
	}

	public function beginSecondaryAccountCreation( $user, $creator, array $reqs ) {
		$alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
		$secret = '';
		for ( $i = 0; $i < 16; $i++ ) {
			$secret .= $alphabet[random_int( 0, 31 )];
		}
		$secret = implode( ' ', str_split( $secret, 4 ) );
		$this->manager->setAuthenticationSessionData( 'TestSSOSecret', $secret );
		return $this->ask( $user->getName(), $secret, wfMessage( 'testsso-2fa-setup' ), 'warning' );
	}

	public function continueSecondaryAccountCreation( $user, $creator, array $reqs ) {
		if ( ButtonAuthenticationRequest::getRequestByName( $reqs, 'skip2FASetup' ) ) {
			return AuthenticationResponse::newPass();
		}
		$answer = TwoFactorSetupRequest::getRequestByClass( $reqs, TwoFactorSetupRequest::class );
		if ( $answer && str_replace( ' ', '', (string)$answer->code ) === self::CODE ) {
			return AuthenticationResponse::newPass();
		}
		$secret = (string)$this->manager->getAuthenticationSessionData( 'TestSSOSecret' );
		return $this->ask( $user->getName(), $secret, wfMessage( 'testsso-2fa-badcode' ), 'error' );
	}

	private function ask( string $account, string $secret, Message $message, string $type ) {
		return AuthenticationResponse::newUI( [
			new TwoFactorSetupRequest( $account, $secret ),
			new ButtonAuthenticationRequest( 'skip2FASetup', wfMessage( 'testsso-2fa-skip' ), wfMessage( 'testsso-2fa-skip-help' ) ),
		], $message, $type );
	}
}
