# بوابة المشاركين: لغة بسيطة. جمل قصيرة. كلمات معروفة.
# The same keys exist in de, en, ar, uk, tr and ru.

portal-lang-name = العربية
portal-lang-legend = اللغة
portal-skip = إلى المحتوى
portal-logout = تسجيل الخروج
portal-nav-label = القائمة
portal-footer = Lernweg. طريقك في الدورة.
portal-legal-nav = معلومات قانونية
portal-legal-imprint = بيانات الناشر
portal-legal-privacy = حماية البيانات
portal-legal-accessibility = إمكانية الوصول
portal-back-to-path = العودة إلى طريقي
portal-go-login = إلى تسجيل الدخول

portal-not-found-title = غير موجود
portal-not-found-text = هذه الصفحة غير موجودة. أو لا يُسمح لك برؤيتها.
portal-error-title = خطأ
portal-error-text = للأسف لم ينجح ذلك. يرجى المحاولة مرة أخرى لاحقًا.
portal-bad-request = النموذج غير مكتمل. يرجى المحاولة مرة أخرى.
portal-unlinked-text = حسابك ليس جاهزًا بعد. يرجى سؤال الشخص المسؤول عنك.
portal-limit-title = يرجى الانتظار
portal-limit-text = حاولت مرات كثيرة. يرجى الانتظار دقيقة واحدة. ثم يعمل من جديد.

portal-refused-unknown-title = الرابط غير صالح
portal-refused-unknown-text = لا نعرف هذا الرابط أو الرمز. يرجى التحقق منه. أو اسأل الشخص المسؤول عنك.
portal-refused-used-title = مُستخدم من قبل
portal-refused-used-text = هذا الرابط أو الرمز مُستخدم من قبل. يمكنك الآن تسجيل الدخول بكلمة المرور.
portal-refused-expired-title = لم يعد صالحًا
portal-refused-expired-text = هذا الرابط أو الرمز قديم جدًا. هو صالح لمدة 14 يومًا فقط. يرجى طلب رابط جديد من الشخص المسؤول عنك.
portal-refused-revoked-title = لم يعد صالحًا
portal-refused-revoked-text = هذا الرابط أو الرمز لم يعد صالحًا. يوجد رابط جديد. أو أوقفه الشخص المسؤول عنك. يرجى السؤال.

portal-code-title = إدخال الرمز
portal-code-intro = هل عندك رسالة فيها رمز؟ إذن أدخل الرمز هنا.
portal-code-label = الرمز
portal-code-example = مثال:
portal-code-submit = متابعة
portal-code-error-required = يرجى إدخال الرمز.
portal-code-error-invalid = الرمز فيه 12 حرفًا. يرجى التحقق منه.
portal-code-error-unknown = لا نعرف هذا الرمز. يرجى التحقق منه.

portal-password-title = اختيار كلمة المرور
portal-password-intro = اختر الآن كلمة مرور. ستستخدمها لتسجيل الدخول.
portal-password-new = كلمة المرور الجديدة
portal-password-hint = 10 أحرف على الأقل.
portal-password-repeat = كلمة المرور مرة أخرى
portal-password-submit = حفظ ومتابعة
portal-password-error-missing = يرجى إدخال كلمة المرور.
portal-password-error-different = كلمتا المرور غير متطابقتين.
portal-password-error-short = كلمة المرور قصيرة جدًا. تحتاج إلى 10 أحرف على الأقل.
portal-password-error-long = كلمة المرور طويلة جدًا.
portal-login-write-down = يرجى كتابة ذلك.
portal-login-is-email = تسجّل الدخول بعنوان بريدك الإلكتروني:
portal-login-is-name = اسم الدخول الخاص بك:

portal-login-title = تسجيل الدخول
portal-login-intro = يرجى تسجيل الدخول.
portal-login-id = البريد الإلكتروني أو اسم الدخول
portal-login-password = كلمة المرور
portal-login-submit = تسجيل الدخول
portal-login-code-hint = هل عندك رمز؟
portal-login-error-email = يرجى إدخال بريدك الإلكتروني أو اسم الدخول.
portal-login-error-password-missing = يرجى إدخال كلمة المرور.
portal-login-error-rate-limited = محاولات كثيرة جدًا. يرجى الانتظار قليلًا.
portal-login-error-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
portal-login-how = هكذا تسجّل الدخول
portal-login-your = بيانات الدخول:

portal-path-title = طريقي
portal-path-hello = مرحبًا { $name }!
portal-path-intro = هنا ترى طريقك في الدورة.
portal-path-none = أنت لست في دورة بعد. الشخص المسؤول عنك يساعدك.
portal-path-end = النهاية: { $date }
portal-path-no-dates = المواعيد ليست جاهزة بعد.
portal-path-list = كل الخطوات
portal-progress-modules = { $total ->
    [one] أنجزت: { $done } من وحدة واحدة.
    [two] أنجزت: { $done } من وحدتين.
    [few] أنجزت: { $done } من { $total } وحدات.
   *[other] أنجزت: { $done } من { $total } وحدة.
}
portal-progress-milestones = أهداف تحققت: { $done } من { $total }.

portal-status-interested = أنت مهتم بهذه الدورة.
portal-status-counselled = كان لديك حديث عن هذه الدورة.
portal-status-enrolled = أنت مسجل في هذه الدورة.
portal-status-active = أنت تدرس هذه الدورة الآن.
portal-status-paused = أنت في استراحة الآن.
portal-status-completed = أنهيت هذه الدورة بنجاح.
portal-status-dropped = لم تعد تدرس هذه الدورة.

portal-dates-title = مواعيدك القادمة
portal-dates-none = لا توجد مواعيد جديدة.
portal-dates-cancelled = ملغى.
portal-run-coming = تبدأ الدورة في { $date }.
portal-run-running = الدورة جارية منذ { $date }.
portal-run-ended = انتهت الدورة في { $date }.
portal-at-work-summary = { $count ->
    [one] موعد واحد في وقت عملك: { $dates }.
    [two] موعدان في وقت عملك: { $dates }.
    [few] { $count } مواعيد في وقت عملك: { $dates }.
   *[other] { $count } موعدًا في وقت عملك: { $dates }.
}
portal-at-work-ask = من فضلك تحدّث مع صاحب العمل عن إذن للحضور.
portal-dates-at-work = في وقت عملك
portal-dates-place = المكان: { $place }
portal-dates-online = المشاركة عبر الإنترنت
portal-weekday-1 = الإثنين
portal-weekday-2 = الثلاثاء
portal-weekday-3 = الأربعاء
portal-weekday-4 = الخميس
portal-weekday-5 = الجمعة
portal-weekday-6 = السبت
portal-weekday-7 = الأحد
portal-kind-lesson = درس
portal-kind-individual = درس فردي
portal-kind-exam = امتحان
portal-kind-kickoff = البداية
portal-kind-closing = الختام
portal-kind-exchange = لقاء
portal-kind-self_paced = تعلم ذاتي

portal-contact-title = الشخص المسؤول عنك
portal-contact-email = البريد الإلكتروني:
portal-contact-none = ستحصل قريبًا على شخص مسؤول عنك.
portal-contact-channel = هكذا نتواصل معك: { $channel }.
portal-contact-times = أوقاتك: { $times }
portal-channel-phone = الهاتف
portal-channel-in_person = شخصيًا
portal-channel-email = البريد الإلكتروني
portal-channel-messenger = تطبيق مراسلة
portal-channel-video = مكالمة فيديو

portal-feed-title = تقويمك
portal-feed-intro = مع رابط ترى كل المواعيد في تقويمك. مثلًا على الهاتف.
portal-feed-new = هذا هو رابطك. نعرضه الآن فقط. يرجى نسخه إلى تقويمك.
portal-feed-since = عندك رابط منذ { $date }. نعرضه مرة واحدة فقط.
portal-feed-renew-hint = الرابط الجديد يحل محل القديم. الرابط القديم لا يعمل بعد ذلك.
portal-feed-renew = إنشاء رابط جديد
portal-feed-create = إنشاء رابط
portal-feed-revoke-hint = ألا تحتاج الرابط بعد الآن؟ احذفه إذن. بعد ذلك لا يعمل.
portal-feed-revoke = حذف الرابط
portal-feed-revoked = تم حذف رابطك. لم يعد يعمل. يمكنك إنشاء رابط جديد في أي وقت.
portal-feed-name = Lernweg – طريقي

portal-checks-title = الفحص الخاص بك
portal-checks-none = لم يكن لديك حديث عن الفحص بعد.
portal-checks-from = فحص بتاريخ { $date }

portal-rc-title = الفحص الخاص بك
portal-rc-result = النتيجة
portal-rc-answers = إجاباتك
portal-rc-your-answer = إجابتك:
portal-rc-open = لم يُجب بعد:
portal-rc-help = هذه المساعدة موجودة لك
portal-rc-no-help = أنت لا تحتاج إلى مساعدة. جيد!
portal-rc-ask = اسأل الشخص المسؤول عنك عن ذلك.
portal-rc-overall-recommend = الدورة مناسبة لك جيدًا.
portal-rc-overall-recommend_with_support = الدورة مناسبة لك. مع بعض المساعدة.
portal-rc-overall-advise_longer_model = دورة أطول تناسبك أكثر. عندها يكون لديك وقت أكثر.
portal-rc-overall-advise_pause = ربما ليس الآن الوقت المناسب. تحدث مع الشخص المسؤول عنك.
portal-rc-light-green = جيد
portal-rc-light-yellow = جيد مع المساعدة
portal-rc-light-red = صعب
portal-rc-topic-time = الوقت
portal-rc-topic-commute = الطريق إلى الدورة
portal-rc-topic-childcare = الأطفال
portal-rc-topic-care_duties = رعاية الأقارب
portal-rc-topic-quiet_place = مكان هادئ
portal-rc-topic-internet = الإنترنت
portal-rc-topic-device = الجهاز
portal-rc-topic-digital_skills = الحاسوب
portal-rc-topic-income = المال
portal-rc-topic-motivation = العمل والدورة
portal-rc-topic-health = الصحة
portal-rc-hours = { $hours } ساعات حرة في الأسبوع.
portal-rc-minutes = { $minutes } دقيقة.
portal-rc-childcare-yes = رعاية الأطفال مُرتبة.
portal-rc-childcare-partly = رعاية الأطفال مُرتبة جزئيًا.
portal-rc-childcare-no = رعاية الأطفال غير مُرتبة.
portal-rc-childcare-not_needed = أنت لا تحتاج إلى رعاية أطفال.
portal-rc-care-none = أنت لا ترعى أحدًا.
portal-rc-care-settled = الرعاية مُرتبة.
portal-rc-care-partly = الرعاية مُرتبة جزئيًا.
portal-rc-care-not_settled = الرعاية غير مُرتبة.
portal-rc-internet-yes = عندك إنترنت جيد.
portal-rc-internet-unstable = الإنترنت عندك ليس جيدًا دائمًا.
portal-rc-internet-no = ليس عندك إنترنت.
portal-rc-device-own = عندك جهاز خاص بك.
portal-rc-device-shared = تشارك جهازًا مع غيرك.
portal-rc-device-none = ليس عندك جهاز.
portal-rc-digital-good = تعرف الحاسوب جيدًا.
portal-rc-digital-basic = تعرف الحاسوب قليلًا.
portal-rc-digital-none = لا تعرف الحاسوب بعد.
portal-rc-income-ok = المال يكفي.
portal-rc-income-tight = المال قليل.
portal-rc-income-at_risk = المال لا يكفي.
portal-rc-income-not_applicable = هذا ليس موضوعًا لك.
portal-rc-debts = عندك ديون.
portal-rc-job-yes = عملك يناسب الدورة.
portal-rc-job-partly = عملك يناسب الدورة جزئيًا.
portal-rc-job-no = عملك لا يناسب الدورة.
portal-rc-health-good = أنت بخير.
portal-rc-health-limited = أنت لست بخير دائمًا.
portal-rc-health-strained = أنت لست بخير.
portal-rc-action-device_loan = يمكنك استعارة جهاز.
portal-rc-action-digital_training = يمكنك أخذ دورة في الحاسوب.
portal-rc-action-quiet_room_at_provider = يمكنك الدراسة عندنا في غرفة هادئة.
portal-rc-action-referral_childcare = نساعدك في البحث عن رعاية للأطفال.
portal-rc-action-referral_social_counselling = استشارة يمكن أن تساعدك.
portal-rc-action-referral_debt_counselling = استشارة حول الديون يمكن أن تساعدك.
portal-rc-action-referral_health = استشارة حول الصحة يمكن أن تساعدك.
portal-rc-action-longer_time_model = دورة أطول تعطيك وقتًا أكثر.
portal-rc-action-pause = يمكنك أخذ استراحة.
portal-yes = نعم.
portal-no = لا.

portal-sheet-heading = دخولك إلى Lernweg
portal-sheet-step-address = اذهب إلى هذه الصفحة:
portal-sheet-step-code = أدخل هذا الرمز:
portal-sheet-valid = الرمز صالح حتى { $date }. يمكنك استخدامه مرة واحدة فقط.
portal-sheet-step-password = ثم اختر كلمة مرور.
portal-sheet-questions = عندك أسئلة؟ الشخص المسؤول عنك هو { $name }.

portal-mail-subject = دخولك إلى Lernweg
portal-mail-body =
    مرحبًا { $name }!

    في Lernweg ترى طريقك في الدورة. ترى مواعيدك. ترى الشخص المسؤول عنك.

    يرجى فتح هذا الرابط:
    { $link }

    ثم اختر كلمة مرور.
    الرابط صالح حتى { $date }. يمكنك استخدامه مرة واحدة فقط.

    بيانات الدخول: { $login }

portal-publish-path-start = البداية
portal-publish-path-end = النهاية
portal-publish-path-today = اليوم
portal-publish-path-kickoff = البداية
portal-publish-path-closing = الختام
portal-publish-path-exam = امتحان
portal-publish-path-milestone = هدف
portal-publish-path-module = وحدة
portal-publish-path-modules = وحدات
portal-publish-path-exams = امتحانات
portal-publish-path-hours = ساعة
portal-publish-decimal-separator = ,

# Calendar feeds (.ics): event texts; staff feeds use the German ones.
portal-ics-module = الوحدة { $module }
portal-ics-module-summary = الوحدة { $module }: { $title }
portal-ics-exam-summary = امتحان: { $title }
portal-ics-due-summary = آخر موعد – { $title }
portal-ics-cancelled = ملغى: { $summary }
portal-ics-draft = مسودة: { $summary }
portal-ics-hours = { $hours } ساعة
portal-ics-reason = السبب: { $reason }

## Notices of changed dates (issue 13 point 8), written when sent
notice-session_moved-subject = تم نقل موعد: { $offer }، { $old_date }
notice-session_moved-person = مرحباً،

    تم نقل موعد من دورتك „{ $offer }“ ({ $cohort }).

    سابقاً: { $old_date }، { $old_time }
    الآن: { $new_date }، { $new_time }

    السبب: { $reason }

    رابط التقويم الخاص بك يعرض الموعد الجديد تلقائياً. إذا كانت لديك أسئلة، تواصل مع الشخص المسؤول عنك.
notice-session_cancelled-subject = تم إلغاء موعد: { $offer }، { $old_date }
notice-session_cancelled-person = مرحباً،

    تم إلغاء موعد دورتك „{ $offer }“ ({ $cohort }) في { $old_date }، { $old_time }.

    السبب: { $reason }

    إذا كانت لديك أسئلة، تواصل مع الشخص المسؤول عنك.
notice-session_added-subject = موعد جديد: { $offer }، { $new_date }
notice-session_added-person = مرحباً،

    لدورتك „{ $offer }“ ({ $cohort }) موعد جديد: { $new_date }، { $new_time } ({ $title }).

    السبب: { $reason }

    إذا كانت لديك أسئلة، تواصل مع الشخص المسؤول عنك.

## The individual qualification plan on /mein-weg (issue 14)
portal-plan-title = خطة التأهيل الخاصة بي
portal-plan-intro = يذكر القرار فروقًا بين مهنتك ومهنتك في ألمانيا. بهذه الأجزاء تعوّض هذه الفروق.
portal-plan-deadline = الموعد النهائي: { $date }
portal-plan-items = أجزاؤك
portal-plan-no-items = لا توجد أجزاء بعد. سيخطط لها معك الشخص المسؤول عنك.
portal-plan-item = { $kind }: { $title } – أنجزت { $done } من { $hours } ساعة
portal-plan-differences = ما تم تعويضه حتى الآن
portal-plan-diff-uncovered = { $title }: لم يُخطط له شيء بعد
portal-plan-diff-planned = { $title }: مخطط له
portal-plan-diff-in_progress = { $title }: أنجزت { $done } من { $target } ساعة
portal-plan-diff-done = { $title }: تم
portal-plan-ask = بعض الأمور لم يُخطط لها بعد. تحدث مع الشخص المسؤول عنك.
portal-plan-kind-cohort_modules = دورة
portal-plan-kind-lessons = دروس فردية
portal-plan-kind-placement = تدريب عملي في شركة
portal-plan-kind-self_study = تعلم ذاتي
portal-plan-kind-language_course = دورة لغة
portal-plan-kind-exam = امتحان

# Mentoring tandem (issue 15)
portal-tandem-title = ثنائي الإرشاد الخاص بي
portal-tandem-intro = مرشدك يعمل في نفس المجال المهني. أنتما تحددان مواعيد اللقاءات بنفسيكما.
portal-tandem-field = المهنة
portal-tandem-languages = اللغات
portal-tandem-email = البريد الإلكتروني
portal-tandem-phone = الهاتف
portal-tandem-period = الفترة
portal-tandem-budget = هذا الشهر: { $used } من { $budget }.
portal-tandem-over = هذا أكثر من المتفق عليه.
portal-tandem-closed = انتهى الثنائي.
portal-tandem-no-meetings = لم يتم تسجيل أي لقاء بعد.
portal-tandem-meetings = اللقاءات
portal-tandem-log = تسجيل لقاء
portal-tandem-date = التاريخ
portal-tandem-minutes = المدة بالدقائق
portal-tandem-topic = عمّ كان اللقاء؟
portal-tandem-log-submit = تسجيل
portal-tandem-feedback = كيف كان الثنائي بالنسبة لك؟
portal-tandem-feedback-submit = إرسال الرأي
portal-tandem-duration = { $minutes } دقيقة
portal-tandem-error-met_on = يرجى إدخال تاريخ منذ بداية الثنائي، وليس في المستقبل.
portal-tandem-error-minutes = يرجى إدخال مدة من 1 إلى 600 دقيقة.
portal-tandem-error-topic = يرجى كتابة موضوع اللقاء باختصار.
portal-tandem-error-feedback = يرجى كتابة رأيك.
portal-tandem-error-state = هذا غير ممكن الآن. يرجى إعادة تحميل الصفحة.

# Language self-assessment and certificates (issue 16)
portal-language-title = لغتي الألمانية
portal-language-intro = ماذا تستطيع أن تفعل بالألمانية حتى الآن؟ اختر إجابة لكل جملة.
portal-language-shared = معلّمك والشخص المسؤول عنك يرون إجاباتك.
portal-language-target = هدفك التالي: { $level }
portal-language-current = مستواك حسب تقييم معلّمك: { $level }
portal-language-no-level = لم يتم إدخال مستوى لهذا المجال بعد.
portal-language-can = أستطيع
portal-language-with-help = بمساعدة
portal-language-not-yet = ليس بعد
portal-language-save = حفظ الإجابات
portal-language-saved = شكرًا! تم حفظ إجاباتك.
portal-language-answered = إجابتك بتاريخ { $date }: { $answer }
portal-language-missing = يرجى اختيار إجابة لجملة واحدة على الأقل.
portal-language-certificates = شهاداتي اللغوية
portal-language-certificate-issued = صدرت بتاريخ { $date } من { $provider }
portal-language-certificate-pdf = الشهادة كملف PDF بالألمانية
portal-language-certificate-pdf-en = الشهادة كملف PDF بالإنجليزية
portal-language-certificate-credential = شهادة رقمية لأصحاب العمل (ملف)
portal-language-certificate-check = التحقق من صحة الشهادة
portal-language-certificate-revoked = هذه الشهادة لم تعد صالحة.
portal-language-no-certificate = ليست لديك شهادة لغة بعد. اسأل الشخص المسؤول عنك عنها.
portal-skill-listening = الاستماع
portal-skill-reading = القراءة
portal-skill-spoken-interaction = التحدث مع الآخرين
portal-skill-spoken-production = التحدث بشكل متصل
portal-skill-writing = الكتابة
portal-skill-occupational = الألمانية في العمل
portal-can-do-a1-listening = أستطيع أن أفهم عندما يتحدث شخص ببطء عني وعن عائلتي.
portal-can-do-a1-reading = أستطيع أن أفهم كلمات بسيطة وجملًا قصيرة على اللافتات والملصقات.
portal-can-do-a1-spoken-interaction = أستطيع أن أطرح أسئلة بسيطة وأجيب عنها عندما يتحدث الناس معي ببطء.
portal-can-do-a1-spoken-production = أستطيع أن أقول بجمل بسيطة أين أسكن ومن أعرف.
portal-can-do-a1-writing = أستطيع أن أملأ استمارة باسمي وعنواني وعمري.
portal-can-do-a1-occupational = أستطيع في العمل أن ألقي التحية وأقول من أنا.
portal-can-do-a2-listening = أستطيع أن أفهم أهم ما في الإعلانات والرسائل القصيرة والواضحة.
portal-can-do-a2-reading = أستطيع أن أفهم نصوصًا قصيرة وبسيطة مثل الإعلانات وقوائم الطعام وجداول المواعيد.
portal-can-do-a2-spoken-interaction = أستطيع أن أجري محادثات قصيرة في مواقف يومية بسيطة، مثلًا عند التسوق.
portal-can-do-a2-spoken-production = أستطيع أن أتحدث بجمل بسيطة عن عائلتي وتعليمي وعملي.
portal-can-do-a2-writing = أستطيع أن أكتب ملاحظات ورسائل قصيرة وبسيطة.
portal-can-do-a2-occupational = أستطيع أن أفهم تعليمات بسيطة في العمل وأن أسأل سؤالًا قصيرًا.
portal-can-do-b1-listening = أستطيع أن أفهم أهم ما يُقال عندما يتحدث شخص بوضوح عن العمل أو وقت الفراغ.
portal-can-do-b1-reading = أستطيع أن أفهم نصوصًا بسيطة عن الحياة اليومية والعمل، مثل الرسائل والبريد الإلكتروني.
portal-can-do-b1-spoken-interaction = أستطيع أن أشارك دون تحضير في محادثات عن مواضيع مألوفة.
portal-can-do-b1-spoken-production = أستطيع أن أتحدث عن تجاربي وأمنياتي وخططي وأن أشرح رأيي باختصار.
portal-can-do-b1-writing = أستطيع أن أكتب رسالة بريد إلكتروني بسيطة عن عملي أو تجاربي.
portal-can-do-b1-occupational = أستطيع أن أتحدث في العمل عن المهام والمشكلات.
portal-can-do-b2-listening = أستطيع أن أفهم محادثات ومحاضرات طويلة ومعظم الأخبار في التلفزيون.
portal-can-do-b2-reading = أستطيع أن أفهم مقالات وتقارير عن مواضيع حالية.
portal-can-do-b2-spoken-interaction = أستطيع أن أتحدث بطلاقة تجعل المحادثة العادية سهلة.
portal-can-do-b2-spoken-production = أستطيع أن أتحدث بدقة عن مواضيع كثيرة وأن أشرح المزايا والعيوب.
portal-can-do-b2-writing = أستطيع أن أكتب نصوصًا واضحة ومفصلة وأن أشرح فيها أسباب رأيي.
portal-can-do-b2-occupational = أستطيع أن أشارك بنشاط في الاجتماعات في العمل.
portal-can-do-c1-listening = أستطيع أن أفهم محادثات طويلة حتى عندما لا يُقال كل شيء بوضوح.
portal-can-do-c1-reading = أستطيع أن أفهم نصوصًا طويلة وصعبة، ومنها نصوص متخصصة في مهنتي.
portal-can-do-c1-spoken-interaction = أستطيع أن أعبّر عن نفسي بطلاقة دون أن أبحث كثيرًا عن الكلمات.
portal-can-do-c1-spoken-production = أستطيع أن أشرح مواضيع صعبة بوضوح وبالتفصيل.
portal-can-do-c1-writing = أستطيع أن أكتب نصوصًا منظمة جيدًا عن مواضيع صعبة، مثل التقارير.
portal-can-do-c1-occupational = أستطيع أن أتحدث الألمانية في العمل بمرونة وثقة، حتى في المحادثات الصعبة.
portal-can-do-c2-listening = أستطيع أن أفهم الألمانية المنطوقة بلا جهد، حتى عندما يتحدث شخص بسرعة كبيرة.
portal-can-do-c2-reading = أستطيع أن أفهم كل النصوص تقريبًا بلا جهد، ومنها النصوص المتخصصة الصعبة والأدب.
portal-can-do-c2-spoken-interaction = أستطيع أن أشارك بلا جهد في كل المحادثات وأن أعبّر بدقة عن الفروق الدقيقة.
portal-can-do-c2-spoken-production = أستطيع أن أتحدث بطلاقة ووضوح وأن أكيّف لغتي مع كل موقف.
portal-can-do-c2-writing = أستطيع أن أكتب نصوصًا وتقارير ومقالات صعبة بوضوح وطلاقة.
portal-can-do-c2-occupational = أستطيع أن أنجز كل مهامي في العمل بالألمانية بثقة كما في لغتي الأم.
