# French: the portal's own sentences (see en.ftl). Awaits review by a fluent
# speaker: each sentence keeps close to MediaWiki's own French for the same
# thing where MediaWiki has one.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = (facultatif)

## The sign-up form

form-or = ou
form-please-wait = Veuillez patienter…
form-start-over = Recommencer
form-language = Langue
form-wiki-signup = Créer votre compte directement sur { $wiki }
form-reference = Référence pour l’assistance :
form-captcha-needs-script = Le CAPTCHA de ce wiki nécessite JavaScript. Veuillez activer JavaScript pour cette page, ou créer votre compte directement sur le wiki.

## Notices above the form

notice-session-expired = Votre session avait expiré, rien n’a donc encore été envoyé. Veuillez vérifier le formulaire et le soumettre à nouveau.
notice-too-long = « { $label } » est plus long que ce que le wiki accepte : { $max } octets au plus (autant de lettres latines, moins dans la plupart des autres écritures). Veuillez le raccourcir ; rien n’a été envoyé.
notice-provider-said = Le service de connexion a répondu : { $error }.
notice-provider-said-why = Le service de connexion a répondu : { $error } ({ $description }).
notice-provider-cancelled = Vous êtes revenu avant d’avoir terminé avec le service de connexion. Vous pouvez choisir à nouveau.
notice-address-limit = Cette page d’inscription a atteint pour l’instant la limite de nouveaux comptes du wiki : le wiki compte chaque inscription faite par cette page comme venant d’une seule adresse. Vous pouvez toujours créer votre compte directement sur le wiki, avec le lien ci-dessous. (Organisateurs : utilisez le mode organisateur, ou demandez une exception au wiki.)
notice-form-too-old = Pour votre sécurité, rien n’a été envoyé : le formulaire était trop ancien. Veuillez le vérifier et le soumettre à nouveau.
notice-answers-kept = Vos réponses sont toujours dans le formulaire ci-dessous ; les mots de passe ne sont jamais conservés, veuillez donc saisir le vôtre à nouveau.
notice-start-again = Veuillez recommencer.
notice-new-image = Voici une nouvelle image. Vos réponses sont toujours dans le formulaire ci-dessous ; les mots de passe ne sont jamais conservés, veuillez donc saisir le vôtre à nouveau.
notice-account-exists = Votre compte { $username } avait déjà été créé ; cette étape ne concernait que la suite. Vous pouvez maintenant vous connecter au wiki avec ce compte.

## The page after the account is created

welcome-created = Votre compte { $username } a été créé sur { $wiki }.
welcome-password-mailed = Le wiki a envoyé un mot de passe temporaire à votre adresse de courriel. Connectez-vous avec ; le wiki vous demandera ensuite d’en choisir un.

## Pages for what went wrong

error-try-again = C’est généralement passager : veuillez réessayer dans un instant.
error-try-later = Veuillez réessayer plus tard.
error-wiki-said = Le wiki a répondu : { $said }
error-wiki-unreachable = Le wiki n’a pas pu être joint correctement
error-wiki-slow = Le wiki met trop de temps à répondre
error-our-side = Un problème est survenu de notre côté
error-permission = Ce wiki n’autorise pas la création de comptes ici
error-throttled = Le wiki limite en ce moment les nouveaux comptes
error-organizer-title = Cette page d’inscription ne peut pas créer de comptes pour le moment
error-organizer = Elle crée les comptes avec le compte des organisateurs sur le wiki, qui n’a pas pu se connecter. Les organisateurs peuvent en voir la raison dans le journal de la page. Veuillez réessayer plus tard.
error-stray-return-title = Ce lien de connexion ne correspond à aucune inscription dans ce navigateur
error-stray-return = Il a déjà été utilisé, ou il a été ouvert dans un autre navigateur que celui où l’inscription a commencé. Rien n’a été envoyé au wiki. Veuillez repartir du formulaire d’inscription.
error-bad-form-title = Le formulaire n’a pas pu être lu
error-bad-form = Ce que le navigateur a envoyé n’est pas un formulaire d’inscription de ce site. Veuillez revenir au formulaire et réessayer.
error-cross-site-title = Ce formulaire ne vient pas de ce site
error-cross-site = Pour votre sécurité, rien n’a été envoyé : le formulaire a été soumis par une page d’un autre site. Veuillez ouvrir le formulaire d’inscription lui-même et le remplir là.
error-framed-cookie-title = Veuillez ouvrir l’inscription dans un onglet à part
error-framed-cookie = Ce formulaire d’inscription est affiché dans la page d’un autre site, et votre navigateur ne lui permet pas d’y garder le seul cookie dont il a besoin pour se souvenir de votre formulaire entre les étapes. Rien n’a été envoyé. Dans un onglet à part, le même formulaire fonctionne.
error-cookie-title = Votre navigateur n’a pas gardé le cookie de ce site
error-cookie = L’inscription a besoin d’un cookie pour se souvenir de votre formulaire entre les étapes, et votre navigateur l’a refusé. Rien n’a été envoyé. Veuillez autoriser les cookies pour ce site, puis remplir à nouveau le formulaire.
error-rate-limited-title = Trop de tentatives
error-rate-limited = Trop de tentatives d’inscription sont venues de votre réseau en peu de temps. Veuillez attendre { $seconds ->
        [one] une seconde
       *[other] { $seconds } secondes
    }, puis réessayer.
error-not-found-title = Page introuvable
error-not-found = Il n’y a rien à cette adresse.
error-not-open-title = L’inscription n’est pas encore ouverte
error-not-open = Cette page d’inscription ouvre le { $opens }. Veuillez revenir à ce moment-là.
error-over-title = L’inscription est terminée
error-over = Cette page d’inscription a fermé le { $closed }. Vous pouvez toujours créer un compte directement sur le wiki.
error-all-accounts-title = Cette page d’inscription a créé tous les comptes permis
error-all-accounts = Les organisateurs ont fixé un nombre de comptes pour cet événement, et il est atteint. Vous pouvez toujours créer un compte directement sur le wiki.
error-report-refused-title = Le rapport nécessite son lien
error-report-refused = Cette page est destinée aux organisateurs de l’événement : ouvrez-la avec le lien qu’ils ont reçu, qui porte sa clé.
error-hand-off-title = Veuillez vous inscrire sur la page du wiki lui-même
error-hand-off = Pour se protéger des inscriptions automatisées, { $wiki } demande aux nouveaux utilisateurs une vérification que seule sa propre page d’inscription peut afficher. Veuillez y créer votre compte ; vous reviendrez ensuite au même endroit.

## Ways on from those pages

action-back = Retour au formulaire d’inscription
action-try-again = Réessayer
action-new-tab = Ouvrir l’inscription dans un nouvel onglet
action-wiki-signup = Créer votre compte directement sur le wiki

## Advice while the form is filled in

check-username-refused = Le wiki n’accepte pas ce nom d’utilisateur.
check-password-refused = Le wiki n’accepte pas ce mot de passe.

## The event code, where the organisers set one

event-code-label = Code de l’événement
event-code-help = Le mot que les organisateurs ont annoncé pendant l’événement.
event-code-missing = Veuillez saisir le code de l’événement annoncé par les organisateurs.
event-code-wrong = Ce n’est pas le code de l’événement. Veuillez le vérifier auprès des organisateurs et le saisir à nouveau.

## Every page's footer

footer-run-by = Cette page est gérée par { $operator }.
footer-account = Votre compte est créé sur { $wiki }, qui conserve votre mot de passe ; cette page ne l’enregistre pas.
footer-privacy = Confidentialité
