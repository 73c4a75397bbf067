# Chinese (simplified script, as the wiki's `zh` shows by default): the
# portal's own sentences (see en.ftl). Awaits review by a fluent speaker:
# each sentence keeps close to MediaWiki's own Chinese for the same thing
# where MediaWiki has one.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = （可选）

## The sign-up form

form-or = 或
form-please-wait = 请稍候…
form-start-over = 重新开始
form-language = 语言
form-wiki-signup = 直接在{ $wiki }创建账户
form-reference = 技术支持参考编号：
form-captcha-needs-script = 本维基的验证码需要JavaScript。请为本页启用JavaScript，或直接在维基上创建账户。

## Notices above the form

notice-session-expired = 您的会话已过期，因此尚未发送任何内容。请检查表单并重新提交。
notice-too-long = “{ $label }”超过了维基接受的长度：最多{ $max }字节（拉丁字母即这么多个，大多数其他文字则更少）。请缩短；尚未发送任何内容。
notice-provider-said = 登录服务回复：{ $error }。
notice-provider-said-why = 登录服务回复：{ $error }（{ $description }）。
notice-provider-cancelled = 您在完成登录服务的步骤之前返回了。您可以重新选择。
notice-address-limit = 本注册页面暂时已达到维基的新账户数量限制：维基把通过本页面的每次注册都算作来自同一个地址。您仍可通过下面的链接直接在维基上创建账户。（组织者：请使用组织者模式，或请求维基给予例外。）
notice-form-too-old = 为了您的安全，未发送任何内容：表单已过期。请检查后重新提交。
notice-answers-kept = 您的回答仍在下面的表单中；密码从不保存，请重新输入您的密码。
notice-start-again = 请重新开始。
notice-new-image = 这是一张新图片。您的回答仍在下面的表单中；密码从不保存，请重新输入您的密码。
notice-account-exists = 您的账户{ $username }已经创建；这一步只涉及之后的事情。您现在可以用它登录维基。

## The page after the account is created

welcome-created = 您的账户{ $username }已在{ $wiki }上创建。
welcome-password-mailed = 维基已向您的电子邮件地址发送了临时密码。请用它登录；之后维基会请您设置自己的密码。

## Pages for what went wrong

error-try-again = 这通常是暂时的：请稍后重试。
error-try-later = 请稍后再试。
error-wiki-said = 维基回复：{ $said }
error-wiki-unreachable = 无法正常连接维基
error-wiki-slow = 维基响应时间过长
error-our-side = 我们这边出了问题
error-permission = 本维基不允许在此创建账户
error-throttled = 维基目前正在限制新账户
error-organizer-title = 本注册页面目前无法创建账户
error-organizer = 本页面通过组织者在维基上的账户创建账户，但该账户无法登录。组织者可以在页面日志中看到原因。请稍后再试。
error-stray-return-title = 此登录链接不属于此浏览器中的任何注册
error-stray-return = 它已被使用过，或是在与开始注册不同的浏览器中打开的。未向维基发送任何内容。请从注册表单重新开始。
error-bad-form-title = 无法读取表单
error-bad-form = 浏览器发送的内容不是本网站的注册表单。请返回表单重试。
error-cross-site-title = 此表单并非来自本网站
error-cross-site = 为了您的安全，未发送任何内容：表单是由另一个网站的页面提交的。请打开注册表单本身并在那里填写。
error-framed-cookie-title = 请在单独的标签页中打开注册
error-framed-cookie = 此注册表单显示在另一个网站的页面中，而您的浏览器不允许它在那里保留在各步骤之间记住您表单所需的唯一Cookie。未发送任何内容。在单独的标签页中，同一表单可以正常使用。
error-cookie-title = 您的浏览器没有保留本网站的Cookie
error-cookie = 注册需要一个Cookie来在各步骤之间记住您的表单，而您的浏览器拒绝了它。未发送任何内容。请允许本网站的Cookie，然后重新填写表单。
error-rate-limited-title = 尝试次数过多
error-rate-limited = 短时间内来自您网络的注册尝试过多。请等待{ $seconds }秒后重试。
error-not-found-title = 找不到页面
error-not-found = 此地址没有任何内容。
error-not-open-title = 注册尚未开放
error-not-open = 本注册页面将于{ $opens }开放。届时请再来。
error-over-title = 注册已结束
error-over = 本注册页面已于{ $closed }关闭。您仍可直接在维基上创建账户。
error-all-accounts-title = 本注册页面已创建了允许的全部账户
error-all-accounts = 组织者为本活动设定了账户数量，现已达到。您仍可直接在维基上创建账户。
error-report-refused-title = 报告需要其链接
error-report-refused = 本页面供活动组织者使用：请用他们收到的、带有密钥的链接打开。
error-hand-off-title = 请在维基自己的页面上注册
error-hand-off = 为防止自动注册，{ $wiki }要求新用户完成一项只有其自己的注册页面才能显示的检查。请在那里创建账户；之后您会回到同一位置。

## Ways on from those pages

action-back = 返回注册表单
action-try-again = 重试
action-new-tab = 在新标签页中打开注册
action-wiki-signup = 直接在维基上创建账户

## Advice while the form is filled in

check-username-refused = 维基不接受此用户名。
check-password-refused = 维基不接受此密码。

## The event code, where the organisers set one

event-code-label = 活动代码
event-code-help = 组织者在活动中宣布的词语。
event-code-missing = 请输入组织者宣布的活动代码。
event-code-wrong = 这不是活动代码。请向组织者确认后重新输入。

## Every page's footer

footer-run-by = 本页面由{ $operator }运营。
footer-account = 您的账户创建于{ $wiki }，由其保管您的密码；本页面不存储密码。
footer-privacy = 隐私
