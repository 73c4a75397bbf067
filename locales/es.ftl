# Spanish: the portal's own sentences (see en.ftl). Awaits review by a
# fluent speaker: each sentence keeps close to MediaWiki's own Spanish for
# the same thing where MediaWiki has one.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = (opcional)

## The sign-up form

form-or = o
form-please-wait = Espera, por favor…
form-start-over = Empezar de nuevo
form-language = Idioma
form-wiki-signup = Crea tu cuenta directamente en { $wiki }
form-reference = Referencia para soporte:
form-captcha-needs-script = El CAPTCHA de este wiki necesita JavaScript. Activa JavaScript para esta página o crea tu cuenta directamente en el wiki.

## Notices above the form

notice-session-expired = Tu sesión había caducado, así que aún no se ha enviado nada. Revisa el formulario y envíalo de nuevo.
notice-too-long = «{ $label }» es más largo de lo que acepta el wiki: como máximo { $max } bytes (otras tantas letras latinas, menos en la mayoría de las demás escrituras). Acórtalo; no se ha enviado nada.
notice-provider-said = El servicio de inicio de sesión respondió: { $error }.
notice-provider-said-why = El servicio de inicio de sesión respondió: { $error } ({ $description }).
notice-provider-cancelled = Volviste antes de terminar con el servicio de inicio de sesión. Puedes elegir de nuevo.
notice-address-limit = Esta página de registro ha alcanzado por ahora el límite de cuentas nuevas del wiki: el wiki cuenta cada registro hecho desde esta página como si viniera de una sola dirección. Aún puedes crear tu cuenta directamente en el wiki, con el enlace de abajo. (Organizadores: usad el modo de organizador o pedid una excepción al wiki).
notice-form-too-old = Por tu seguridad no se ha enviado nada: el formulario era demasiado antiguo. Revísalo y envíalo de nuevo.
notice-answers-kept = Tus respuestas siguen en el formulario de abajo; las contraseñas nunca se guardan, así que escribe la tuya de nuevo.
notice-start-again = Empieza de nuevo, por favor.
notice-new-image = Aquí tienes una imagen nueva. Tus respuestas siguen en el formulario de abajo; las contraseñas nunca se guardan, así que escribe la tuya de nuevo.
notice-account-exists = Tu cuenta { $username } ya se había creado; este paso solo trataba de lo que viene después. Ya puedes iniciar sesión con ella en el wiki.

## The page after the account is created

welcome-created = Se ha creado tu cuenta { $username } en { $wiki }.
welcome-password-mailed = El wiki ha enviado una contraseña temporal a tu dirección de correo electrónico. Inicia sesión con ella; después el wiki te pedirá que elijas la tuya.

## Pages for what went wrong

error-try-again = Suele ser algo pasajero: inténtalo de nuevo en un momento.
error-try-later = Inténtalo de nuevo más tarde.
error-wiki-said = El wiki dijo: { $said }
error-wiki-unreachable = No se pudo contactar bien con el wiki
error-wiki-slow = El wiki está tardando demasiado en responder
error-our-side = Algo ha fallado por nuestra parte
error-permission = Este wiki no permite crear cuentas aquí
error-throttled = El wiki está limitando las cuentas nuevas en este momento
error-organizer-title = Esta página de registro no puede crear cuentas ahora
error-organizer = Crea las cuentas mediante la cuenta de los organizadores en el wiki, que no pudo iniciar sesión. Los organizadores pueden ver el motivo en el registro de la página. Inténtalo de nuevo más tarde.
error-stray-return-title = Este enlace de inicio de sesión no forma parte de ningún registro en este navegador
error-stray-return = Ya se usó, o se abrió en un navegador distinto del que empezó el registro. No se ha enviado nada al wiki. Empieza desde el formulario de registro.
error-bad-form-title = No se pudo leer el formulario
error-bad-form = Lo que envió el navegador no es un formulario de registro de este sitio. Vuelve al formulario e inténtalo de nuevo.
error-cross-site-title = Este formulario no proviene de este sitio
error-cross-site = Por tu seguridad no se ha enviado nada: el formulario lo envió una página de otro sitio. Abre el propio formulario de registro y rellénalo allí.
error-framed-cookie-title = Abre el registro en una pestaña propia
error-framed-cookie = Este formulario de registro se muestra dentro de la página de otro sitio, y tu navegador no le deja guardar allí la única cookie que necesita para recordar tu formulario entre pasos. No se ha enviado nada. En una pestaña propia el mismo formulario funciona.
error-cookie-title = Tu navegador no guardó la cookie de este sitio
error-cookie = El registro necesita una cookie para recordar tu formulario entre pasos, y tu navegador la rechazó. No se ha enviado nada. Permite las cookies para este sitio y rellena el formulario de nuevo.
error-rate-limited-title = Demasiados intentos
error-rate-limited = Llegaron demasiados intentos de registro desde tu red en poco tiempo. Espera { $seconds ->
        [one] un segundo
       *[other] { $seconds } segundos
    } y vuelve a intentarlo.
error-not-found-title = Página no encontrada
error-not-found = No hay nada en esta dirección.
error-not-open-title = El registro aún no está abierto
error-not-open = Esta página de registro se abre el { $opens }. Vuelve entonces, por favor.
error-over-title = El registro ha terminado
error-over = Esta página de registro se cerró el { $closed }. Aún puedes crear una cuenta directamente en el wiki.
error-all-accounts-title = Esta página de registro ya ha creado todas las cuentas que puede
error-all-accounts = Los organizadores fijaron un número de cuentas para este evento y ya se ha alcanzado. Aún puedes crear una cuenta directamente en el wiki.
error-report-refused-title = El informe necesita su enlace
error-report-refused = Esta página es para los organizadores del evento: ábrela con el enlace que recibieron, que lleva su clave.
error-hand-off-title = Regístrate en la propia página del wiki
error-hand-off = Para protegerse de los registros automáticos, { $wiki } pide a los usuarios nuevos una comprobación que solo su propia página de registro puede mostrar. Crea tu cuenta allí; después volverás al mismo lugar.

## Ways on from those pages

action-back = Volver al formulario de registro
action-try-again = Intentar de nuevo
action-new-tab = Abrir el registro en una pestaña nueva
action-wiki-signup = Crear tu cuenta directamente en el wiki

## Advice while the form is filled in

check-username-refused = El wiki no acepta este nombre de usuario.
check-password-refused = El wiki no acepta esta contraseña.

## The event code, where the organisers set one

event-code-label = Código del evento
event-code-help = La palabra que los organizadores anunciaron en el evento.
event-code-missing = Escribe el código del evento que anunciaron los organizadores.
event-code-wrong = Ese no es el código del evento. Compruébalo con los organizadores y escríbelo de nuevo.

## Every page's footer

footer-run-by = Esta página la gestiona { $operator }.
footer-account = Tu cuenta se crea en { $wiki }, que guarda tu contraseña; esta página no la almacena.
footer-privacy = Privacidad
