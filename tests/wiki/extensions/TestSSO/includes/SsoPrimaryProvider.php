<?php
namespace MediaWiki\Extension\TestSSO;

use MediaWiki\Auth\AbstractPrimaryAuthenticationProvider;
use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\AuthenticationResponse;
use MediaWiki\Auth\AuthManager;
use StatusValue;
use User;

/**
 * Signs up through an identity provider: REDIRECT to /fake-idp.php (served by
 * the test-bed's router), which sends the browser back to the return URL with
 * `code` and `state`, or `error` when asked to refuse (`idp_error=...`).
 */
class SsoPrimaryProvider extends AbstractPrimaryAuthenticationProvider {
	public const CODE = 'sso-code-ok';

	public function getAuthenticationRequests( $action, array $options ) {
		return $action === AuthManager::ACTION_CREATE ? [ new SsoStartRequest() ] : [];
	}

	public function beginPrimaryAuthentication( array $reqs ) {
		return AuthenticationResponse::newAbstain();
	}

	public function testUserExists( $username, $flags = User::READ_NORMAL ) {
		return false;
	}

	public function providerAllowsAuthenticationDataChange( AuthenticationRequest $req, $checkData = true ) {
		return StatusValue::newGood( 'ignored' );
	}

	public function providerChangeAuthenticationData( AuthenticationRequest $req ) {
	}

	public function accountCreationType() {
		return self::TYPE_LINK;
	}

	public function beginPrimaryAccountCreation( $user, $creator, array $reqs ) {
		$start = AuthenticationRequest::getRequestByClass( $reqs, SsoStartRequest::class );
		if ( !$start ) {
			return AuthenticationResponse::newAbstain();
		}
		$state = bin2hex( random_bytes( 16 ) );
		$this->manager->setAuthenticationSessionData( 'TestSSOState', $state );
		$idp = $this->config->get( 'Server' ) . '/fake-idp.php?' . http_build_query( [
			'response_type' => 'code',
			'redirect_uri' => $start->returnToUrl,
			'state' => $state,
			'login_hint' => $user->getName(),
		] );
		return AuthenticationResponse::newRedirect( [ new SsoResponseRequest() ], $idp );
	}

	public function continuePrimaryAccountCreation( $user, $creator, array $reqs ) {
		$response = AuthenticationRequest::getRequestByClass( $reqs, SsoResponseRequest::class );
		$state = (string)$this->manager->getAuthenticationSessionData( 'TestSSOState' );
		if ( !$response ) {
			return AuthenticationResponse::newFail( wfMessage( 'testsso-error-noresponse' ) );
		}
		if ( $state === '' || !hash_equals( $state, $response->state ) ) {
			return AuthenticationResponse::newFail( wfMessage( 'testsso-error-state' ) );
		}
		if ( $response->code !== self::CODE ) {
			return AuthenticationResponse::newFail( wfMessage( 'testsso-error-code' ) );
		}
		$this->manager->removeAuthenticationSessionData( 'TestSSOState' );
		return AuthenticationResponse::newPass();
	}
}
