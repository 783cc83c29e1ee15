# Cohorts, sessions, calendars

session-kind-lesson = Lesson
session-kind-exam = Exam
session-kind-kickoff = Kick-off
session-kind-closing = Closing
session-kind-exchange = Exchange
session-kind-self_paced = Self-study

cohorts-title = Cohorts
cohorts-intro = A cohort is one run of an offer with fixed dates. Its timetable is built from the offer's time model and the federal state's public holidays.
cohorts-none = There are no cohorts yet.
cohorts-caption = Cohorts by start
cohorts-new = Plan a new cohort
cohorts-create = Create cohort and timetable
cohorts-need-offer = Create an offer first.
cohorts-back = Back to all cohorts
cohorts-my-calendar = My sessions in a calendar
cohorts-my-calendar-intro = A calendar link with all sessions you teach. Subscribe to it in Outlook, Thunderbird or Google Calendar.
cohort-title = Cohort
cohort-name = Name
cohort-name-hint = For example “Spring 2027” or “Group Cologne 2”.
cohort-offer = Offer
cohort-start = Start
cohort-end = End
cohort-state = Federal state
cohort-state-hint = The public holidays of this state are kept free.
cohort-room = Room
cohort-online-link = Online room (link)
cohort-trainers = Trainers
cohort-hours = Hours (without cancelled sessions)
cohort-exams = Exam dates
cohort-status-draft = Draft
cohort-status-published = Published
cohort-status-running = Running
cohort-status-finished = Finished
cohort-running-since-join = Running since { $date }; people can still join until { $until }
cohort-running-since-closed = Running since { $date }; joining is no longer possible
cohort-status-stored = (recorded: { $status })
cohort-advance-published = Publish the binding timetable
cohort-advance-running = Start the cohort
cohort-advance-finished = Finish the cohort
cohort-timetable = Timetable
cohort-timetable-caption = All sessions, cancelled ones included
cohort-binding-note = The timetable is published and binding. Every change needs a reason and is updated in the calendars.
cohort-replan = Generate the timetable again
cohort-replan-submit = Plan again
cohort-self-paced-due = due on this day
cohort-month-title = Month view
cohort-months-nav = Months of the cohort
cohort-month-prev = Previous month
cohort-month-next = Next month
cohort-month-count = { $count ->
    [one] 1 session
   *[other] { $count } sessions
}
cohort-month-scroll-hint = The month is wider than the screen: swipe sideways to see every day up to Sunday.
cohort-month-today = Today
cohort-week = Week
cohort-path-title = Learning path
cohort-path-list = The learning path as a list
cohort-path-empty = This cohort has no sessions yet.
cohort-error-date = Please enter a date.
cohort-error-time = Please enter a time (HH:MM).
cohort-error-cannot-plan = No timetable can be built from this start. Please check the offer.
cohort-error-transition = This status change is not possible.
cohort-error-not-draft = Only a draft can be planned again.

session-title = Session
session-date = Date
session-time = Time
session-start = Start
session-end = End
session-hours = Hours
session-kind = Kind
session-module = Module
session-title-col = Title
session-cancelled = cancelled
session-confirmed = takes place
session-changed = changed
session-sequence = Revision (SEQUENCE)
session-back = Back to { $name }
session-move = Move session
session-move-submit = Move session
session-impact-title = Before saving: this move affects
session-impact-holiday = { $date } is a public holiday: { $name }.
session-impact-shift = { $name } works at this time (shift from { $day }, { $start }–{ $end }).
session-impact-hint = Change the date or time – or save the move anyway.
session-impact-confirm = Move anyway
session-cancel = Cancel session
session-cancel-submit = Cancel session
session-reason = Reason for the change
session-reason-required = Required: the timetable is published.
session-reason-optional = Optional while the timetable is a draft.
session-history = History
session-history-none = This session has not been changed.
session-add = Add a session
session-add-submit = Add session
session-error-required = Please give a reason: the timetable is published.
session-error-too_long = The reason is too long (500 characters at most).
session-error-before_start = The end must be after the start.
session-error-finished = The cohort is finished.
session-error-add = Please give date, start, end, kind and title of the new session.

feeds-title = Calendar links
feeds-intro = With a calendar link, participants and employers see all sessions in their calendar, changes and cancellations included. Whoever knows the link sees the sessions: revoke links that are no longer needed.
feeds-caption = Calendar links of this cohort
feed-create = Create a new calendar link
feed-created = Your new calendar link. Copy it now: it is shown only this once.
feed-revoke = Revoke link { $prefix }…

weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Publication horizon (issue 13, point 4)
session-lead = Lead
session-lead-short = too short
cohort-lead-weeks = { $weeks } { $weeks ->
    [one] week
   *[other] weeks
  }
cohort-horizon-draft = Not yet published. Published today, participants and employers would learn of the first date { $weeks } weeks ahead. The provider's minimum lead: { $min } weeks; goal: { $goal } weeks, so that employers can plan shifts.
cohort-horizon-short = { $short ->
    [one] One date was
   *[other] { $short } dates were
  } published with less than { $min } weeks' lead (shortest lead: { $shortest } weeks). The provider's minimum lead: { $min } weeks; goal: { $goal } weeks.
cohort-horizon-ok = All dates were published with at least { $min } weeks' lead (shortest lead: { $shortest } weeks; goal: { $goal } weeks).

## Participants and release on the cohort page (issue 13, point 9)
cohort-members = Participants
cohort-members-empty = Nobody is registered for this cohort yet.
cohort-member-name = Name
cohort-capacity = { $used } of { $capacity } places taken (enrolled, active or paused).
cohort-member-modules = only { $count ->
    [one] module
   *[other] modules
} { $modules }
cohort-module-seats = Module { $module }: { $used } of { $capacity } places taken (with those enrolled for single modules)
cohort-module-seats-over = Module { $module }: { $used } of { $capacity } places taken – over capacity
cohort-release = Release from work per date
cohort-release-intro = On these dates participants work according to their working times; their employer has to release them.
cohort-release-none = No coming date falls into the participants' recorded working times.
cohort-release-col-who = Who needs release
cohort-release-who = { $name } ({ $hours } h): { $answer }
cohort-release-not-asked = not asked yet

## Time models compared for a draft (issue 13, point 3)
cohort-compare = Time models compared
cohort-compare-intro = The offer planned from this cohort's start with every time model, with the state's public holidays. Longer with a low weekly load beats short with a constantly high load.
cohort-compare-model = Time model
cohort-compare-weeks = Weeks
cohort-compare-load = Hours per week (average / peak)
cohort-compare-release = Days needing release
cohort-compare-deadline = Deadline met
cohort-compare-yes = yes
cohort-compare-no = no
cohort-compare-recommended = Recommended: { $model }

## Planning controls and planning with the employers (issue 13, point 3)
cohort-deadline = Deadline (latest end)
cohort-deadline-hint = For example the end of the funding. The plan shows whether it keeps it.
cohort-closures = Closing periods
cohort-closures-hint = One line per period: first day, last day, name – for example “01.07.2027 – 31.07.2027 Summer closure”. No sessions on these days; the state's public holidays are already taken into account.
cohort-deadline-missed = The plan ends on { $end }, after the deadline { $deadline }. Check the closing periods or choose another time model.
cohort-error-closure-line = Line { $line } of the closing periods is not a period. Please write for example “01.07.2027 – 31.07.2027 Summer closure”.
cohort-error-deadline = The deadline is before the start.
cohort-error-closures-many = Please give at most 20 closing periods.
cohort-error-closure-name = The name of a closing period is too long (at most 120 characters).
cohort-error-closure-order = A closing period ends before its first day.
cohort-error-not-draft-share = Only a draft can be planned with the employers.
cohort-planning = Planning with the employers
cohort-planning-intro = Share the draft with the participants' employers. Their contact people see the planned dates, mark periods that do not work (peak season, inventory, business holidays) and comment. Then plan the draft again around these periods.
cohort-planning-no-employers = No employer yet: none of the enrolled people is linked to an employer with consent.
cohort-share = Share the draft with the employers
cohort-shared-at = Shared with the employers on { $date }.
cohort-answers = Answers of the employers
cohort-answers-none = No answers yet.
cohort-answer-employer = Employer
cohort-answer-period = Period that does not work
cohort-answer-comment = Comment
cohort-answer-hits = Sessions hit
cohort-answer-no-hits = none – the plan already avoids it
cohort-answer-hit-count = { $count ->
    [one] 1 session
   *[other] { $count } sessions
}
cohort-replan-around = Keep the employers' { $count } periods free as well
plan-reason-peak_season = Peak season
plan-reason-inventory = Inventory
plan-reason-business_holidays = Business holidays
plan-reason-other = Other reason

# Session times for the shifts (issue 17, point 4)
slots-title = Choose session times
slots-heading = Choose session times for { $name }
slots-back = Back to the cohort
slots-intro = Enter possible weekly slots. Lernweg picks the combination with which the most enrolled and interested participants can attend enough sessions despite their shifts (with commute and public holidays) — exactly, not estimated. People with a recorded working time are counted.
slots-candidates = Possible slots
slots-row = Slot { $n }
slots-start = Start
slots-end = End
slots-choose = How many slots a week?
slots-threshold = Least share of the sessions a person can attend (percent)
slots-submit = Find the best combination
slots-result = Result
slots-period = From { $start }, { $weeks } weeks, { $count ->
    [one] one person
   *[other] { $count } people
} with a working time.
slots-sets = The best combinations, best first
slots-col-slots = Slots
slots-col-able = People with enough sessions
slots-col-sessions = Attendable sessions
slots-people = Who can attend how many sessions with the best combination?
slots-col-person = Person
slots-col-attendable = attendable
slots-error-candidates = Please give each slot with weekday, start and end (the end not equal to the start).
slots-error-choose = Please choose between 1 and the number of slots given.
slots-error-threshold = Please give a share from 0 to 100 percent.
slots-error-status = Session times are chosen while the cohort is a draft.
slots-link = Choose session times for the shifts
slots-applied = The cohort's own session times
slots-apply = Apply these times
slots-error-apply-count = This number of slots does not fit the offer's time model (evening course and release slots: 1 to 7, block seminar and self-paced: exactly 1).
slots-error-apply-overlap = Two of the slots overlap.
slots-error-apply-end-before-start = A slot ends on the next day. Only slots within one day can be applied.
slots-error-apply-not-weekly = A compact seminar has no weekly session times.
slots-error-apply-cannot-plan = The timetable cannot be planned with these times.
