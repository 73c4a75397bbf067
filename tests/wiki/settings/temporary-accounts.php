<?php
// Temporary accounts, as on Wikimedia's wikis since 1.42: anonymous editors
// get accounts named ~YEAR-NUMBER, and names of that pattern are refused at
// sign-up. The pattern is spelled out so that 1.39 (whose default was
// `*$1`) reserves the same names as 1.43.
$wgAutoCreateTempUser['enabled'] = true;
$wgAutoCreateTempUser['genPattern'] = '~$1';
$wgAutoCreateTempUser['matchPattern'] = '~$1';
