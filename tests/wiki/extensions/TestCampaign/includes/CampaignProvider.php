<?php
namespace MediaWiki\Extension\TestCampaign;

use MediaWiki\Auth\AbstractPreAuthenticationProvider;
use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\AuthManager;
use StatusValue;

/** Asks for a campaign at sign-up and logs "USERNAME<TAB>CAMPAIGN" per account. */
class CampaignProvider extends AbstractPreAuthenticationProvider {
	public function getAuthenticationRequests( $action, array $options ) {
		return $action === AuthManager::ACTION_CREATE ? [ new CampaignRequest() ] : [];
	}

	public function testForAccountCreation( $user, $creator, array $reqs ) {
		$req = AuthenticationRequest::getRequestByClass( $reqs, CampaignRequest::class );
		$log = $GLOBALS['testbedDir'] . '/campaign.log';
		file_put_contents( $log, $user->getName() . "\t" . ( $req ? $req->campaign : '' ) . "\n", FILE_APPEND | LOCK_EX );
		return StatusValue::newGood();
	}
}
