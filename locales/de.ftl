# German: the portal's own sentences (see en.ftl). Awaits review by a fluent
# speaker: each sentence keeps close to MediaWiki's own German for the same
# thing where MediaWiki has one.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = (optional)

## The sign-up form

form-or = oder
form-please-wait = Bitte warten …
form-start-over = Neu beginnen
form-language = Sprache
form-wiki-signup = Benutzerkonto direkt auf { $wiki } erstellen
form-reference = Referenz für den Support:
form-captcha-needs-script = Das CAPTCHA dieses Wikis benötigt JavaScript. Bitte aktiviere JavaScript für diese Seite oder erstelle dein Benutzerkonto direkt im Wiki.

## Notices above the form

notice-session-expired = Deine Sitzung war abgelaufen, daher wurde noch nichts gesendet. Bitte prüfe das Formular und sende es erneut ab.
notice-too-long = „{ $label }“ ist länger, als das Wiki annimmt: höchstens { $max } Bytes (so viele lateinische Buchstaben, in den meisten anderen Schriften weniger). Bitte kürze es; es wurde nichts gesendet.
notice-provider-said = Der Anmeldedienst antwortete: { $error }.
notice-provider-said-why = Der Anmeldedienst antwortete: { $error } ({ $description }).
notice-provider-cancelled = Du bist zurückgekehrt, bevor die Anmeldung beim Dienst abgeschlossen war. Du kannst erneut wählen.
notice-address-limit = Diese Anmeldeseite hat vorerst die Grenze des Wikis für neue Benutzerkonten erreicht: Das Wiki zählt jede Anmeldung über diese Seite als von einer Adresse kommend. Du kannst dein Benutzerkonto weiterhin direkt im Wiki erstellen, mit dem Link unten. (Veranstalter: Nutzt den Organisator-Modus oder bittet das Wiki um eine Ausnahme.)
notice-form-too-old = Zu deiner Sicherheit wurde nichts gesendet: Das Formular war zu alt. Bitte prüfe es und sende es erneut ab.
notice-answers-kept = Deine Angaben stehen noch im Formular unten; Passwörter werden nie gespeichert, bitte gib deins daher erneut ein.
notice-start-again = Bitte beginne von vorn.
notice-new-image = Hier ist ein neues Bild. Deine Angaben stehen noch im Formular unten; Passwörter werden nie gespeichert, bitte gib deins daher erneut ein.
notice-account-exists = Dein Benutzerkonto { $username } wurde bereits erstellt; dieser Schritt betraf nur das, was danach kommt. Du kannst dich jetzt damit im Wiki anmelden.

## The page after the account is created

welcome-created = Dein Benutzerkonto { $username } wurde auf { $wiki } erstellt.
welcome-password-mailed = Das Wiki hat ein vorläufiges Passwort an deine E-Mail-Adresse gesendet. Melde dich damit an; danach bittet dich das Wiki, ein eigenes zu wählen.

## Pages for what went wrong

error-try-again = Das ist meist nur vorübergehend: Bitte versuche es gleich noch einmal.
error-try-later = Bitte versuche es später erneut.
error-wiki-said = Das Wiki meldete: { $said }
error-wiki-unreachable = Das Wiki war nicht richtig erreichbar
error-wiki-slow = Das Wiki braucht zu lange für eine Antwort
error-our-side = Bei uns ist etwas schiefgegangen
error-permission = Dieses Wiki erlaubt hier keine Erstellung von Benutzerkonten
error-throttled = Das Wiki begrenzt gerade neue Benutzerkonten
error-organizer-title = Diese Anmeldeseite kann gerade keine Benutzerkonten erstellen
error-organizer = Sie erstellt Benutzerkonten über das Konto der Veranstalter im Wiki, das sich nicht anmelden konnte. Die Veranstalter sehen den Grund im Protokoll der Seite. Bitte versuche es später erneut.
error-stray-return-title = Dieser Anmeldelink gehört zu keiner Anmeldung in diesem Browser
error-stray-return = Er wurde bereits verwendet oder in einem anderen Browser geöffnet als dem, in dem die Anmeldung begann. Es wurde nichts an das Wiki gesendet. Bitte beginne mit dem Anmeldeformular.
error-bad-form-title = Das Formular konnte nicht gelesen werden
error-bad-form = Was der Browser gesendet hat, ist kein Anmeldeformular dieser Website. Bitte kehre zum Formular zurück und versuche es erneut.
error-cross-site-title = Dieses Formular stammt nicht von dieser Website
error-cross-site = Zu deiner Sicherheit wurde nichts gesendet: Das Formular wurde von einer Seite einer anderen Website abgeschickt. Bitte öffne das Anmeldeformular selbst und fülle es dort aus.
error-framed-cookie-title = Bitte öffne die Anmeldung in einem eigenen Tab
error-framed-cookie = Dieses Anmeldeformular wird in der Seite einer anderen Website angezeigt, und dein Browser erlaubt ihm dort nicht, das eine Cookie zu behalten, das es braucht, um sich dein Formular zwischen den Schritten zu merken. Es wurde nichts gesendet. In einem eigenen Tab funktioniert dasselbe Formular.
error-cookie-title = Dein Browser hat das Cookie dieser Website nicht behalten
error-cookie = Die Anmeldung braucht ein Cookie, um sich dein Formular zwischen den Schritten zu merken, und dein Browser hat es abgelehnt. Es wurde nichts gesendet. Bitte erlaube Cookies für diese Website und fülle das Formular erneut aus.
error-rate-limited-title = Zu viele Versuche
error-rate-limited = Aus deinem Netzwerk kamen in kurzer Zeit zu viele Anmeldeversuche. Bitte warte { $seconds ->
        [one] eine Sekunde
       *[other] { $seconds } Sekunden
    } und versuche es dann erneut.
error-not-found-title = Seite nicht gefunden
error-not-found = Unter dieser Adresse gibt es nichts.
error-not-open-title = Die Anmeldung ist noch nicht geöffnet
error-not-open = Diese Anmeldeseite öffnet am { $opens }. Bitte komm dann wieder.
error-over-title = Die Anmeldung ist beendet
error-over = Diese Anmeldeseite wurde am { $closed } geschlossen. Du kannst weiterhin direkt im Wiki ein Benutzerkonto erstellen.
error-all-accounts-title = Diese Anmeldeseite hat alle Benutzerkonten erstellt, die sie darf
error-all-accounts = Die Veranstalter haben eine Anzahl von Benutzerkonten für diese Veranstaltung festgelegt, und sie ist erreicht. Du kannst weiterhin direkt im Wiki ein Benutzerkonto erstellen.
error-report-refused-title = Der Bericht braucht seinen Link
error-report-refused = Diese Seite ist für die Veranstalter: Öffne sie mit dem Link, den sie erhalten haben; er enthält ihren Schlüssel.
error-hand-off-title = Bitte melde dich auf der Seite des Wikis selbst an
error-hand-off = Zum Schutz vor automatisierten Anmeldungen verlangt { $wiki } von neuen Benutzern eine Prüfung, die nur seine eigene Anmeldeseite anzeigen kann. Bitte erstelle dein Benutzerkonto dort; danach kommst du an dieselbe Stelle zurück.

## Ways on from those pages

action-back = Zurück zum Anmeldeformular
action-try-again = Erneut versuchen
action-new-tab = Anmeldung in einem neuen Tab öffnen
action-wiki-signup = Benutzerkonto direkt im Wiki erstellen

## Advice while the form is filled in

check-username-refused = Das Wiki akzeptiert diesen Benutzernamen nicht.
check-password-refused = Das Wiki akzeptiert dieses Passwort nicht.

## The event code, where the organisers set one

event-code-label = Veranstaltungscode
event-code-help = Das Wort, das die Veranstalter bei der Veranstaltung bekannt gegeben haben.
event-code-missing = Bitte gib den Veranstaltungscode ein, den die Veranstalter bekannt gegeben haben.
event-code-wrong = Das ist nicht der Veranstaltungscode. Bitte frage die Veranstalter und gib ihn erneut ein.

## Every page's footer

footer-run-by = Diese Seite wird von { $operator } betrieben.
footer-account = Dein Benutzerkonto wird auf { $wiki } erstellt, das dein Passwort verwahrt; diese Seite speichert es nicht.
footer-privacy = Datenschutz
