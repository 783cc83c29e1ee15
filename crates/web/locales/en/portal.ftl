# The participant portal: plain English. Short sentences. Common words.
# The same keys exist in de, en, ar, uk, tr and ru.

portal-lang-name = English
portal-lang-legend = Language
portal-skip = Skip to content
portal-logout = Log out
portal-nav-label = Menu
portal-footer = Lernweg. Your way through the course.
portal-legal-nav = Legal
portal-legal-imprint = Imprint
portal-legal-privacy = Privacy
portal-legal-accessibility = Accessibility
portal-back-to-path = Back to My path
portal-go-login = Go to login

portal-not-found-title = Not found
portal-not-found-text = This page does not exist. Or you may not see it.
portal-error-title = Error
portal-error-text = Sorry, that did not work. Please try again later.
portal-bad-request = The form was not complete. Please try again.
portal-unlinked-text = Your account is not ready yet. Please ask your contact person.
portal-limit-title = Please wait
portal-limit-text = You tried too often. Please wait one minute. Then it works again.

portal-refused-unknown-title = Link not valid
portal-refused-unknown-text = We do not know this link or code. Please check it. Or ask your contact person.
portal-refused-used-title = Already used
portal-refused-used-text = This link or code was already used. You can now log in with your password.
portal-refused-expired-title = No longer valid
portal-refused-expired-text = This link or code is too old. It is only valid for 14 days. Please ask your contact person for a new one.
portal-refused-revoked-title = No longer valid
portal-refused-revoked-text = This link or code is no longer valid. There is a new one. Or your contact person blocked it. Please ask.

portal-code-title = Enter code
portal-code-intro = Do you have a letter with a code? Then enter the code here.
portal-code-label = Code
portal-code-example = For example:
portal-code-submit = Next
portal-code-error-required = Please enter the code.
portal-code-error-invalid = The code has 12 characters. Please check it.
portal-code-error-unknown = We do not know this code. Please check it.

portal-password-title = Choose a password
portal-password-intro = Now choose a password. You will use it to log in.
portal-password-new = New password
portal-password-hint = At least 10 characters.
portal-password-repeat = Password again
portal-password-submit = Save and continue
portal-password-error-missing = Please enter a password.
portal-password-error-different = The two passwords are not the same.
portal-password-error-short = The password is too short. It needs at least 10 characters.
portal-password-error-long = The password is too long.
portal-login-write-down = Please write this down.
portal-login-is-email = You log in with your email address:
portal-login-is-name = Your login name:

portal-login-title = Log in
portal-login-intro = Please log in.
portal-login-id = Email address or login name
portal-login-password = Password
portal-login-submit = Log in
portal-login-code-hint = Do you have a code?
portal-login-error-email = Please enter your email address or your login name.
portal-login-error-password-missing = Please enter your password.
portal-login-error-rate-limited = Too many attempts. Please wait a moment.
portal-login-error-failed = Email address or password is not correct.
portal-login-how = How to log in
portal-login-your = Your login:

portal-path-title = My path
portal-path-hello = Hello { $name }!
portal-path-intro = Here you see your way through the course.
portal-path-none = You are not in a course yet. Your contact person will help you.
portal-path-end = End: { $date }
portal-path-no-dates = The dates are not ready yet.
portal-path-list = All steps
portal-progress-modules = { $total ->
    [one] Done: { $done } of { $total } module.
   *[other] Done: { $done } of { $total } modules.
}
portal-progress-milestones = Goals reached: { $done } of { $total }.

portal-status-interested = You are interested in this course.
portal-status-counselled = You had a talk about this course.
portal-status-enrolled = You are registered for this course.
portal-status-active = You are taking this course now.
portal-status-paused = You are taking a break now.
portal-status-completed = You finished this course.
portal-status-dropped = You no longer take this course.

portal-dates-title = Your next dates
portal-dates-none = There are no new dates.
portal-dates-cancelled = Cancelled.
portal-run-coming = The course starts on { $date }.
portal-run-running = The course has been running since { $date }.
portal-run-ended = The course ended on { $date }.
portal-at-work-summary = { $count ->
    [one] One date is during your working hours: { $dates }.
   *[other] { $count } dates are during your working hours: { $dates }.
}
portal-at-work-ask = Please talk to your employer about time off for them.
portal-dates-at-work = During your working hours
portal-dates-place = Place: { $place }
portal-dates-online = Join online
portal-weekday-1 = Mon
portal-weekday-2 = Tue
portal-weekday-3 = Wed
portal-weekday-4 = Thu
portal-weekday-5 = Fri
portal-weekday-6 = Sat
portal-weekday-7 = Sun
portal-kind-lesson = Lesson
portal-kind-individual = Individual lesson
portal-kind-exam = Exam
portal-kind-kickoff = Start
portal-kind-closing = Closing
portal-kind-exchange = Meeting
portal-kind-self_paced = Self-study

portal-contact-title = Your contact person
portal-contact-email = Email:
portal-contact-none = You will get a contact person soon.
portal-contact-channel = This is how we contact you: { $channel }.
portal-contact-times = Your times: { $times }
portal-channel-phone = phone
portal-channel-in_person = in person
portal-channel-email = email
portal-channel-messenger = messenger
portal-channel-video = video

portal-feed-title = Your calendar
portal-feed-intro = With a link you see all dates in your calendar. For example on your phone.
portal-feed-new = This is your link. We show it only now. Please copy it into your calendar.
portal-feed-since = You have a link since { $date }. We show it only once.
portal-feed-renew-hint = A new link replaces the old one. The old link stops working.
portal-feed-renew = Make a new link
portal-feed-create = Make a link
portal-feed-revoke-hint = You do not need the link any more? Then delete it. After that it stops working.
portal-feed-revoke = Delete the link
portal-feed-revoked = Your link is deleted. It does not work any more. You can make a new link at any time.
portal-feed-name = Lernweg – My path

portal-checks-title = Your check
portal-checks-none = You did not have a talk about the check yet.
portal-checks-from = Check of { $date }

portal-rc-title = Your check
portal-rc-result = Result
portal-rc-answers = Your answers
portal-rc-your-answer = Your answer:
portal-rc-open = Still open:
portal-rc-help = This help is there for you
portal-rc-no-help = You do not need help. Good!
portal-rc-ask = Ask your contact person about it.
portal-rc-overall-recommend = The course fits you well.
portal-rc-overall-recommend_with_support = The course fits you. With some help.
portal-rc-overall-advise_longer_model = A longer course fits you better. Then you have more time.
portal-rc-overall-advise_pause = Maybe now is not the right time. Talk to your contact person.
portal-rc-light-green = good
portal-rc-light-yellow = good with help
portal-rc-light-red = difficult
portal-rc-topic-time = Time
portal-rc-topic-commute = Way to the course
portal-rc-topic-childcare = Children
portal-rc-topic-care_duties = Care of relatives
portal-rc-topic-quiet_place = Quiet place
portal-rc-topic-internet = Internet
portal-rc-topic-device = Device
portal-rc-topic-digital_skills = Computer
portal-rc-topic-income = Money
portal-rc-topic-motivation = Work and course
portal-rc-topic-health = Health
portal-rc-hours = { $hours } hours free per week.
portal-rc-minutes = { $minutes } minutes.
portal-rc-childcare-yes = Childcare is arranged.
portal-rc-childcare-partly = Childcare is partly arranged.
portal-rc-childcare-no = Childcare is not arranged.
portal-rc-childcare-not_needed = You do not need childcare.
portal-rc-care-none = You do not care for anyone.
portal-rc-care-settled = Care is arranged.
portal-rc-care-partly = Care is partly arranged.
portal-rc-care-not_settled = Care is not arranged.
portal-rc-internet-yes = You have good internet.
portal-rc-internet-unstable = Your internet is not always good.
portal-rc-internet-no = You have no internet.
portal-rc-device-own = You have your own device.
portal-rc-device-shared = You share a device.
portal-rc-device-none = You have no device.
portal-rc-digital-good = You know computers well.
portal-rc-digital-basic = You know computers a little.
portal-rc-digital-none = You do not know computers yet.
portal-rc-income-ok = The money is enough.
portal-rc-income-tight = The money is tight.
portal-rc-income-at_risk = The money is not enough.
portal-rc-income-not_applicable = This is not a topic for you.
portal-rc-debts = You have debts.
portal-rc-job-yes = Your work fits the course.
portal-rc-job-partly = Your work fits the course in part.
portal-rc-job-no = Your work does not fit the course.
portal-rc-health-good = You are well.
portal-rc-health-limited = You are not always well.
portal-rc-health-strained = You are not well.
portal-rc-action-device_loan = You can borrow a device.
portal-rc-action-digital_training = You can take a computer course.
portal-rc-action-quiet_room_at_provider = You can study in a quiet room with us.
portal-rc-action-referral_childcare = We help you find childcare.
portal-rc-action-referral_social_counselling = Counselling can help you.
portal-rc-action-referral_debt_counselling = Debt counselling can help you.
portal-rc-action-referral_health = Health counselling can help you.
portal-rc-action-longer_time_model = A longer course gives you more time.
portal-rc-action-pause = You can take a break.
portal-yes = Yes.
portal-no = No.

portal-sheet-heading = Your access to Lernweg
portal-sheet-step-address = Go to this page:
portal-sheet-step-code = Enter this code:
portal-sheet-valid = The code is valid until { $date }. You can use it only once.
portal-sheet-step-password = Then choose a password.
portal-sheet-questions = Do you have questions? Your contact person is { $name }.

portal-mail-subject = Your access to Lernweg
portal-mail-body =
    Hello { $name }!

    On Lernweg you see your way through the course. You see your dates. You see your contact person.

    Please open this link:
    { $link }

    Then choose a password.
    The link is valid until { $date }. You can use it only once.

    Your login: { $login }

portal-publish-path-start = Start
portal-publish-path-end = End
portal-publish-path-today = Today
portal-publish-path-kickoff = Start
portal-publish-path-closing = Closing
portal-publish-path-exam = Exam
portal-publish-path-milestone = Goal
portal-publish-path-module = Module
portal-publish-path-modules = Modules
portal-publish-path-exams = Exams
portal-publish-path-hours = h
portal-publish-decimal-separator = .

# Calendar feeds (.ics): event texts; staff feeds use the German ones.
portal-ics-module = Module { $module }
portal-ics-module-summary = Module { $module }: { $title }
portal-ics-exam-summary = Exam: { $title }
portal-ics-due-summary = Due – { $title }
portal-ics-cancelled = Cancelled: { $summary }
portal-ics-draft = Draft: { $summary }
portal-ics-hours = { $hours } h
portal-ics-reason = Reason: { $reason }

## Notices of changed dates (issue 13 point 8), written when sent
notice-session_moved-subject = Date moved: { $offer }, { $old_date }
notice-session_moved-person = Hello,

    a date of your course “{ $offer }” ({ $cohort }) has moved.

    Before: { $old_date }, { $old_time }
    Now: { $new_date }, { $new_time }

    Reason: { $reason }

    Your calendar link shows the new date by itself. If you have questions, please contact your contact person.
notice-session_cancelled-subject = Date cancelled: { $offer }, { $old_date }
notice-session_cancelled-person = Hello,

    the date of your course “{ $offer }” ({ $cohort }) on { $old_date }, { $old_time } is cancelled.

    Reason: { $reason }

    If you have questions, please contact your contact person.
notice-session_added-subject = New date: { $offer }, { $new_date }
notice-session_added-person = Hello,

    your course “{ $offer }” ({ $cohort }) has a new date: { $new_date }, { $new_time } ({ $title }).

    Reason: { $reason }

    If you have questions, please contact your contact person.

## The individual qualification plan on /mein-weg (issue 14)
portal-plan-title = My qualification plan
portal-plan-intro = The decision names differences to your occupation in Germany. With these parts you make up for them.
portal-plan-deadline = Deadline: { $date }
portal-plan-items = Your parts
portal-plan-no-items = No parts yet. Your contact person plans them with you.
portal-plan-item = { $kind }: { $title } – { $done } of { $hours } hours done
portal-plan-differences = What is already made up for
portal-plan-diff-uncovered = { $title }: nothing planned yet
portal-plan-diff-planned = { $title }: planned
portal-plan-diff-in_progress = { $title }: { $done } of { $target } hours done
portal-plan-diff-done = { $title }: done
portal-plan-ask = Some things are not planned yet. Talk to your contact person.
portal-plan-kind-cohort_modules = Course
portal-plan-kind-lessons = Individual lessons
portal-plan-kind-placement = Practice in a company
portal-plan-kind-self_study = Self-study
portal-plan-kind-language_course = Language course
portal-plan-kind-exam = Exam

# Mentoring tandem (issue 15)
portal-tandem-title = My mentoring tandem
portal-tandem-intro = Your mentor works in the same occupational field. You arrange the meetings yourselves.
portal-tandem-field = Occupation
portal-tandem-languages = Languages
portal-tandem-email = E-mail
portal-tandem-phone = Phone
portal-tandem-period = Period
portal-tandem-budget = This month: { $used } of { $budget }.
portal-tandem-over = That is more than agreed.
portal-tandem-closed = The tandem has ended.
portal-tandem-no-meetings = No meetings logged yet.
portal-tandem-meetings = Meetings
portal-tandem-log = Log a meeting
portal-tandem-date = Date
portal-tandem-minutes = Duration in minutes
portal-tandem-topic = What was it about?
portal-tandem-log-submit = Log it
portal-tandem-feedback = How was the tandem for you?
portal-tandem-feedback-submit = Send feedback
portal-tandem-duration = { $minutes } minutes
portal-tandem-error-met_on = Please give a date since the tandem began, not in the future.
portal-tandem-error-minutes = Please give a duration of 1 to 600 minutes.
portal-tandem-error-topic = Please write briefly what it was about.
portal-tandem-error-feedback = Please write your feedback.
portal-tandem-error-state = This is not possible right now. Please reload the page.

# Language self-assessment and certificates (issue 16)
portal-language-title = My German
portal-language-intro = What can you already do in German? Choose an answer for each sentence.
portal-language-shared = Your teacher and your contact person see your answers.
portal-language-target = Your next goal: { $level }
portal-language-current = Your level according to your teacher: { $level }
portal-language-no-level = No level has been entered for this area yet.
portal-language-can = I can do this
portal-language-with-help = With help
portal-language-not-yet = Not yet
portal-language-save = Save answers
portal-language-saved = Thank you! Your answers are saved.
portal-language-answered = Your answer from { $date }: { $answer }
portal-language-missing = Please choose an answer for at least one sentence.
portal-language-certificates = My language certificates
portal-language-certificate-issued = Issued on { $date } by { $provider }
portal-language-certificate-pdf = Certificate as PDF in German
portal-language-certificate-pdf-en = Certificate as PDF in English
portal-language-certificate-credential = Digital certificate for employers (file)
portal-language-certificate-check = Check if it is genuine
portal-language-certificate-revoked = This certificate is no longer valid.
portal-language-no-certificate = You do not have a language certificate yet. Ask your contact person about it.
portal-skill-listening = Listening
portal-skill-reading = Reading
portal-skill-spoken-interaction = Talking with others
portal-skill-spoken-production = Speaking on your own
portal-skill-writing = Writing
portal-skill-occupational = German at work
portal-can-do-a1-listening = I can understand when someone speaks slowly about me and my family.
portal-can-do-a1-reading = I can understand simple words and short sentences on signs and posters.
portal-can-do-a1-spoken-interaction = I can ask and answer simple questions when people speak slowly with me.
portal-can-do-a1-spoken-production = I can say in simple sentences where I live and whom I know.
portal-can-do-a1-writing = I can fill in a form with my name, my address and my age.
portal-can-do-a1-occupational = I can say hello at work and say who I am.
portal-can-do-a2-listening = I can understand the main points of short, clear announcements and messages.
portal-can-do-a2-reading = I can understand short, simple texts such as adverts, menus or timetables.
portal-can-do-a2-spoken-interaction = I can have short conversations in simple everyday situations, for example when shopping.
portal-can-do-a2-spoken-production = I can talk in simple sentences about my family, my education and my work.
portal-can-do-a2-writing = I can write short, simple notes and messages.
portal-can-do-a2-occupational = I can understand simple instructions at work and ask short questions.
portal-can-do-b1-listening = I can understand the main points when someone speaks clearly about work or free time.
portal-can-do-b1-reading = I can understand simple texts about everyday life and work, for example letters and emails.
portal-can-do-b1-spoken-interaction = I can take part in conversations on familiar topics without preparing.
portal-can-do-b1-spoken-production = I can talk about experiences, wishes and plans and briefly give reasons for my opinion.
portal-can-do-b1-writing = I can write a simple email about my work or experiences.
portal-can-do-b1-occupational = I can talk about tasks and problems at work.
portal-can-do-b2-listening = I can understand longer conversations, talks and most news on television.
portal-can-do-b2-reading = I can understand articles and reports on current topics.
portal-can-do-b2-spoken-interaction = I can talk so fluently that a normal conversation is easily possible.
portal-can-do-b2-spoken-production = I can speak in detail about many topics and explain advantages and disadvantages.
portal-can-do-b2-writing = I can write clear, detailed texts and give reasons for my opinion in them.
portal-can-do-b2-occupational = I can take an active part in meetings at work.
portal-can-do-c1-listening = I can understand long conversations, even when not everything is said clearly.
portal-can-do-c1-reading = I can understand long, difficult texts, also specialist texts from my occupation.
portal-can-do-c1-spoken-interaction = I can express myself fluently without often having to search for words.
portal-can-do-c1-spoken-production = I can explain difficult topics clearly and in detail.
portal-can-do-c1-writing = I can write well-structured texts on difficult topics, for example reports.
portal-can-do-c1-occupational = I can speak German at work flexibly and confidently, also in difficult conversations.
portal-can-do-c2-listening = I can understand spoken German without effort, even when someone speaks very fast.
portal-can-do-c2-reading = I can understand almost all texts without effort, also difficult specialist texts and literature.
portal-can-do-c2-spoken-interaction = I can take part in any conversation without effort and express fine differences precisely.
portal-can-do-c2-spoken-production = I can speak fluently and clearly and adapt my language to every situation.
portal-can-do-c2-writing = I can write difficult texts, reports and articles clearly and fluently.
portal-can-do-c2-occupational = I can do all tasks at work in German as confidently as in my first language.
