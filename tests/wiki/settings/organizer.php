<?php
// `up --organizer`: event coordinators, who create accounts for others, as
// Wikimedia's "eventcoordinator" group does. A bot password session has the
// user's rights intersected with its grants': basic carries ConfirmEdit's
// skipcaptcha, createaccount carries createaccount, highvolume carries
// noratelimit, which also exempts from $wgAccountCreationThrottle.
$wgGroupPermissions['eventcoordinator']['createaccount'] = true;
$wgGroupPermissions['eventcoordinator']['noratelimit'] = true;
$wgGroupPermissions['eventcoordinator']['skipcaptcha'] = true;

// The same without skipcaptcha: such a creator is asked for the CAPTCHA.
$wgGroupPermissions['eventcoordinator-noskip']['createaccount'] = true;
$wgGroupPermissions['eventcoordinator-noskip']['noratelimit'] = true;
