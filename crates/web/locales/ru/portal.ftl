# Портал для участников: простой язык. Короткие предложения. Обычные слова.
# The same keys exist in de, en, ar, uk, tr and ru.

portal-lang-name = Русский
portal-lang-legend = Язык
portal-skip = К содержанию
portal-logout = Выйти
portal-nav-label = Меню
portal-footer = Lernweg. Ваш путь в курсе.
portal-legal-nav = Правовая информация
portal-legal-imprint = Выходные данные
portal-legal-privacy = Защита данных
portal-legal-accessibility = Доступность
portal-back-to-path = Назад к «Мой путь»
portal-go-login = Ко входу

portal-not-found-title = Не найдено
portal-not-found-text = Такой страницы нет. Или вам нельзя её видеть.
portal-error-title = Ошибка
portal-error-text = К сожалению, не получилось. Пожалуйста, попробуйте позже ещё раз.
portal-bad-request = Форма была неполной. Пожалуйста, попробуйте ещё раз.
portal-unlinked-text = Ваша учётная запись ещё не готова. Пожалуйста, спросите вашего контактного сотрудника.
portal-limit-title = Пожалуйста, подождите
portal-limit-text = Вы пробовали слишком часто. Пожалуйста, подождите одну минуту. Потом снова можно.

portal-refused-unknown-title = Ссылка недействительна
portal-refused-unknown-text = Мы не знаем эту ссылку или код. Пожалуйста, проверьте её. Или спросите вашего контактного сотрудника.
portal-refused-used-title = Уже использовано
portal-refused-used-text = Эта ссылка или код уже использованы. Теперь вы можете войти со своим паролем.
portal-refused-expired-title = Больше не действует
portal-refused-expired-text = Эта ссылка или код устарели. Они действуют только 14 дней. Пожалуйста, попросите у контактного сотрудника новую.
portal-refused-revoked-title = Больше не действует
portal-refused-revoked-text = Эта ссылка или код больше не действуют. Есть новые. Или ваш контактный сотрудник их заблокировал. Пожалуйста, спросите.

portal-code-title = Ввести код
portal-code-intro = У вас есть письмо с кодом? Тогда введите код здесь.
portal-code-label = Код
portal-code-example = Например:
portal-code-submit = Дальше
portal-code-error-required = Пожалуйста, введите код.
portal-code-error-invalid = В коде 12 знаков. Пожалуйста, проверьте его.
portal-code-error-unknown = Мы не знаем этот код. Пожалуйста, проверьте его.

portal-password-title = Выбрать пароль
portal-password-intro = Теперь выберите пароль. С ним вы будете входить.
portal-password-new = Новый пароль
portal-password-hint = Не меньше 10 знаков.
portal-password-repeat = Пароль ещё раз
portal-password-submit = Сохранить и дальше
portal-password-error-missing = Пожалуйста, введите пароль.
portal-password-error-different = Два пароля не совпадают.
portal-password-error-short = Пароль слишком короткий. Нужно не меньше 10 знаков.
portal-password-error-long = Пароль слишком длинный.
portal-login-write-down = Пожалуйста, запишите это.
portal-login-is-email = Вы входите со своим адресом электронной почты:
portal-login-is-name = Ваше имя для входа:

portal-login-title = Войти
portal-login-intro = Пожалуйста, войдите.
portal-login-id = Адрес эл. почты или имя для входа
portal-login-password = Пароль
portal-login-submit = Войти
portal-login-code-hint = У вас есть код?
portal-login-error-email = Пожалуйста, введите адрес эл. почты или имя для входа.
portal-login-error-password-missing = Пожалуйста, введите пароль.
portal-login-error-rate-limited = Слишком много попыток. Пожалуйста, немного подождите.
portal-login-error-failed = Адрес эл. почты или пароль неверны.
portal-login-how = Как войти
portal-login-your = Ваш вход:

portal-path-title = Мой путь
portal-path-hello = Здравствуйте, { $name }!
portal-path-intro = Здесь вы видите свой путь в курсе.
portal-path-none = Вы ещё не в курсе. Ваш контактный сотрудник вам поможет.
portal-path-end = Конец: { $date }
portal-path-no-dates = Даты ещё не готовы.
portal-path-list = Все шаги
portal-progress-modules = { $total ->
    [one] Сделано: { $done } из { $total } модуля.
   *[other] Сделано: { $done } из { $total } модулей.
}
portal-progress-milestones = Цели достигнуты: { $done } из { $total }.

portal-status-interested = Вас интересует этот курс.
portal-status-counselled = У вас был разговор об этом курсе.
portal-status-enrolled = Вы записаны на этот курс.
portal-status-active = Вы сейчас проходите этот курс.
portal-status-paused = Вы сейчас делаете перерыв.
portal-status-completed = Вы закончили этот курс.
portal-status-dropped = Вы больше не проходите этот курс.

portal-dates-title = Ваши следующие даты
portal-dates-none = Новых дат нет.
portal-dates-cancelled = Отменено.
portal-run-coming = Курс начинается { $date }.
portal-run-running = Курс идёт с { $date }.
portal-run-ended = Курс закончился { $date }.
portal-at-work-summary = { $count ->
    [one] { $count } занятие приходится на ваше рабочее время: { $dates }.
    [few] { $count } занятия приходятся на ваше рабочее время: { $dates }.
   *[other] { $count } занятий приходятся на ваше рабочее время: { $dates }.
}
portal-at-work-ask = Пожалуйста, поговорите с работодателем об освобождении от работы.
portal-dates-at-work = В ваше рабочее время
portal-dates-place = Место: { $place }
portal-dates-online = Участвовать онлайн
portal-weekday-1 = Пн
portal-weekday-2 = Вт
portal-weekday-3 = Ср
portal-weekday-4 = Чт
portal-weekday-5 = Пт
portal-weekday-6 = Сб
portal-weekday-7 = Вс
portal-kind-lesson = Занятие
portal-kind-individual = Индивидуальное занятие
portal-kind-exam = Экзамен
portal-kind-kickoff = Начало
portal-kind-closing = Завершение
portal-kind-exchange = Встреча
portal-kind-self_paced = Самостоятельное обучение

portal-contact-title = Ваш контактный сотрудник
portal-contact-email = Эл. почта:
portal-contact-none = Скоро у вас будет контактный сотрудник.
portal-contact-channel = Так мы связываемся с вами: { $channel }.
portal-contact-times = Ваше время: { $times }
portal-channel-phone = телефон
portal-channel-in_person = лично
portal-channel-email = электронная почта
portal-channel-messenger = мессенджер
portal-channel-video = видеозвонок

portal-feed-title = Ваш календарь
portal-feed-intro = Со ссылкой вы видите все даты в своём календаре. Например, в телефоне.
portal-feed-new = Это ваша ссылка. Мы показываем её только сейчас. Пожалуйста, скопируйте её в свой календарь.
portal-feed-since = У вас есть ссылка с { $date }. Мы показываем её только один раз.
portal-feed-renew-hint = Новая ссылка заменяет старую. Старая ссылка тогда больше не работает.
portal-feed-renew = Сделать новую ссылку
portal-feed-create = Сделать ссылку
portal-feed-revoke-hint = Вам больше не нужна ссылка? Тогда удалите её. После этого она больше не работает.
portal-feed-revoke = Удалить ссылку
portal-feed-revoked = Ваша ссылка удалена. Она больше не работает. Вы можете в любое время сделать новую ссылку.
portal-feed-name = Lernweg – Мой путь

portal-checks-title = Ваша проверка
portal-checks-none = У вас ещё не было разговора о проверке.
portal-checks-from = Проверка от { $date }

portal-rc-title = Ваша проверка
portal-rc-result = Результат
portal-rc-answers = Ваши ответы
portal-rc-your-answer = Ваш ответ:
portal-rc-open = Ещё открыто:
portal-rc-help = Эта помощь есть для вас
portal-rc-no-help = Вам не нужна помощь. Хорошо!
portal-rc-ask = Спросите об этом вашего контактного сотрудника.
portal-rc-overall-recommend = Курс вам хорошо подходит.
portal-rc-overall-recommend_with_support = Курс вам подходит. С небольшой помощью.
portal-rc-overall-advise_longer_model = Более длинный курс подходит вам лучше. Тогда у вас больше времени.
portal-rc-overall-advise_pause = Может быть, сейчас не лучшее время. Поговорите с вашим контактным сотрудником.
portal-rc-light-green = хорошо
portal-rc-light-yellow = хорошо с помощью
portal-rc-light-red = трудно
portal-rc-topic-time = Время
portal-rc-topic-commute = Дорога на курс
portal-rc-topic-childcare = Дети
portal-rc-topic-care_duties = Уход за родными
portal-rc-topic-quiet_place = Тихое место
portal-rc-topic-internet = Интернет
portal-rc-topic-device = Устройство
portal-rc-topic-digital_skills = Компьютер
portal-rc-topic-income = Деньги
portal-rc-topic-motivation = Работа и курс
portal-rc-topic-health = Здоровье
portal-rc-hours = { $hours } свободных часов в неделю.
portal-rc-minutes = { $minutes } минут.
portal-rc-childcare-yes = Присмотр за детьми устроен.
portal-rc-childcare-partly = Присмотр за детьми устроен частично.
portal-rc-childcare-no = Присмотр за детьми не устроен.
portal-rc-childcare-not_needed = Вам не нужен присмотр за детьми.
portal-rc-care-none = Вы ни за кем не ухаживаете.
portal-rc-care-settled = Уход устроен.
portal-rc-care-partly = Уход устроен частично.
portal-rc-care-not_settled = Уход не устроен.
portal-rc-internet-yes = У вас хороший интернет.
portal-rc-internet-unstable = Ваш интернет не всегда хороший.
portal-rc-internet-no = У вас нет интернета.
portal-rc-device-own = У вас есть своё устройство.
portal-rc-device-shared = Вы делите устройство с другими.
portal-rc-device-none = У вас нет устройства.
portal-rc-digital-good = Вы хорошо знаете компьютер.
portal-rc-digital-basic = Вы немного знаете компьютер.
portal-rc-digital-none = Вы ещё не знаете компьютер.
portal-rc-income-ok = Денег хватает.
portal-rc-income-tight = Денег мало.
portal-rc-income-at_risk = Денег не хватает.
portal-rc-income-not_applicable = Для вас это не тема.
portal-rc-debts = У вас есть долги.
portal-rc-job-yes = Ваша работа подходит к курсу.
portal-rc-job-partly = Ваша работа частично подходит к курсу.
portal-rc-job-no = Ваша работа не подходит к курсу.
portal-rc-health-good = У вас всё хорошо.
portal-rc-health-limited = У вас не всегда всё хорошо.
portal-rc-health-strained = У вас не всё хорошо.
portal-rc-action-device_loan = Вы можете взять устройство на время.
portal-rc-action-digital_training = Вы можете пройти курс по компьютеру.
portal-rc-action-quiet_room_at_provider = Вы можете учиться у нас в тихой комнате.
portal-rc-action-referral_childcare = Мы поможем найти присмотр за детьми.
portal-rc-action-referral_social_counselling = Консультация может вам помочь.
portal-rc-action-referral_debt_counselling = Консультация по долгам может вам помочь.
portal-rc-action-referral_health = Консультация по здоровью может вам помочь.
portal-rc-action-longer_time_model = Более длинный курс даёт вам больше времени.
portal-rc-action-pause = Вы можете сделать перерыв.
portal-yes = Да.
portal-no = Нет.

portal-sheet-heading = Ваш доступ к Lernweg
portal-sheet-step-address = Откройте эту страницу:
portal-sheet-step-code = Введите этот код:
portal-sheet-valid = Код действует до { $date }. Вы можете использовать его только один раз.
portal-sheet-step-password = Потом выберите пароль.
portal-sheet-questions = У вас есть вопросы? Ваш контактный сотрудник: { $name }.

portal-mail-subject = Ваш доступ к Lernweg
portal-mail-body =
    Здравствуйте, { $name }!

    На Lernweg вы видите свой путь в курсе. Вы видите свои даты. Вы видите своего контактного сотрудника.

    Пожалуйста, откройте эту ссылку:
    { $link }

    Потом выберите пароль.
    Ссылка действует до { $date }. Вы можете использовать её только один раз.

    Ваш вход: { $login }

portal-publish-path-start = Начало
portal-publish-path-end = Конец
portal-publish-path-today = Сегодня
portal-publish-path-kickoff = Начало
portal-publish-path-closing = Завершение
portal-publish-path-exam = Экзамен
portal-publish-path-milestone = Цель
portal-publish-path-module = Модуль
portal-publish-path-modules = Модули
portal-publish-path-exams = Экзамены
portal-publish-path-hours = ч.
portal-publish-decimal-separator = ,

# Calendar feeds (.ics): event texts; staff feeds use the German ones.
portal-ics-module = Модуль { $module }
portal-ics-module-summary = Модуль { $module }: { $title }
portal-ics-exam-summary = Экзамен: { $title }
portal-ics-due-summary = Срок – { $title }
portal-ics-cancelled = Отменено: { $summary }
portal-ics-draft = Черновик: { $summary }
portal-ics-hours = { $hours } ч
portal-ics-reason = Причина: { $reason }

## Notices of changed dates (issue 13 point 8), written when sent
notice-session_moved-subject = Занятие перенесено: { $offer }, { $old_date }
notice-session_moved-person = Здравствуйте,

    занятие вашего курса «{ $offer }» ({ $cohort }) перенесено.

    Было: { $old_date }, { $old_time }
    Теперь: { $new_date }, { $new_time }

    Причина: { $reason }

    Ваша ссылка на календарь сама покажет новую дату. Если у вас есть вопросы, обратитесь к вашему контактному лицу.
notice-session_cancelled-subject = Занятие отменено: { $offer }, { $old_date }
notice-session_cancelled-person = Здравствуйте,

    занятие вашего курса «{ $offer }» ({ $cohort }) { $old_date }, { $old_time } отменено.

    Причина: { $reason }

    Если у вас есть вопросы, обратитесь к вашему контактному лицу.
notice-session_added-subject = Новое занятие: { $offer }, { $new_date }
notice-session_added-person = Здравствуйте,

    у вашего курса «{ $offer }» ({ $cohort }) новое занятие: { $new_date }, { $new_time } ({ $title }).

    Причина: { $reason }

    Если у вас есть вопросы, обратитесь к вашему контактному лицу.

## The individual qualification plan on /mein-weg (issue 14)
portal-plan-title = Мой план квалификации
portal-plan-intro = В решении названы отличия от вашей профессии в Германии. С помощью этих частей вы их восполняете.
portal-plan-deadline = Срок: { $date }
portal-plan-items = Ваши части
portal-plan-no-items = Частей пока нет. Ваше контактное лицо спланирует их вместе с вами.
portal-plan-item = { $kind }: { $title } – выполнено { $done } из { $hours } часов
portal-plan-differences = Что уже восполнено
portal-plan-diff-uncovered = { $title }: пока ничего не запланировано
portal-plan-diff-planned = { $title }: запланировано
portal-plan-diff-in_progress = { $title }: выполнено { $done } из { $target } часов
portal-plan-diff-done = { $title }: выполнено
portal-plan-ask = Кое-что ещё не запланировано. Поговорите со своим контактным лицом.
portal-plan-kind-cohort_modules = Курс
portal-plan-kind-lessons = Индивидуальные занятия
portal-plan-kind-placement = Практика на предприятии
portal-plan-kind-self_study = Самостоятельное обучение
portal-plan-kind-language_course = Языковой курс
portal-plan-kind-exam = Экзамен

# Mentoring tandem (issue 15)
portal-tandem-title = Мой тандем наставничества
portal-tandem-intro = Ваш наставник или наставница работает в той же профессиональной сфере. Встречи вы договариваетесь сами.
portal-tandem-field = Профессия
portal-tandem-languages = Языки
portal-tandem-email = Электронная почта
portal-tandem-phone = Телефон
portal-tandem-period = Период
portal-tandem-budget = В этом месяце: { $used } из { $budget }.
portal-tandem-over = Это больше, чем договорено.
portal-tandem-closed = Тандем завершён.
portal-tandem-no-meetings = Встреч ещё не внесено.
portal-tandem-meetings = Встречи
portal-tandem-log = Внести встречу
portal-tandem-date = Дата
portal-tandem-minutes = Продолжительность в минутах
portal-tandem-topic = О чём шла речь?
portal-tandem-log-submit = Внести
portal-tandem-feedback = Каким был тандем для вас?
portal-tandem-feedback-submit = Отправить отзыв
portal-tandem-duration = { $minutes } мин
portal-tandem-error-met_on = Укажите дату с начала тандема, не в будущем.
portal-tandem-error-minutes = Укажите продолжительность от 1 до 600 минут.
portal-tandem-error-topic = Коротко напишите, о чём шла речь.
portal-tandem-error-feedback = Пожалуйста, напишите отзыв.
portal-tandem-error-state = Сейчас это невозможно. Обновите страницу.

# Language self-assessment and certificates (issue 16)
portal-language-title = Мой немецкий
portal-language-intro = Что вы уже умеете на немецком? Выберите ответ для каждого предложения.
portal-language-shared = Ваш преподаватель и ваш контактный сотрудник видят ваши ответы.
portal-language-target = Ваша следующая цель: { $level }
portal-language-current = Ваш уровень по оценке преподавателя: { $level }
portal-language-no-level = Для этой области уровень ещё не внесён.
portal-language-can = Могу
portal-language-with-help = С помощью
portal-language-not-yet = Пока нет
portal-language-save = Сохранить ответы
portal-language-saved = Спасибо! Ваши ответы сохранены.
portal-language-answered = Ваш ответ от { $date }: { $answer }
portal-language-missing = Выберите ответ хотя бы для одного предложения.
portal-language-certificates = Мои языковые сертификаты
portal-language-certificate-issued = Выдан { $date } организацией { $provider }
portal-language-certificate-pdf = Сертификат в PDF на немецком
portal-language-certificate-pdf-en = Сертификат в PDF на английском
portal-language-certificate-credential = Цифровой сертификат для работодателей (файл)
portal-language-certificate-check = Проверить подлинность
portal-language-certificate-revoked = Этот сертификат больше не действителен.
portal-language-no-certificate = У вас ещё нет языкового сертификата. Спросите о нём вашего контактного сотрудника.
portal-skill-listening = Понимание на слух
portal-skill-reading = Чтение
portal-skill-spoken-interaction = Разговор с другими
portal-skill-spoken-production = Связная речь
portal-skill-writing = Письмо
portal-skill-occupational = Немецкий на работе
portal-can-do-a1-listening = Я могу понять, когда кто-то медленно говорит обо мне и моей семье.
portal-can-do-a1-reading = Я могу понять простые слова и короткие предложения на табличках и плакатах.
portal-can-do-a1-spoken-interaction = Я могу задавать простые вопросы и отвечать на них, когда со мной говорят медленно.
portal-can-do-a1-spoken-production = Я могу простыми предложениями сказать, где я живу и кого знаю.
portal-can-do-a1-writing = Я могу вписать в анкету своё имя, адрес и возраст.
portal-can-do-a1-occupational = Я могу на работе поздороваться и сказать, кто я.
portal-can-do-a2-listening = Я могу понять главное в коротких и чётких объявлениях и сообщениях.
portal-can-do-a2-reading = Я могу понять короткие простые тексты, например объявления, меню или расписания.
portal-can-do-a2-spoken-interaction = Я могу вести короткие разговоры в простых бытовых ситуациях, например в магазине.
portal-can-do-a2-spoken-production = Я могу простыми предложениями рассказать о своей семье, образовании и работе.
portal-can-do-a2-writing = Я могу писать короткие простые записки и сообщения.
portal-can-do-a2-occupational = Я могу понять простые указания на работе и коротко переспросить.
portal-can-do-b1-listening = Я могу понять главное, когда кто-то чётко говорит о работе или свободном времени.
portal-can-do-b1-reading = Я могу понять простые тексты о быте и работе, например обычные и электронные письма.
portal-can-do-b1-spoken-interaction = Я могу без подготовки участвовать в разговорах на знакомые темы.
portal-can-do-b1-spoken-production = Я могу рассказать об опыте, желаниях и планах и коротко объяснить своё мнение.
portal-can-do-b1-writing = Я могу написать простое электронное письмо о своей работе или опыте.
portal-can-do-b1-occupational = Я могу говорить на работе о задачах и проблемах.
portal-can-do-b2-listening = Я могу понять длинные разговоры, доклады и большинство новостей по телевизору.
portal-can-do-b2-reading = Я могу понять статьи и отчёты на актуальные темы.
portal-can-do-b2-spoken-interaction = Я могу говорить настолько свободно, что обычный разговор идёт без труда.
portal-can-do-b2-spoken-production = Я могу подробно говорить на многие темы и объяснять плюсы и минусы.
portal-can-do-b2-writing = Я могу писать ясные подробные тексты и обосновывать в них своё мнение.
portal-can-do-b2-occupational = Я могу активно участвовать в рабочих совещаниях.
portal-can-do-c1-listening = Я могу понять длинные разговоры, даже если не всё сказано ясно.
portal-can-do-c1-reading = Я могу понять длинные сложные тексты, в том числе профессиональные тексты по моей специальности.
portal-can-do-c1-spoken-interaction = Я могу свободно выражать свои мысли, почти не подбирая слова.
portal-can-do-c1-spoken-production = Я могу ясно и подробно объяснять сложные темы.
portal-can-do-c1-writing = Я могу писать хорошо структурированные тексты на сложные темы, например отчёты.
portal-can-do-c1-occupational = Я могу гибко и уверенно говорить по-немецки на работе, даже в сложных разговорах.
portal-can-do-c2-listening = Я могу без труда понимать устную немецкую речь, даже когда говорят очень быстро.
portal-can-do-c2-reading = Я могу без труда понимать почти все тексты, в том числе сложные профессиональные тексты и литературу.
portal-can-do-c2-spoken-interaction = Я могу без труда участвовать в любом разговоре и точно передавать тонкие оттенки смысла.
portal-can-do-c2-spoken-production = Я могу говорить свободно и ясно и подстраивать речь под любую ситуацию.
portal-can-do-c2-writing = Я могу ясно и свободно писать сложные тексты, отчёты и статьи.
portal-can-do-c2-occupational = Я могу выполнять все рабочие задачи на немецком так же уверенно, как на родном языке.
