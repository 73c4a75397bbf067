<?php
// A wiki that attributes new accounts to outreach campaigns: the test-only
// extension in ../extensions/TestCampaign describes a `campaign` field.
wfLoadExtension( 'TestCampaign', dirname( __DIR__ ) . '/extensions/TestCampaign/extension.json' );
