# Japanese: the portal's own sentences (see en.ftl). Awaits review by a
# fluent speaker: each sentence keeps close to MediaWiki's own Japanese for
# the same thing where MediaWiki has one.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = (省略可能)

## The sign-up form

form-or = または
form-please-wait = お待ちください…
form-start-over = 最初からやり直す
form-language = 言語
form-wiki-signup = { $wiki } で直接アカウントを作成
form-reference = サポート用の参照番号:
form-captcha-needs-script = このウィキの CAPTCHA には JavaScript が必要です。このページで JavaScript を有効にするか、ウィキで直接アカウントを作成してください。

## Notices above the form

notice-session-expired = セッションの有効期限が切れていたため、まだ何も送信されていません。フォームを確認して、もう一度送信してください。
notice-too-long = 「{ $label }」はウィキが受け付ける長さを超えています: 最大 { $max } バイト (ラテン文字ならその数、多くの他の文字ではそれより少なくなります)。短くしてください。何も送信されていません。
notice-provider-said = ログインサービスの応答: { $error }。
notice-provider-said-why = ログインサービスの応答: { $error } ({ $description })。
notice-provider-cancelled = ログインサービスでの手続きが終わる前に戻りました。もう一度選ぶことができます。
notice-address-limit = この登録ページは、ウィキの新規アカウント数の上限に当面達しました: ウィキはこのページを通じたすべての登録を 1 つのアドレスからのものとして数えます。下のリンクから、ウィキで直接アカウントを作成することはできます。(主催者の方へ: 主催者モードを使うか、ウィキに例外を依頼してください。)
notice-form-too-old = 安全のため何も送信されていません: フォームが古すぎました。確認して、もう一度送信してください。
notice-answers-kept = 入力内容は下のフォームに残っています。パスワードは保存されないため、もう一度入力してください。
notice-start-again = 最初からやり直してください。
notice-new-image = 新しい画像です。入力内容は下のフォームに残っています。パスワードは保存されないため、もう一度入力してください。
notice-account-exists = あなたのアカウント { $username } はすでに作成されています。この手順はその後のことだけでした。このアカウントでウィキにログインできます。

## The page after the account is created

welcome-created = あなたのアカウント { $username } が { $wiki } に作成されました。
welcome-password-mailed = ウィキがあなたのメールアドレスに仮パスワードを送信しました。それでログインしてください。その後、ウィキが自分のパスワードを選ぶよう求めます。

## Pages for what went wrong

error-try-again = たいていは一時的なものです: 少し待ってから、もう一度お試しください。
error-try-later = 後でもう一度お試しください。
error-wiki-said = ウィキの応答: { $said }
error-wiki-unreachable = ウィキに正しく接続できませんでした
error-wiki-slow = ウィキの応答に時間がかかりすぎています
error-our-side = こちら側で問題が発生しました
error-permission = このウィキでは、ここからのアカウント作成は許可されていません
error-throttled = ウィキは現在、新規アカウントを制限しています
error-organizer-title = この登録ページは現在アカウントを作成できません
error-organizer = このページはウィキ上の主催者のアカウントを通じてアカウントを作成しますが、そのアカウントがログインできませんでした。主催者はページのログで理由を確認できます。後でもう一度お試しください。
error-stray-return-title = このログインリンクは、このブラウザーでのどの登録にも属していません
error-stray-return = すでに使用されたか、登録を始めたブラウザーとは別のブラウザーで開かれました。ウィキには何も送信されていません。登録フォームから始めてください。
error-bad-form-title = フォームを読み取れませんでした
error-bad-form = ブラウザーが送信したものは、このサイトの登録フォームではありません。フォームに戻って、もう一度お試しください。
error-cross-site-title = このフォームはこのサイトのものではありません
error-cross-site = 安全のため何も送信されていません: フォームは別のサイトのページから送信されました。登録フォームそのものを開いて、そこで入力してください。
error-framed-cookie-title = 登録を別のタブで開いてください
error-framed-cookie = この登録フォームは別のサイトのページ内に表示されていますが、ブラウザーが、手順の間フォームを覚えておくために必要な 1 つの Cookie をそこで保持させません。何も送信されていません。別のタブでは同じフォームが使えます。
error-cookie-title = ブラウザーがこのサイトの Cookie を保持しませんでした
error-cookie = 登録には、手順の間フォームを覚えておくための Cookie が 1 つ必要ですが、ブラウザーが拒否しました。何も送信されていません。このサイトの Cookie を許可してから、もう一度フォームに入力してください。
error-rate-limited-title = 試行回数が多すぎます
error-rate-limited = 短時間にあなたのネットワークから登録の試行が多すぎました。{ $seconds } 秒待ってから、もう一度お試しください。
error-not-found-title = ページが見つかりません
error-not-found = このアドレスには何もありません。
error-not-open-title = 登録はまだ始まっていません
error-not-open = この登録ページは { $opens } に開きます。その時にまたお越しください。
error-over-title = 登録は終了しました
error-over = この登録ページは { $closed } に終了しました。ウィキで直接アカウントを作成することはできます。
error-all-accounts-title = この登録ページは作成できるアカウントをすべて作成しました
error-all-accounts = 主催者がこのイベントのアカウント数を決めており、その数に達しました。ウィキで直接アカウントを作成することはできます。
error-report-refused-title = レポートにはそのリンクが必要です
error-report-refused = このページはイベントの主催者向けです: 主催者が受け取った、鍵付きのリンクで開いてください。
error-hand-off-title = ウィキ自身のページで登録してください
error-hand-off = 自動登録を防ぐため、{ $wiki } は新しい利用者に、自身の登録ページでしか表示できない確認を求めています。そちらでアカウントを作成してください。その後、同じ場所に戻ります。

## Ways on from those pages

action-back = 登録フォームに戻る
action-try-again = もう一度試す
action-new-tab = 登録を新しいタブで開く
action-wiki-signup = ウィキで直接アカウントを作成

## Advice while the form is filled in

check-username-refused = ウィキはこの利用者名を受け付けません。
check-password-refused = ウィキはこのパスワードを受け付けません。

## The event code, where the organisers set one

event-code-label = イベントコード
event-code-help = 主催者がイベントで発表した言葉です。
event-code-missing = 主催者が発表したイベントコードを入力してください。
event-code-wrong = イベントコードが違います。主催者に確認して、もう一度入力してください。

## Every page's footer

footer-run-by = このページは { $operator } が運営しています。
footer-account = あなたのアカウントは { $wiki } に作成され、パスワードはそこで保管されます。このページは保存しません。
footer-privacy = プライバシー
