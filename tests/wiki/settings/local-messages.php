<?php
// A wiki that changed one of its interface messages locally (as an
// administrator does by editing MediaWiki:Createacct-submit).
$wgHooks['MessagesPreLoad'][] = static function ( $title, &$message, $code ) {
	if ( $title === 'Createacct-submit' ) {
		$message = 'Join the edit-a-thon';
		return false;
	}
};
