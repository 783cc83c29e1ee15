# The page of an offer: summary first, the time model in one sentence, the occupation by name.

catalogue-summary = At a glance
catalogue-summary-start = Start
catalogue-summary-when = When
catalogue-summary-weekly = Time per week
catalogue-summary-weekly-value = about { $hours } hours
catalogue-summary-weekly-varies = It is not the same every week. Please ask.
catalogue-summary-costs = Costs
catalogue-summary-place = Place
catalogue-summary-place-online = Online
catalogue-summary-place-blended = { $city } and online
catalogue-summary-place-ask = Please ask where the course is.
catalogue-summary-contact = Contact
catalogue-summary-apply = Apply
catalogue-summary-apply-value = How to apply
catalogue-occupation = Occupation
catalogue-labelled = { $label }: { $value }
catalogue-list-and = { $items } and { $last }
catalogue-when-weekly = every { $days } from { $start } to { $end }
catalogue-when-evening = The course is { $slots }.
catalogue-when-release = The course is during your working hours: { $slots }.
catalogue-when-block = The course is { $slots } and once a month on Friday and Saturday from { $start } to { $end }.
catalogue-when-compact-one = The course is one week per quarter, Monday to Friday from { $start } to { $end }.
catalogue-when-compact = The course is { $weeks } weeks per quarter, Monday to Friday from { $start } to { $end }.
catalogue-when-self-paced = You learn about { $hours } hours a week whenever it suits you, and meet { $slots }.
catalogue-module = { $title }: { $hours } hours
catalogue-module-milestone = { $title }: { $hours } hours. Intermediate goal: { $goal }
catalogue-total-hours-text = Lessons in total: { $hours } hours

## Can you do it alongside your job? (classification, in plain words)
catalogue-class-synchronous = Yes. You learn at fixed times alongside your job.
catalogue-class-asynchronous = Yes. You mostly learn on your own, whenever it suits you.
catalogue-class-mixed = Yes. You learn at fixed times and on your own, whenever it suits you.
catalogue-class-not_part_time = Hardly. The course needs a lot of time during working hours.
catalogue-reason-company_measure_only = The course is a measure inside a company. It is not meant to be done alongside a job.
catalogue-reason-work_pattern_assumed = We assume work from Monday to Friday, from 8 a.m.
catalogue-reason-nominal_week = We assume a normal working week.
catalogue-reason-full_time_weeks = In { $weeks } of { $total } weeks you have { $hours } hours of lessons or more.
catalogue-reason-full_time_schedule = In { $share } of 100 weeks the course takes as much time as a full-time job.
catalogue-reason-sessions_in_work_time = { $hours } hours of lessons are during working hours.
catalogue-reason-sessions_outside_work_time = { $hours } hours of lessons are outside working hours.
catalogue-reason-self_paced_share = You learn { $hours } hours on your own, whenever it suits you.
catalogue-reason-release_needed = On { $days } days you need time off work.
catalogue-reason-needs_release = Some sessions are during working hours. You need time off or holiday for them.
catalogue-intro-how = Choose an offer. Its page tells you when the course is, what it costs and how to apply.
