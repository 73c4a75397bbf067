<?php
// Extra settings for a read-only wiki (`up --extra tests/wiki/settings/readonly.php`).
$wgReadOnly = 'The wiki is being upgraded; try again in an hour.';
