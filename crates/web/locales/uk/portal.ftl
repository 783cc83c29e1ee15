# Портал для учасників: проста мова. Короткі речення. Звичайні слова.
# The same keys exist in de, en, ar, uk, tr and ru.

portal-lang-name = Українська
portal-lang-legend = Мова
portal-skip = До змісту
portal-logout = Вийти
portal-nav-label = Меню
portal-footer = Lernweg. Ваш шлях у курсі.
portal-legal-nav = Правова інформація
portal-legal-imprint = Вихідні дані
portal-legal-privacy = Захист даних
portal-legal-accessibility = Доступність
portal-back-to-path = Назад до «Мій шлях»
portal-go-login = До входу

portal-not-found-title = Не знайдено
portal-not-found-text = Такої сторінки немає. Або ви не можете її бачити.
portal-error-title = Помилка
portal-error-text = На жаль, не вдалося. Будь ласка, спробуйте пізніше ще раз.
portal-bad-request = Форма була неповна. Будь ласка, спробуйте ще раз.
portal-unlinked-text = Ваш обліковий запис ще не готовий. Будь ласка, запитайте вашу контактну особу.
portal-limit-title = Будь ласка, зачекайте
portal-limit-text = Ви пробували занадто часто. Будь ласка, зачекайте одну хвилину. Потім знову можна.

portal-refused-unknown-title = Посилання недійсне
portal-refused-unknown-text = Ми не знаємо це посилання або код. Будь ласка, перевірте його. Або запитайте вашу контактну особу.
portal-refused-used-title = Вже використано
portal-refused-used-text = Це посилання або код вже використано. Тепер ви можете увійти зі своїм паролем.
portal-refused-expired-title = Більше не дійсне
portal-refused-expired-text = Це посилання або код застаре. Воно дійсне лише 14 днів. Будь ласка, попросіть у контактної особи нове.
portal-refused-revoked-title = Більше не дійсне
portal-refused-revoked-text = Це посилання або код більше не дійсне. Є нове. Або ваша контактна особа його заблокувала. Будь ласка, запитайте.

portal-code-title = Ввести код
portal-code-intro = У вас є лист з кодом? Тоді введіть код тут.
portal-code-label = Код
portal-code-example = Наприклад:
portal-code-submit = Далі
portal-code-error-required = Будь ласка, введіть код.
portal-code-error-invalid = Код має 12 знаків. Будь ласка, перевірте його.
portal-code-error-unknown = Ми не знаємо цей код. Будь ласка, перевірте його.

portal-password-title = Вибрати пароль
portal-password-intro = Тепер виберіть пароль. З ним ви будете входити.
portal-password-new = Новий пароль
portal-password-hint = Щонайменше 10 знаків.
portal-password-repeat = Пароль ще раз
portal-password-submit = Зберегти і далі
portal-password-error-missing = Будь ласка, введіть пароль.
portal-password-error-different = Два паролі не однакові.
portal-password-error-short = Пароль занадто короткий. Потрібно щонайменше 10 знаків.
portal-password-error-long = Пароль занадто довгий.
portal-login-write-down = Будь ласка, запишіть це.
portal-login-is-email = Ви входите зі своєю електронною адресою:
portal-login-is-name = Ваше ім’я для входу:

portal-login-title = Увійти
portal-login-intro = Будь ласка, увійдіть.
portal-login-id = Електронна адреса або ім’я для входу
portal-login-password = Пароль
portal-login-submit = Увійти
portal-login-code-hint = У вас є код?
portal-login-error-email = Будь ласка, введіть електронну адресу або ім’я для входу.
portal-login-error-password-missing = Будь ласка, введіть пароль.
portal-login-error-rate-limited = Занадто багато спроб. Будь ласка, трохи зачекайте.
portal-login-error-failed = Електронна адреса або пароль неправильні.
portal-login-how = Як увійти
portal-login-your = Ваш вхід:

portal-path-title = Мій шлях
portal-path-hello = Привіт, { $name }!
portal-path-intro = Тут ви бачите свій шлях у курсі.
portal-path-none = Ви ще не в курсі. Ваша контактна особа вам допоможе.
portal-path-end = Кінець: { $date }
portal-path-no-dates = Дати ще не готові.
portal-path-list = Усі кроки
portal-progress-modules = { $total ->
    [one] Зроблено: { $done } з { $total } модуля.
   *[other] Зроблено: { $done } з { $total } модулів.
}
portal-progress-milestones = Цілі досягнуто: { $done } з { $total }.

portal-status-interested = Вас цікавить цей курс.
portal-status-counselled = У вас була розмова про цей курс.
portal-status-enrolled = Ви записані на цей курс.
portal-status-active = Ви зараз проходите цей курс.
portal-status-paused = Ви зараз робите перерву.
portal-status-completed = Ви закінчили цей курс.
portal-status-dropped = Ви більше не проходите цей курс.

portal-dates-title = Ваші наступні дати
portal-dates-none = Нових дат немає.
portal-dates-cancelled = Скасовано.
portal-run-coming = Курс починається { $date }.
portal-run-running = Курс триває з { $date }.
portal-run-ended = Курс закінчився { $date }.
portal-at-work-summary = { $count ->
    [one] { $count } заняття припадає на ваш робочий час: { $dates }.
    [few] { $count } заняття припадають на ваш робочий час: { $dates }.
   *[other] { $count } занять припадають на ваш робочий час: { $dates }.
}
portal-at-work-ask = Будь ласка, поговоріть із роботодавцем про звільнення від роботи на цей час.
portal-dates-at-work = У ваш робочий час
portal-dates-place = Місце: { $place }
portal-dates-online = Приєднатися онлайн
portal-weekday-1 = Пн
portal-weekday-2 = Вт
portal-weekday-3 = Ср
portal-weekday-4 = Чт
portal-weekday-5 = Пт
portal-weekday-6 = Сб
portal-weekday-7 = Нд
portal-kind-lesson = Заняття
portal-kind-individual = Індивідуальне заняття
portal-kind-exam = Іспит
portal-kind-kickoff = Початок
portal-kind-closing = Завершення
portal-kind-exchange = Зустріч
portal-kind-self_paced = Самостійне навчання

portal-contact-title = Ваша контактна особа
portal-contact-email = Ел. пошта:
portal-contact-none = Незабаром у вас буде контактна особа.
portal-contact-channel = Так ми зв’язуємося з вами: { $channel }.
portal-contact-times = Ваш час: { $times }
portal-channel-phone = телефон
portal-channel-in_person = особисто
portal-channel-email = електронна пошта
portal-channel-messenger = месенджер
portal-channel-video = відеодзвінок

portal-feed-title = Ваш календар
portal-feed-intro = З посиланням ви бачите всі дати у своєму календарі. Наприклад, у телефоні.
portal-feed-new = Це ваше посилання. Ми показуємо його лише зараз. Будь ласка, скопіюйте його у свій календар.
portal-feed-since = У вас є посилання з { $date }. Ми показуємо його лише один раз.
portal-feed-renew-hint = Нове посилання замінює старе. Старе посилання тоді більше не працює.
portal-feed-renew = Зробити нове посилання
portal-feed-create = Зробити посилання
portal-feed-revoke-hint = Вам більше не потрібне посилання? Тоді видаліть його. Після цього воно більше не працює.
portal-feed-revoke = Видалити посилання
portal-feed-revoked = Ваше посилання видалено. Воно більше не працює. Ви можете будь-коли зробити нове посилання.
portal-feed-name = Lernweg – Мій шлях

portal-checks-title = Ваша перевірка
portal-checks-none = У вас ще не було розмови про перевірку.
portal-checks-from = Перевірка від { $date }

portal-rc-title = Ваша перевірка
portal-rc-result = Результат
portal-rc-answers = Ваші відповіді
portal-rc-your-answer = Ваша відповідь:
portal-rc-open = Ще відкрито:
portal-rc-help = Ця допомога є для вас
portal-rc-no-help = Вам не потрібна допомога. Добре!
portal-rc-ask = Запитайте про це вашу контактну особу.
portal-rc-overall-recommend = Курс вам добре підходить.
portal-rc-overall-recommend_with_support = Курс вам підходить. З деякою допомогою.
portal-rc-overall-advise_longer_model = Довший курс підходить вам краще. Тоді у вас більше часу.
portal-rc-overall-advise_pause = Можливо, зараз не найкращий час. Поговоріть з вашою контактною особою.
portal-rc-light-green = добре
portal-rc-light-yellow = добре з допомогою
portal-rc-light-red = складно
portal-rc-topic-time = Час
portal-rc-topic-commute = Дорога до курсу
portal-rc-topic-childcare = Діти
portal-rc-topic-care_duties = Догляд за рідними
portal-rc-topic-quiet_place = Тихе місце
portal-rc-topic-internet = Інтернет
portal-rc-topic-device = Пристрій
portal-rc-topic-digital_skills = Комп’ютер
portal-rc-topic-income = Гроші
portal-rc-topic-motivation = Робота і курс
portal-rc-topic-health = Здоров’я
portal-rc-hours = { $hours } вільних годин на тиждень.
portal-rc-minutes = { $minutes } хвилин.
portal-rc-childcare-yes = Догляд за дітьми влаштовано.
portal-rc-childcare-partly = Догляд за дітьми влаштовано частково.
portal-rc-childcare-no = Догляд за дітьми не влаштовано.
portal-rc-childcare-not_needed = Вам не потрібен догляд за дітьми.
portal-rc-care-none = Ви ні за ким не доглядаєте.
portal-rc-care-settled = Догляд влаштовано.
portal-rc-care-partly = Догляд влаштовано частково.
portal-rc-care-not_settled = Догляд не влаштовано.
portal-rc-internet-yes = У вас хороший інтернет.
portal-rc-internet-unstable = Ваш інтернет не завжди хороший.
portal-rc-internet-no = У вас немає інтернету.
portal-rc-device-own = У вас є свій пристрій.
portal-rc-device-shared = Ви ділите пристрій з іншими.
portal-rc-device-none = У вас немає пристрою.
portal-rc-digital-good = Ви добре знаєте комп’ютер.
portal-rc-digital-basic = Ви трохи знаєте комп’ютер.
portal-rc-digital-none = Ви ще не знаєте комп’ютер.
portal-rc-income-ok = Грошей вистачає.
portal-rc-income-tight = Грошей мало.
portal-rc-income-at_risk = Грошей не вистачає.
portal-rc-income-not_applicable = Це для вас не тема.
portal-rc-debts = У вас є борги.
portal-rc-job-yes = Ваша робота підходить до курсу.
portal-rc-job-partly = Ваша робота частково підходить до курсу.
portal-rc-job-no = Ваша робота не підходить до курсу.
portal-rc-health-good = У вас все добре.
portal-rc-health-limited = У вас не завжди все добре.
portal-rc-health-strained = У вас не все добре.
portal-rc-action-device_loan = Ви можете позичити пристрій.
portal-rc-action-digital_training = Ви можете пройти курс з комп’ютера.
portal-rc-action-quiet_room_at_provider = Ви можете вчитися у нас у тихій кімнаті.
portal-rc-action-referral_childcare = Ми допоможемо знайти догляд за дітьми.
portal-rc-action-referral_social_counselling = Консультація може вам допомогти.
portal-rc-action-referral_debt_counselling = Консультація щодо боргів може вам допомогти.
portal-rc-action-referral_health = Консультація щодо здоров’я може вам допомогти.
portal-rc-action-longer_time_model = Довший курс дає вам більше часу.
portal-rc-action-pause = Ви можете зробити перерву.
portal-yes = Так.
portal-no = Ні.

portal-sheet-heading = Ваш доступ до Lernweg
portal-sheet-step-address = Відкрийте цю сторінку:
portal-sheet-step-code = Введіть цей код:
portal-sheet-valid = Код дійсний до { $date }. Ви можете використати його лише один раз.
portal-sheet-step-password = Потім виберіть пароль.
portal-sheet-questions = У вас є питання? Ваша контактна особа: { $name }.

portal-mail-subject = Ваш доступ до Lernweg
portal-mail-body =
    Привіт, { $name }!

    На Lernweg ви бачите свій шлях у курсі. Ви бачите свої дати. Ви бачите свою контактну особу.

    Будь ласка, відкрийте це посилання:
    { $link }

    Потім виберіть пароль.
    Посилання дійсне до { $date }. Ви можете використати його лише один раз.

    Ваш вхід: { $login }

portal-publish-path-start = Початок
portal-publish-path-end = Кінець
portal-publish-path-today = Сьогодні
portal-publish-path-kickoff = Початок
portal-publish-path-closing = Завершення
portal-publish-path-exam = Іспит
portal-publish-path-milestone = Ціль
portal-publish-path-module = Модуль
portal-publish-path-modules = Модулі
portal-publish-path-exams = Іспити
portal-publish-path-hours = год.
portal-publish-decimal-separator = ,

# Calendar feeds (.ics): event texts; staff feeds use the German ones.
portal-ics-module = Модуль { $module }
portal-ics-module-summary = Модуль { $module }: { $title }
portal-ics-exam-summary = Іспит: { $title }
portal-ics-due-summary = Термін – { $title }
portal-ics-cancelled = Скасовано: { $summary }
portal-ics-draft = Чернетка: { $summary }
portal-ics-hours = { $hours } год.
portal-ics-reason = Причина: { $reason }

## Notices of changed dates (issue 13 point 8), written when sent
notice-session_moved-subject = Заняття перенесено: { $offer }, { $old_date }
notice-session_moved-person = Добрий день,

    заняття вашого курсу «{ $offer }» ({ $cohort }) перенесено.

    Було: { $old_date }, { $old_time }
    Тепер: { $new_date }, { $new_time }

    Причина: { $reason }

    Ваше посилання на календар саме покаже нову дату. Якщо маєте запитання, зверніться до вашої контактної особи.
notice-session_cancelled-subject = Заняття скасовано: { $offer }, { $old_date }
notice-session_cancelled-person = Добрий день,

    заняття вашого курсу «{ $offer }» ({ $cohort }) { $old_date }, { $old_time } скасовано.

    Причина: { $reason }

    Якщо маєте запитання, зверніться до вашої контактної особи.
notice-session_added-subject = Нове заняття: { $offer }, { $new_date }
notice-session_added-person = Добрий день,

    у вашого курсу «{ $offer }» ({ $cohort }) нове заняття: { $new_date }, { $new_time } ({ $title }).

    Причина: { $reason }

    Якщо маєте запитання, зверніться до вашої контактної особи.

## The individual qualification plan on /mein-weg (issue 14)
portal-plan-title = Мій план кваліфікації
portal-plan-intro = У рішенні названо відмінності від вашої професії в Німеччині. Цими частинами ви їх компенсуєте.
portal-plan-deadline = Термін: { $date }
portal-plan-items = Ваші частини
portal-plan-no-items = Частин ще немає. Ваша контактна особа спланує їх разом із вами.
portal-plan-item = { $kind }: { $title } – виконано { $done } з { $hours } годин
portal-plan-differences = Що вже компенсовано
portal-plan-diff-uncovered = { $title }: ще нічого не заплановано
portal-plan-diff-planned = { $title }: заплановано
portal-plan-diff-in_progress = { $title }: виконано { $done } з { $target } годин
portal-plan-diff-done = { $title }: виконано
portal-plan-ask = Дещо ще не заплановано. Поговоріть зі своєю контактною особою.
portal-plan-kind-cohort_modules = Курс
portal-plan-kind-lessons = Індивідуальні заняття
portal-plan-kind-placement = Практика на підприємстві
portal-plan-kind-self_study = Самостійне навчання
portal-plan-kind-language_course = Мовний курс
portal-plan-kind-exam = Іспит

# Mentoring tandem (issue 15)
portal-tandem-title = Мій тандем наставництва
portal-tandem-intro = Ваш наставник або наставниця працює в тій самій професійній сфері. Зустрічі ви домовляєтеся самі.
portal-tandem-field = Професія
portal-tandem-languages = Мови
portal-tandem-email = Електронна пошта
portal-tandem-phone = Телефон
portal-tandem-period = Період
portal-tandem-budget = Цього місяця: { $used } з { $budget }.
portal-tandem-over = Це більше, ніж домовлено.
portal-tandem-closed = Тандем завершено.
portal-tandem-no-meetings = Зустрічей ще не внесено.
portal-tandem-meetings = Зустрічі
portal-tandem-log = Внести зустріч
portal-tandem-date = Дата
portal-tandem-minutes = Тривалість у хвилинах
portal-tandem-topic = Про що йшлося?
portal-tandem-log-submit = Внести
portal-tandem-feedback = Яким був тандем для вас?
portal-tandem-feedback-submit = Надіслати відгук
portal-tandem-duration = { $minutes } хв
portal-tandem-error-met_on = Вкажіть дату від початку тандему, не в майбутньому.
portal-tandem-error-minutes = Вкажіть тривалість від 1 до 600 хвилин.
portal-tandem-error-topic = Коротко напишіть, про що йшлося.
portal-tandem-error-feedback = Напишіть, будь ласка, відгук.
portal-tandem-error-state = Зараз це неможливо. Оновіть сторінку.

# Language self-assessment and certificates (issue 16)
portal-language-title = Моя німецька
portal-language-intro = Що ви вже вмієте німецькою? Виберіть відповідь до кожного речення.
portal-language-shared = Ваш викладач і ваша контактна особа бачать ваші відповіді.
portal-language-target = Ваша наступна мета: { $level }
portal-language-current = Ваш рівень за оцінкою викладача: { $level }
portal-language-no-level = Для цієї сфери рівень ще не внесено.
portal-language-can = Можу
portal-language-with-help = З допомогою
portal-language-not-yet = Ще ні
portal-language-save = Зберегти відповіді
portal-language-saved = Дякуємо! Ваші відповіді збережено.
portal-language-answered = Ваша відповідь від { $date }: { $answer }
portal-language-missing = Виберіть відповідь хоча б до одного речення.
portal-language-certificates = Мої мовні сертифікати
portal-language-certificate-issued = Видано { $date } організацією { $provider }
portal-language-certificate-pdf = Сертифікат у PDF німецькою
portal-language-certificate-pdf-en = Сертифікат у PDF англійською
portal-language-certificate-credential = Цифровий сертифікат для роботодавців (файл)
portal-language-certificate-check = Перевірити справжність
portal-language-certificate-revoked = Цей сертифікат більше не дійсний.
portal-language-no-certificate = У вас ще немає мовного сертифіката. Запитайте про нього вашу контактну особу.
portal-skill-listening = Розуміння на слух
portal-skill-reading = Читання
portal-skill-spoken-interaction = Розмова з іншими
portal-skill-spoken-production = Зв’язне мовлення
portal-skill-writing = Письмо
portal-skill-occupational = Німецька на роботі
portal-can-do-a1-listening = Я можу зрозуміти, коли хтось повільно говорить про мене і мою сім’ю.
portal-can-do-a1-reading = Я можу зрозуміти прості слова й короткі речення на вивісках і плакатах.
portal-can-do-a1-spoken-interaction = Я можу ставити прості запитання й відповідати на них, коли зі мною говорять повільно.
portal-can-do-a1-spoken-production = Я можу простими реченнями сказати, де я живу і кого знаю.
portal-can-do-a1-writing = Я можу вписати в анкету своє ім’я, адресу та вік.
portal-can-do-a1-occupational = Я можу на роботі привітатися й сказати, хто я.
portal-can-do-a2-listening = Я можу зрозуміти головне в коротких і чітких оголошеннях та повідомленнях.
portal-can-do-a2-reading = Я можу зрозуміти короткі прості тексти, як-от оголошення, меню чи розклади.
portal-can-do-a2-spoken-interaction = Я можу вести короткі розмови в простих повсякденних ситуаціях, наприклад у магазині.
portal-can-do-a2-spoken-production = Я можу простими реченнями розповісти про свою сім’ю, освіту та роботу.
portal-can-do-a2-writing = Я можу писати короткі прості нотатки й повідомлення.
portal-can-do-a2-occupational = Я можу зрозуміти прості вказівки на роботі й коротко перепитати.
portal-can-do-b1-listening = Я можу зрозуміти головне, коли хтось чітко говорить про роботу чи дозвілля.
portal-can-do-b1-reading = Я можу зрозуміти прості тексти про повсякдення й роботу, наприклад звичайні та електронні листи.
portal-can-do-b1-spoken-interaction = Я можу без підготовки брати участь у розмовах на знайомі теми.
portal-can-do-b1-spoken-production = Я можу розповісти про досвід, бажання й плани та коротко пояснити свою думку.
portal-can-do-b1-writing = Я можу написати простий електронний лист про свою роботу чи досвід.
portal-can-do-b1-occupational = Я можу говорити на роботі про завдання і проблеми.
portal-can-do-b2-listening = Я можу зрозуміти довші розмови, доповіді та більшість новин по телевізору.
portal-can-do-b2-reading = Я можу зрозуміти статті та звіти на актуальні теми.
portal-can-do-b2-spoken-interaction = Я можу розмовляти настільки вільно, що звичайна розмова йде без труднощів.
portal-can-do-b2-spoken-production = Я можу детально говорити на багато тем і пояснювати переваги та недоліки.
portal-can-do-b2-writing = Я можу писати чіткі, докладні тексти й обґрунтовувати в них свою думку.
portal-can-do-b2-occupational = Я можу активно брати участь у робочих нарадах.
portal-can-do-c1-listening = Я можу зрозуміти довгі розмови, навіть коли не все сказано чітко.
portal-can-do-c1-reading = Я можу зрозуміти довгі складні тексти, також фахові тексти з моєї професії.
portal-can-do-c1-spoken-interaction = Я можу вільно висловлюватися, майже не шукаючи слів.
portal-can-do-c1-spoken-production = Я можу чітко й докладно пояснювати складні теми.
portal-can-do-c1-writing = Я можу писати добре структуровані тексти на складні теми, наприклад звіти.
portal-can-do-c1-occupational = Я можу гнучко й упевнено говорити німецькою на роботі, навіть у складних розмовах.
portal-can-do-c2-listening = Я можу без зусиль розуміти усну німецьку, навіть коли хтось говорить дуже швидко.
portal-can-do-c2-reading = Я можу без зусиль розуміти майже всі тексти, також складні фахові тексти й літературу.
portal-can-do-c2-spoken-interaction = Я можу без зусиль брати участь у будь-якій розмові й точно передавати тонкі відтінки.
portal-can-do-c2-spoken-production = Я можу говорити вільно й чітко та пристосовувати мову до кожної ситуації.
portal-can-do-c2-writing = Я можу чітко й вільно писати складні тексти, звіти та статті.
portal-can-do-c2-occupational = Я можу виконувати всі робочі завдання німецькою так само впевнено, як рідною мовою.
