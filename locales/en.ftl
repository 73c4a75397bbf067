# The portal's own sentences: only those with no MediaWiki interface message
# for the same purpose. Everything else on the pages is the wiki's own words
# (meta=allmessages), in the visitor's language.
#
# English is built in and is the last fallback of every language. A
# translation is a file beside this one named by its language code
# (th.ftl, ar.ftl), with any subset of these ids.

## The sign-up form

form-or = or
form-please-wait = Please wait…
form-start-over = Start over
form-language = Language
form-wiki-signup = Create your account on { $wiki } itself
form-reference = Reference for support:
form-captcha-needs-script = This wiki's CAPTCHA needs JavaScript. Please turn JavaScript on for this page, or create your account on the wiki itself.

## Notices above the form

notice-session-expired = Your session had expired, so nothing was sent yet. Please check the form and submit it again.
notice-too-long = “{ $label }” is longer than the wiki accepts: at most { $max } bytes (as many Latin letters, fewer in most other scripts). Please shorten it; nothing was sent.
notice-provider-said = The sign-in provider answered: { $error }.
notice-provider-said-why = The sign-in provider answered: { $error } ({ $description }).
notice-provider-cancelled = You came back before finishing with the sign-in provider. You can choose again.
notice-address-limit = This sign-up page has reached the wiki's limit of new accounts for now: the wiki counts every sign-up made through this page as coming from one address. You can still create your account on the wiki itself, with the link below. (Organisers: use organizer mode, or ask the wiki for an exception.)
notice-form-too-old = For your safety nothing was sent: the form was too old. Please check it and submit it again.
notice-answers-kept = Your answers are still in the form below; passwords are never kept, so please type yours again.
notice-start-again = Please start again.
notice-new-image = Here is a new image. Your answers are still in the form below; passwords are never kept, so please type yours again.
notice-account-exists = Your account { $username } was already created; this step was only about what comes after. You can log in to the wiki with it now.

## The page after the account is created

welcome-created = Your account { $username } has been created on { $wiki }.
welcome-password-mailed = The wiki has sent a temporary password to your e-mail address. Log in with it; the wiki then asks you to choose your own.

## Pages for what went wrong

error-try-again = This is usually temporary: please try again in a moment.
error-try-later = Please try again later.
error-wiki-said = The wiki said: { $said }
error-wiki-unreachable = The wiki could not be reached properly
error-wiki-slow = The wiki is taking too long to answer
error-our-side = Something went wrong on our side
error-permission = This wiki does not allow creating accounts here
error-throttled = The wiki is limiting new accounts right now
error-organizer-title = This sign-up page cannot create accounts right now
error-organizer = It creates accounts through the organisers' account on the wiki, which could not log in. The organisers can see why in the page's log. Please try again later.
error-stray-return-title = This sign-in link is not part of a sign-up in this browser
error-stray-return = It was used already, or it was opened in another browser than the one that started the sign-up. Nothing was sent to the wiki. Please start from the sign-up form.
error-bad-form-title = The form could not be read
error-bad-form = What the browser sent is not a sign-up form of this site. Please go back to the form and try again.
error-cross-site-title = This form did not come from this site
error-cross-site = For your safety nothing was sent: the form was posted by a page of another site. Please open the sign-up form itself and fill it in there.
error-framed-cookie-title = Please open the sign-up in a tab of its own
error-framed-cookie = This sign-up form is shown inside another site's page, and your browser does not let it keep the one cookie it needs there to remember your form between steps. Nothing was sent. In a tab of its own the same form works.
error-cookie-title = Your browser did not keep this site's cookie
error-cookie = The sign-up needs one cookie to remember your form between steps, and your browser refused it. Nothing was sent. Please allow cookies for this site, then fill in the form again.
error-rate-limited-title = Too many attempts
error-rate-limited = Too many sign-up attempts came from your network in a short time. Please wait { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    }, then try again.
error-not-found-title = Page not found
error-not-found = There is nothing at this address.
error-not-open-title = Sign-up has not opened yet
error-not-open = This sign-up page opens on { $opens }. Please come back then.
error-over-title = Sign-up is over
error-over = This sign-up page closed on { $closed }. You can still create an account on the wiki itself.
error-all-accounts-title = This sign-up page has made all the accounts it may
error-all-accounts = The organisers set a number of accounts for this event, and it has been reached. You can still create an account on the wiki itself.
error-report-refused-title = The report needs its link
error-report-refused = This page is for the organisers of the event: open it with the link they were given, which carries its key.
error-hand-off-title = Please sign up on the wiki's own page
error-hand-off = To protect itself against automated sign-ups, { $wiki } asks new users for a check that only its own sign-up page can show. Please create your account there; you will come back to the same place afterwards.

## Ways on from those pages

action-back = Back to the sign-up form
action-try-again = Try again
action-new-tab = Open the sign-up in a new tab
action-wiki-signup = Create your account on the wiki itself

## Advice while the form is filled in

check-username-refused = The wiki does not accept this username.
check-password-refused = The wiki does not accept this password.

## The event code, where the organisers set one

event-code-label = Event code
event-code-help = The word the organisers announced at the event.
event-code-missing = Please type the event code that the organisers announced.
event-code-wrong = That is not the event code. Please check it with the organisers and type it again.

## Every page's footer

footer-run-by = This page is run by { $operator }.
footer-account = Your account is created on { $wiki }, which keeps your password; this page does not store it.
footer-privacy = Privacy

## The organisers' console (/organize/). Its sentences are in English,
## Thai and Arabic at least; another language falls back to English.
console-title = Organisers' console
console-sign-in-title = Sign in to run your events
console-sign-in-intro = Sign in with a bot password of your wiki account, made at Special:BotPasswords with the grant "Create accounts". The portal keeps it only while you are signed in, unless you put an event in organizer mode.
console-wiki = Wiki
console-username = Bot password's name (Name@App)
console-password = Bot password
console-sign-in = Sign in
console-sign-out = Sign out
console-signed-in-as = Signed in as { $name }.
console-refused-not-bot-password = Give the bot password's name as Special:BotPasswords shows it: Name@App.
console-refused-wrong-password = The wiki did not accept this name and bot password: check both at Special:BotPasswords.
console-refused-grant = This bot password lacks the grant "{ $grant }": add it at Special:BotPasswords, then sign in again.
console-refused-group = { $name } is in none of the groups allowed to run events here ({ $groups }): ask the portal's operator to add you.
console-refused-unreachable = The wiki { $wiki } cannot be reached just now: try again in a minute.
console-refused-too-many = Too many sign-in attempts: wait a minute, then try again.
console-your-events = Your events
console-no-events = You have no events yet.
console-new-event = New event
console-operator-events = Events set by the operator
console-set-by-operator = set by the operator
console-state = State
console-state-open = open
console-state-not-yet = not yet open (opens { $when })
console-state-closed = closed
console-state-full = full: every account it may make is made
console-state-login-failing = the organiser's login is failing: { $reason }
console-edit = Edit
console-close = Close sign-up
console-reopen = Reopen sign-up
console-save = Save
console-fix-fields = Some settings need a change: see the notes beside them.
console-slug-taken = This address is taken by another event: choose another.
console-wiki-not-allowed = Events here may use only the wikis the portal's operator allows.
console-signup-link = Sign-up link
console-qr-alt = QR code of { $url }
console-embed = Put it on your event's page
console-report = Who signed up
console-accounts = accounts so far
console-time = Time
console-username-column = Username
console-csv = Download as CSV
console-report-link = A link to the report, for whoever should see it without signing in
console-organisers = Organisers
console-changes = Changes
console-change = { $when }: { $who } changed { $setting }
console-organizer-mode-title = Organizer mode
console-organizer-mode = Make the accounts with my bot password ({ $user })
console-organizer-mode-help = Your account's rights carry the event past the wiki's limits. The bot password is stored encrypted and never shown again; untick this to forget it, or sign in with a new one and save to replace it.
console-may-skip-captcha = Visitors skip the CAPTCHA: { $answer }
console-beyond-limit = Beyond the wiki's limit of accounts per address: { $answer }
console-limit-applies = This account lacks the right "noratelimit": the wiki's limit of accounts per address still applies.
console-no-secrets-key = Organizer mode is not available here: the portal's operator has not set WIKISIGNUP_SECRETS_KEY, without which no bot password can be stored.
console-organizer-other-wiki = Organizer mode makes accounts on the wiki you signed in to: choose that wiki, or sign in to the other.
console-organizer-needs-guard = Organizer mode needs an event code or a maximum of accounts: the wiki's CAPTCHA and limit no longer stand between the page and the wiki, so one of these must.
console-yes = yes
console-no = no
console-forget-logo = Remove the logo
console-field-slug = Address: /e/SLUG/ (lower-case letters, digits and hyphens)
console-field-title = Title
console-field-intro = Introduction (blank lines between paragraphs)
console-field-next_steps = What to do next, after the account is made
console-field-wiki_api = Wiki
console-field-language = Language of the page (e.g. th, ar, es)
console-field-returnto = Wiki page to go to after logging in
console-field-event_code = Event code, announced in the room
console-field-max_accounts = Most accounts
console-field-opens = Opens (e.g. 2026-03-07T09:00:00+07:00)
console-field-closes = Closes (e.g. 2026-03-07T18:00:00+07:00)
console-field-accent_color = Colour (#rrggbb)
console-field-frame_ancestors = Sites that may embed the page (e.g. https://event.example)
console-field-campaign_event_id = Event's id on the wiki (Extension:CampaignEvents)
console-field-logo = Logo (PNG, JPEG, GIF or WebP; at most 512 KiB)
console-field-co_organizers = Co-organisers: wiki usernames, one per line
console-field-time_zone = Time zone (e.g. Asia/Bangkok)

## An event's report, projector view and poster (for its organisers; in
## English, Thai and Arabic at least, else English).
report-title = Who signed up
report-screen = Projector view
report-poster = Poster for the door
report-count = { $count ->
    [one] account so far.
   *[other] accounts so far.
}
report-reload = Reload
report-pending = { $count ->
    [one] One more account was made and waits to be written to the database: it appears here once the database takes it.
   *[other] { $count } more accounts were made and wait to be written to the database: they appear here once the database takes them.
}
report-chart-title = Accounts made each hour
report-refusals = Sign-ups refused
report-refusal-event-code = Wrong or missing event code
report-refusal-captcha = CAPTCHA not solved
report-refusal-username-taken = Username taken
report-refusal-wiki-limit = The wiki's limit of accounts per address
report-refusal-other = Other reasons the wiki gave
report-time-zone = Times are on the clocks of { $zone }.
report-how = How
report-via-direct = directly
report-via-organizer = by the organiser's account
report-poster-call = Create your account here: scan the code or type the address.
report-poster-code = Event code:
report-print = Print
console-replace-report-link = Replace the report link (the old one stops working)
