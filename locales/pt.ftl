# Portuguese: the portal's own sentences (see en.ftl). Awaits review by a
# fluent speaker: each sentence keeps close to MediaWiki's own Portuguese
# for the same thing where MediaWiki has one.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = (opcional)

## The sign-up form

form-or = ou
form-please-wait = Aguarde, por favor…
form-start-over = Recomeçar
form-language = Língua
form-wiki-signup = Criar a sua conta diretamente em { $wiki }
form-reference = Referência para o suporte:
form-captcha-needs-script = O CAPTCHA desta wiki precisa de JavaScript. Ative o JavaScript para esta página ou crie a sua conta diretamente na wiki.

## Notices above the form

notice-session-expired = A sua sessão tinha expirado, por isso ainda não foi enviado nada. Verifique o formulário e envie-o novamente.
notice-too-long = "{ $label }" é mais longo do que a wiki aceita: no máximo { $max } bytes (outras tantas letras latinas, menos na maioria das outras escritas). Encurte-o; não foi enviado nada.
notice-provider-said = O serviço de autenticação respondeu: { $error }.
notice-provider-said-why = O serviço de autenticação respondeu: { $error } ({ $description }).
notice-provider-cancelled = Voltou antes de terminar com o serviço de autenticação. Pode escolher novamente.
notice-address-limit = Esta página de registo atingiu, por agora, o limite de contas novas da wiki: a wiki conta cada registo feito por esta página como vindo de um só endereço. Ainda pode criar a sua conta diretamente na wiki, com a ligação abaixo. (Organizadores: usem o modo de organizador ou peçam uma exceção à wiki.)
notice-form-too-old = Para sua segurança não foi enviado nada: o formulário era demasiado antigo. Verifique-o e envie-o novamente.
notice-answers-kept = As suas respostas continuam no formulário abaixo; as palavras-passe nunca são guardadas, por isso escreva a sua novamente.
notice-start-again = Comece de novo, por favor.
notice-new-image = Aqui está uma imagem nova. As suas respostas continuam no formulário abaixo; as palavras-passe nunca são guardadas, por isso escreva a sua novamente.
notice-account-exists = A sua conta { $username } já tinha sido criada; este passo era só sobre o que vem a seguir. Já pode entrar na wiki com ela.

## The page after the account is created

welcome-created = A sua conta { $username } foi criada em { $wiki }.
welcome-password-mailed = A wiki enviou uma palavra-passe temporária para o seu endereço de correio eletrónico. Entre com ela; depois a wiki pede-lhe que escolha a sua.

## Pages for what went wrong

error-try-again = Normalmente é passageiro: tente novamente daqui a pouco.
error-try-later = Tente novamente mais tarde.
error-wiki-said = A wiki respondeu: { $said }
error-wiki-unreachable = Não foi possível contactar a wiki corretamente
error-wiki-slow = A wiki está a demorar demasiado a responder
error-our-side = Algo correu mal do nosso lado
error-permission = Esta wiki não permite criar contas aqui
error-throttled = A wiki está a limitar as contas novas neste momento
error-organizer-title = Esta página de registo não pode criar contas agora
error-organizer = Cria as contas através da conta dos organizadores na wiki, que não conseguiu entrar. Os organizadores podem ver o motivo no registo da página. Tente novamente mais tarde.
error-stray-return-title = Esta ligação de autenticação não pertence a nenhum registo neste navegador
error-stray-return = Já foi usada, ou foi aberta num navegador diferente daquele em que o registo começou. Não foi enviado nada à wiki. Comece pelo formulário de registo.
error-bad-form-title = Não foi possível ler o formulário
error-bad-form = O que o navegador enviou não é um formulário de registo deste sítio. Volte ao formulário e tente novamente.
error-cross-site-title = Este formulário não veio deste sítio
error-cross-site = Para sua segurança não foi enviado nada: o formulário foi enviado por uma página de outro sítio. Abra o próprio formulário de registo e preencha-o lá.
error-framed-cookie-title = Abra o registo num separador próprio
error-framed-cookie = Este formulário de registo é mostrado dentro da página de outro sítio, e o seu navegador não o deixa guardar aí o único cookie de que precisa para se lembrar do seu formulário entre passos. Não foi enviado nada. Num separador próprio, o mesmo formulário funciona.
error-cookie-title = O seu navegador não guardou o cookie deste sítio
error-cookie = O registo precisa de um cookie para se lembrar do seu formulário entre passos, e o seu navegador recusou-o. Não foi enviado nada. Permita cookies para este sítio e preencha o formulário novamente.
error-rate-limited-title = Demasiadas tentativas
error-rate-limited = Chegaram demasiadas tentativas de registo da sua rede em pouco tempo. Aguarde { $seconds ->
        [one] um segundo
       *[other] { $seconds } segundos
    } e tente novamente.
error-not-found-title = Página não encontrada
error-not-found = Não há nada neste endereço.
error-not-open-title = O registo ainda não abriu
error-not-open = Esta página de registo abre em { $opens }. Volte nessa altura, por favor.
error-over-title = O registo terminou
error-over = Esta página de registo fechou em { $closed }. Ainda pode criar uma conta diretamente na wiki.
error-all-accounts-title = Esta página de registo já criou todas as contas que pode
error-all-accounts = Os organizadores definiram um número de contas para este evento, e foi atingido. Ainda pode criar uma conta diretamente na wiki.
error-report-refused-title = O relatório precisa da sua ligação
error-report-refused = Esta página é para os organizadores do evento: abra-a com a ligação que receberam, que leva a sua chave.
error-hand-off-title = Registe-se na própria página da wiki
error-hand-off = Para se proteger de registos automáticos, { $wiki } pede aos novos utilizadores uma verificação que só a sua própria página de registo consegue mostrar. Crie a sua conta lá; depois voltará ao mesmo lugar.

## Ways on from those pages

action-back = Voltar ao formulário de registo
action-try-again = Tentar novamente
action-new-tab = Abrir o registo num separador novo
action-wiki-signup = Criar a sua conta diretamente na wiki

## Advice while the form is filled in

check-username-refused = A wiki não aceita este nome de utilizador.
check-password-refused = A wiki não aceita esta palavra-passe.

## The event code, where the organisers set one

event-code-label = Código do evento
event-code-help = A palavra que os organizadores anunciaram no evento.
event-code-missing = Escreva o código do evento anunciado pelos organizadores.
event-code-wrong = Esse não é o código do evento. Confirme-o com os organizadores e escreva-o novamente.

## Every page's footer

footer-run-by = Esta página é gerida por { $operator }.
footer-account = A sua conta é criada em { $wiki }, que guarda a sua palavra-passe; esta página não a armazena.
footer-privacy = Privacidade
