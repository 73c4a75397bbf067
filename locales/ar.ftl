# Arabic: the portal's own sentences (see en.ftl). Ids missing here are shown in English.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = (اختياري)

## The sign-up form

form-or = أو
form-please-wait = يرجى الانتظار…
form-start-over = البدء من جديد
form-language = اللغة
form-wiki-signup = أنشئ حسابك على { $wiki } مباشرة
form-reference = رقم مرجعي للدعم:
form-captcha-needs-script = يحتاج اختبار كابتشا في هذه الويكي إلى جافاسكربت. يرجى تفعيل جافاسكربت لهذه الصفحة، أو إنشاء حسابك على الويكي مباشرة.

## Notices above the form

notice-session-expired = انتهت صلاحية جلستك، لذا لم يُرسَل شيء بعد. يرجى مراجعة الاستمارة وإرسالها مرة أخرى.
notice-too-long = «{ $label }» أطول مما تقبله الويكي: { $max } بايت على الأكثر (بعدد الحروف اللاتينية، وأقل من ذلك في معظم الكتابات الأخرى). يرجى تقصيره؛ لم يُرسَل شيء.
notice-provider-said = أجاب مزوّد تسجيل الدخول: { $error }.
notice-provider-said-why = أجاب مزوّد تسجيل الدخول: { $error } ({ $description }).
notice-provider-cancelled = عدت قبل إكمال الخطوات مع مزوّد تسجيل الدخول. يمكنك الاختيار مرة أخرى.
notice-address-limit = بلغت صفحة التسجيل هذه حد الويكي للحسابات الجديدة حاليًا: تعدّ الويكي كل تسجيل يتم عبر هذه الصفحة آتيًا من عنوان واحد. لا يزال بإمكانك إنشاء حسابك على الويكي مباشرة عبر الرابط أدناه. (للمنظمين: استخدموا وضع المنظم، أو اطلبوا استثناءً من الويكي.)
notice-form-too-old = حفاظًا على أمانك لم يُرسَل شيء: كانت الاستمارة قديمة جدًا. يرجى مراجعتها وإرسالها مرة أخرى.
notice-answers-kept = لا تزال إجاباتك في الاستمارة أدناه؛ لا تُحفَظ كلمات المرور أبدًا، لذا يرجى كتابة كلمة مرورك مرة أخرى.
notice-start-again = يرجى البدء من جديد.
notice-new-image = هذه صورة جديدة. لا تزال إجاباتك في الاستمارة أدناه؛ لا تُحفَظ كلمات المرور أبدًا، لذا يرجى كتابة كلمة مرورك مرة أخرى.
notice-account-exists = أُنشئ حسابك { $username } بالفعل؛ هذه الخطوة تخص ما يأتي بعد ذلك فقط. يمكنك تسجيل الدخول إلى الويكي به الآن.

## The page after the account is created

welcome-created = أُنشئ حسابك { $username } على { $wiki }.
welcome-password-mailed = أرسلت الويكي كلمة مرور مؤقتة إلى عنوان بريدك الإلكتروني. سجّل الدخول بها؛ ثم تطلب منك الويكي اختيار كلمة مرورك.

## Pages for what went wrong

error-try-again = هذه المشكلة مؤقتة عادةً: يرجى المحاولة مرة أخرى بعد قليل.
error-try-later = يرجى المحاولة مرة أخرى لاحقًا.
error-wiki-said = قالت الويكي: { $said }
error-wiki-unreachable = تعذّر الوصول إلى الويكي كما ينبغي
error-wiki-slow = تستغرق الويكي وقتًا طويلًا للرد
error-our-side = حدث خطأ من جهتنا
error-permission = لا تسمح هذه الويكي بإنشاء الحسابات من هنا
error-throttled = تحدّ الويكي من الحسابات الجديدة حاليًا
error-organizer-title = لا تستطيع صفحة التسجيل هذه إنشاء حسابات الآن
error-organizer = تنشئ هذه الصفحة الحسابات عبر حساب المنظمين على الويكي، وقد تعذّر تسجيل دخوله. يمكن للمنظمين معرفة السبب في سجل الصفحة. يرجى المحاولة مرة أخرى لاحقًا.
error-stray-return-title = رابط تسجيل الدخول هذا ليس جزءًا من تسجيل في هذا المتصفح
error-stray-return = استُخدم هذا الرابط من قبل، أو فُتح في متصفح غير الذي بدأ التسجيل. لم يُرسَل شيء إلى الويكي. يرجى البدء من استمارة التسجيل.
error-bad-form-title = تعذّرت قراءة الاستمارة
error-bad-form = ما أرسله المتصفح ليس استمارة تسجيل من هذا الموقع. يرجى العودة إلى الاستمارة والمحاولة مرة أخرى.
error-cross-site-title = لم تأتِ هذه الاستمارة من هذا الموقع
error-cross-site = حفاظًا على أمانك لم يُرسَل شيء: أُرسلت الاستمارة من صفحة موقع آخر. يرجى فتح استمارة التسجيل نفسها وتعبئتها هناك.
error-framed-cookie-title = يرجى فتح التسجيل في لسان مستقل
error-framed-cookie = تظهر استمارة التسجيل هذه داخل صفحة موقع آخر، ولا يسمح لها متصفحك بالاحتفاظ بملف تعريف الارتباط الوحيد الذي تحتاجه هناك لتذكّر استمارتك بين الخطوات. لم يُرسَل شيء. في لسان مستقل تعمل الاستمارة نفسها.
error-cookie-title = لم يحتفظ متصفحك بملف تعريف الارتباط الخاص بهذا الموقع
error-cookie = يحتاج التسجيل إلى ملف تعريف ارتباط واحد لتذكّر استمارتك بين الخطوات، وقد رفضه متصفحك. لم يُرسَل شيء. يرجى السماح بملفات تعريف الارتباط لهذا الموقع، ثم تعبئة الاستمارة مرة أخرى.
error-rate-limited-title = محاولات كثيرة جدًا
error-rate-limited = جاءت محاولات تسجيل كثيرة جدًا من شبكتك في وقت قصير. يرجى الانتظار { $seconds ->
        [zero] لحظة
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
       *[other] { $seconds } ثانية
    }، ثم المحاولة مرة أخرى.
error-not-found-title = الصفحة غير موجودة
error-not-found = لا يوجد شيء في هذا العنوان.
error-not-open-title = لم يبدأ التسجيل بعد
error-not-open = تُفتح صفحة التسجيل هذه في { $opens }. يرجى العودة حينها.
error-over-title = انتهى التسجيل
error-over = أُغلقت صفحة التسجيل هذه في { $closed }. لا يزال بإمكانك إنشاء حساب على الويكي مباشرة.
error-all-accounts-title = أنشأت صفحة التسجيل هذه كل الحسابات المسموح بها
error-all-accounts = حدّد المنظمون عددًا من الحسابات لهذه الفعالية، وقد بُلغ. لا يزال بإمكانك إنشاء حساب على الويكي مباشرة.
error-report-refused-title = يحتاج التقرير إلى رابطه
error-report-refused = هذه الصفحة لمنظمي الفعالية: افتحها بالرابط الذي أُعطي لهم، فهو يحمل مفتاحها.
error-hand-off-title = يرجى التسجيل في صفحة الويكي نفسها
error-hand-off = لحماية نفسها من التسجيل الآلي، تطلب { $wiki } من المستخدمين الجدد اجتياز تحقق لا تستطيع عرضه إلا صفحة التسجيل الخاصة بها. يرجى إنشاء حسابك هناك؛ وستعود إلى المكان نفسه بعد ذلك.

## Ways on from those pages

action-back = العودة إلى استمارة التسجيل
action-try-again = حاول مرة أخرى
action-new-tab = افتح التسجيل في لسان جديد
action-wiki-signup = أنشئ حسابك على الويكي مباشرة

## Advice while the form is filled in

check-username-refused = لا تقبل الويكي اسم المستخدم هذا.
check-password-refused = لا تقبل الويكي كلمة المرور هذه.

## The event code, where the organisers set one

event-code-label = رمز الفعالية
event-code-help = الكلمة التي أعلنها المنظمون في الفعالية.
event-code-missing = يرجى كتابة رمز الفعالية الذي أعلنه المنظمون.
event-code-wrong = هذا ليس رمز الفعالية. يرجى التحقق منه مع المنظمين وكتابته مرة أخرى.

## Every page's footer

footer-run-by = يدير هذه الصفحة { $operator }.
footer-account = يُنشأ حسابك على { $wiki }، التي تحفظ كلمة مرورك؛ لا تخزّنها هذه الصفحة.
footer-privacy = الخصوصية

## لوحة المنظمين (/organize/)
console-title = لوحة المنظمين
console-sign-in-title = سجّل الدخول لإدارة فعالياتك
console-sign-in-intro = سجّل الدخول بكلمة مرور بوت لحسابك في الويكي، أنشأتها في Special:BotPasswords مع صلاحية "Create accounts". لا تحتفظ البوابة بها إلا أثناء تسجيل دخولك، ما لم تضع فعالية في وضع المنظم.
console-wiki = الويكي
console-username = اسم كلمة مرور البوت (الاسم@التطبيق)
console-password = كلمة مرور البوت
console-sign-in = تسجيل الدخول
console-sign-out = تسجيل الخروج
console-signed-in-as = مسجّل الدخول باسم { $name }.
console-refused-not-bot-password = اكتب اسم كلمة مرور البوت كما تعرضه Special:BotPasswords: الاسم@التطبيق.
console-refused-wrong-password = لم يقبل الويكي هذا الاسم وكلمة مرور البوت: تحقق من كليهما في Special:BotPasswords.
console-refused-grant = تفتقر كلمة مرور البوت هذه إلى صلاحية "{ $grant }": أضفها في Special:BotPasswords ثم سجّل الدخول من جديد.
console-refused-group = { $name } ليس في أي من المجموعات المسموح لها بإدارة الفعاليات هنا ({ $groups }): اطلب من مشغّل البوابة إضافتك.
console-refused-unreachable = تعذّر الوصول إلى الويكي { $wiki } الآن: حاول مجددًا بعد دقيقة.
console-refused-too-many = محاولات تسجيل دخول كثيرة جدًا: انتظر دقيقة ثم حاول مجددًا.
console-your-events = فعالياتك
console-no-events = ليست لديك فعاليات بعد.
console-new-event = فعالية جديدة
console-operator-events = فعاليات حدّدها المشغّل
console-set-by-operator = حدّدها المشغّل
console-state = الحالة
console-state-open = مفتوحة
console-state-not-yet = لم تُفتح بعد (تُفتح { $when })
console-state-closed = مغلقة
console-state-full = ممتلئة: أُنشئت كل الحسابات المسموح بها
console-state-login-failing = يفشل تسجيل دخول المنظم: { $reason }
console-edit = تعديل
console-close = إغلاق التسجيل
console-reopen = إعادة فتح التسجيل
console-save = حفظ
console-fix-fields = بعض الإعدادات تحتاج إلى تغيير: انظر الملاحظات بجانبها.
console-slug-taken = هذا العنوان تستخدمه فعالية أخرى: اختر غيره.
console-wiki-not-allowed = لا تستخدم الفعاليات هنا إلا الويكيات التي يسمح بها مشغّل البوابة.
console-signup-link = رابط التسجيل
console-qr-alt = رمز QR لـ { $url }
console-embed = ضعه في صفحة فعاليتك
console-report = من سجّلوا
console-accounts = حسابات حتى الآن
console-time = الوقت
console-username-column = اسم المستخدم
console-csv = تنزيل بصيغة CSV
console-report-link = رابط إلى التقرير لمن ينبغي أن يراه دون تسجيل الدخول
console-organisers = المنظمون
console-changes = التغييرات
console-change = { $when }: غيّر { $who } الإعداد { $setting }
console-organizer-mode-title = وضع المنظم
console-organizer-mode = أنشئ الحسابات بكلمة مرور البوت الخاصة بي ({ $user })
console-organizer-mode-help = صلاحيات حسابك تتجاوز بالفعالية حدود الويكي. تُخزَّن كلمة مرور البوت مشفّرة ولا تُعرض مرة أخرى؛ ألغِ التحديد لحذفها، أو سجّل الدخول بكلمة جديدة واحفظ لاستبدالها.
console-may-skip-captcha = يتخطى الزوار اختبار CAPTCHA: { $answer }
console-beyond-limit = تجاوز حد الويكي لعدد الحسابات لكل عنوان: { $answer }
console-limit-applies = يفتقر هذا الحساب إلى صلاحية "noratelimit": ما زال حد الويكي لعدد الحسابات لكل عنوان ساريًا.
console-no-secrets-key = وضع المنظم غير متاح هنا: لم يضبط مشغّل البوابة WIKISIGNUP_SECRETS_KEY، ولا يمكن تخزين كلمة مرور بوت دونه.
console-organizer-other-wiki = ينشئ وضع المنظم الحسابات على الويكي الذي سجّلت الدخول إليه: اختر ذلك الويكي، أو سجّل الدخول إلى الآخر.
console-organizer-needs-guard = يحتاج وضع المنظم إلى رمز فعالية أو حد أقصى للحسابات: لم يعد اختبار CAPTCHA وحد الويكي يقفان بين الصفحة والويكي، فلا بد من أحدهما.
console-yes = نعم
console-no = لا
console-forget-logo = إزالة الشعار
console-field-slug = العنوان: ‎/e/SLUG/‎ (أحرف لاتينية صغيرة وأرقام وشرطات)
console-field-title = العنوان الظاهر
console-field-intro = مقدمة (سطر فارغ بين الفقرات)
console-field-next_steps = ما يُفعل بعد إنشاء الحساب
console-field-wiki_api = الويكي
console-field-language = لغة الصفحة (مثل th أو ar أو es)
console-field-returnto = صفحة الويكي التي يُذهب إليها بعد تسجيل الدخول
console-field-event_code = رمز الفعالية المُعلن في القاعة
console-field-max_accounts = الحد الأقصى للحسابات
console-field-opens = يُفتح (مثل 2026-03-07T09:00:00+03:00)
console-field-closes = يُغلق (مثل 2026-03-07T18:00:00+03:00)
console-field-accent_color = اللون (#rrggbb)
console-field-frame_ancestors = المواقع التي يمكنها تضمين الصفحة (مثل https://event.example)
console-field-campaign_event_id = معرّف الفعالية على الويكي (Extension:CampaignEvents)
console-field-logo = الشعار (PNG أو JPEG أو GIF أو WebP؛ 512 KiB على الأكثر)
console-field-co_organizers = المنظمون المشاركون: أسماء مستخدمي الويكي، اسم في كل سطر
console-field-time_zone = المنطقة الزمنية (مثل Asia/Riyadh)

## تقرير الفعالية وعرض جهاز العرض والملصق
report-title = من سجّلوا
report-screen = عرض جهاز العرض
report-poster = ملصق للباب
report-count = { $count ->
    [zero] حساب حتى الآن.
    [one] حساب حتى الآن.
    [two] حسابان حتى الآن.
    [few] حسابات حتى الآن.
   *[other] حسابًا حتى الآن.
}
report-reload = إعادة التحميل
report-pending = { $count ->
    [one] أُنشئ حساب آخر وينتظر كتابته في قاعدة البيانات: سيظهر هنا حين تقبله.
   *[other] أُنشئت { $count } حسابات أخرى وتنتظر كتابتها في قاعدة البيانات: ستظهر هنا حين تقبلها.
}
report-chart-title = الحسابات المنشأة في كل ساعة
report-refusals = عمليات التسجيل المرفوضة
report-refusal-event-code = رمز الفعالية خاطئ أو مفقود
report-refusal-captcha = لم يُحل اختبار CAPTCHA
report-refusal-username-taken = اسم المستخدم مأخوذ
report-refusal-wiki-limit = حد الويكي لعدد الحسابات لكل عنوان
report-refusal-other = أسباب أخرى ذكرها الويكي
report-time-zone = الأوقات بتوقيت { $zone }.
report-how = الطريقة
report-via-direct = مباشرة
report-via-organizer = بحساب المنظم
report-poster-call = أنشئ حسابك هنا: امسح الرمز أو اكتب العنوان.
report-poster-code = رمز الفعالية:
report-print = طباعة
console-replace-report-link = استبدال رابط التقرير (يتوقف الرابط القديم عن العمل)
