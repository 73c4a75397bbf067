<?php
namespace MediaWiki\Extension\TestCampaign;

use MediaWiki\Auth\AuthenticationRequest;
use RawMessage;

/** The outreach campaign a new account came from (optional). */
class CampaignRequest extends AuthenticationRequest {
	/** @var string */
	public $campaign;

	public function getFieldInfo() {
		return [
			'campaign' => [
				'type' => 'string',
				'label' => new RawMessage( 'Campaign' ),
				'help' => new RawMessage( 'The outreach campaign this account comes from.' ),
				'optional' => true,
			],
		];
	}
}
