<?php
// The API docs' Example 3: FancyCaptcha, a third-party sign-up way that
// REDIRECTs to an identity provider, and a two-factor set-up step (UI), from
// the test-only extension in ../extensions/TestSSO.
require __DIR__ . '/captcha.php';
wfLoadExtension( 'TestSSO', dirname( __DIR__ ) . '/extensions/TestSSO/extension.json' );
