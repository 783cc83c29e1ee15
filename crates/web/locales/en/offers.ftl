# Lernweg – offers and cohorts (crate lernweg-offers). Same ids as de/offers.ftl.

## Classification (MISSION §1)
offers-class-synchronous = Part-time, synchronous
offers-class-asynchronous = Part-time, asynchronous
offers-class-mixed = Part-time, mixed
offers-class-not_part_time = Not part-time

offers-time-model-name = { $model ->
    [evening_course] evening course
    [block_seminar] block seminar
    [compact_seminar] compact seminar
    [release_slots] release slots
   *[self_paced] self-paced learning
}

offers-reason-company_measure_only = The offer is a company measure that only compensates substantial differences for recognition. Such measures do not count as part-time.
offers-reason-time_model = Time model: { offers-time-model-name }.
offers-reason-nominal_week = There is no timetable yet. The classification uses the time model and a full-time job Monday to Friday, 8 am to 4 pm.
offers-reason-work_pattern_assumed = No working pattern was given. Full time Monday to Friday from 8 am is assumed.
offers-reason-full_time_weeks = In { $weeks } of { $total } weeks there are at least { $hours } hours of sessions.
offers-reason-full_time_schedule = In { $share } % of the weeks the timetable demands full-time attendance.
offers-reason-sessions_in_work_time = { $share } % of the session hours ({ $hours } hours) are during working time.
offers-reason-sessions_outside_work_time = { $share } % of the session hours ({ $hours } hours) are outside working time.
offers-reason-self_paced_share = { $share } % of the hours ({ $hours } hours) are self-paced units that can be done at any time.
offers-reason-release_needed = { $days ->
    [one] Participants need release from work on one day.
   *[other] Participants need release from work on { $days } days.
}
offers-reason-needs_release = Some sessions are during usual working hours. They need release from work or leave.

## Success factors (MISSION §1, §2.1–§2.3)
offers-factor-part_time_classification = Can be taken alongside work
offers-factor-flexible_delivery = Flexible delivery
offers-factor-kickoff_closing_presence = Kick-off and closing in person
offers-factor-device_loans = Devices for participants without their own
offers-factor-contact_person = A fixed contact person for every participant
offers-factor-staff_reachable_off_hours = Reachable early mornings and evenings
offers-factor-employer_involvement = Employers involved in planning
offers-factor-dates_published_early = Dates published early
offers-factor-exam_dates_in_timetable = Exam dates in the timetable
offers-factor-clear_end = Clear end and realistic time frame
offers-factor-modules_with_milestones = Modules with intermediate goals
offers-factor-load_within_limit = No overload
offers-factor-release_agreed = Release from work agreed
offers-factor-visible_to_advisers = Visible to employers and advisers
offers-factor-language_prerequisite = Language prerequisite checked critically
offers-factor-plain_language = Plain language
offers-factor-mentoring = Mentoring
offers-factor-language_coaching = Language coaching
offers-factor-exchange_outside_work = Exchange meetings outside working time
offers-factor-childcare_presence = Childcare at in-person events
offers-factor-readiness_check = Counselling on the load before the start

offers-status-met = met
offers-status-partly = partly met
offers-status-not_met = not met

offers-reason-classified_part_time = The offer can be taken alongside work ({ $class ->
    [synchronous] synchronous
    [asynchronous] asynchronous
   *[mixed] mixed
}).
offers-reason-classified_not_part_time = The offer cannot be taken alongside work.
offers-reason-flexible_delivery = The offer uses online, self-paced or blended formats.
offers-reason-presence_only = All sessions are in person. Online formats would save travel.
offers-reason-kickoff_and_closing_in_presence = Kick-off and closing take place in person.
offers-reason-closing_not_in_presence = The kick-off is in person, the closing is not.
offers-reason-kickoff_not_in_presence = The closing is in person, the kick-off is not.
offers-reason-no_kickoff_closing = There is no in-person kick-off or closing.
offers-reason-devices_not_needed = The offer needs no devices of one's own.
offers-reason-device_loans_offered = Participants without a device can borrow one.
offers-reason-no_device_loans = Parts of the offer are online, but no devices are lent.
offers-reason-contact_person_unknown = It is not known whether every participant has a fixed contact person.
offers-reason-no_participants_yet = No participants are enrolled yet.
offers-reason-contact_person_all = { $total ->
    [one] The one participant has a fixed contact person.
   *[other] All { $total } participants have a fixed contact person.
}
offers-reason-contact_person_some = { $with } of { $total } participants have a fixed contact person.
offers-reason-contact_person_none = None of the { $total } participants has a fixed contact person.
offers-reason-staff_reachable_off_hours_yes = Staff can be reached early in the morning and in the evening.
offers-reason-staff_reachable_off_hours_unknown = It is not stated whether staff can be reached early in the morning and in the evening.
offers-reason-staff_reachable_off_hours_no = Staff can only be reached during office hours.
offers-reason-reachable_all = { $total ->
    [one] For the one participant, the contact person, channel and times outside work are recorded.
   *[other] For all { $total } participants, the contact person, channel and times outside work are recorded.
}
offers-reason-reachable_some = For only { $with } of { $total } participants, the contact person, channel and times outside work are recorded.
offers-reason-reachable_none = For none of the { $total } participants are the channel and times outside work recorded.
offers-reason-employer_involvement_yes = Employers gave feedback on the planned dates.
offers-reason-employer_involvement_unknown = It is not stated whether employers were involved in planning.
offers-reason-employer_involvement_no = Employers were not involved in planning.
offers-reason-no_timetable = There is no timetable yet.
offers-reason-published_year_ahead = { $days ->
    [one] The dates were published one day before the start (start: { $first }).
   *[other] The dates were published { $days } days before the start (start: { $first }).
}
offers-reason-published_late = { $days ->
    [one] The dates were published one day before the start. Twelve months are better.
   *[other] The dates were published { $days } days before the start. Twelve months are better.
}
offers-reason-published_too_late = { $days ->
    [one] The dates were published only one day before the start.
   *[other] The dates were published only { $days } days before the start.
}
offers-reason-not_published_time_left = The dates are not published yet. Publish them by { $until }, twelve months before the start.
offers-reason-not_published = The dates are not published, and the start on { $first } is less than twelve months away.
offers-reason-no_exam_defined = The offer has no exam. Say clearly how it ends.
offers-reason-no_exam_defined_expected = An exam is usual for this goal, but none is planned.
offers-reason-exams_without_timetable = { $count ->
    [one] One exam is planned but not yet in a timetable.
   *[other] { $count } exams are planned but not yet in a timetable.
}
offers-reason-exams_in_timetable = { $count ->
    [one] The exam date is in the timetable.
   *[other] All { $count } exam dates are in the timetable.
}
offers-reason-exams_missing_in_timetable = Only { $planned } of { $count } exams are in the timetable.
offers-reason-end_after_deadline = The timetable ends on { $end }, after the intended end on { $deadline }.
offers-reason-clear_end = { $weeks ->
    [one] The offer ends on { $end } after one week.
   *[other] The offer ends on { $end } after { $weeks } weeks.
}
offers-reason-all_modules_with_milestones = { $count ->
    [one] The one module has an intermediate goal.
   *[other] All { $count } modules have an intermediate goal.
}
offers-reason-some_modules_with_milestones = { $count ->
    [one] { $with } of one module has an intermediate goal.
   *[other] { $with } of { $count } modules have an intermediate goal.
}
offers-reason-single_short_module = The offer has only one module of { $hours } hours.
offers-reason-single_long_module = The offer has only one long module of { $hours } hours. Split it into modules with intermediate goals.
offers-reason-no_timetable_load = The load can only be checked with a timetable.
offers-reason-load_within_limit = The highest weekly load is { $peak } hours, below the limit of { $limit } hours.
offers-reason-load_occasional_peaks = { $weeks ->
    [one] In one week the load is above { $limit } hours (at most { $peak } hours). This is an occasional peak.
   *[other] In { $weeks } weeks the load is above { $limit } hours (at most { $peak } hours). These are occasional peaks.
}
offers-reason-load_over_limit = { $weeks ->
    [one] In one week the load is above { $limit } hours (at most { $peak } hours).
   *[other] In { $weeks } weeks the load is above { $limit } hours (at most { $peak } hours).
}
offers-reason-no_release_needed = No session is during working time. No release is needed.
offers-reason-release_agreed = { $days ->
    [one] Release is agreed for one day during working time.
   *[other] Release is agreed for { $days } days during working time.
}
offers-reason-release_unknown = { $days ->
    [one] On one day sessions are during working time. It is not known whether release is agreed.
   *[other] On { $days } days sessions are during working time. It is not known whether release is agreed.
}
offers-reason-release_missing = { $days ->
    [one] On one day sessions are during working time, but there is no release agreement.
   *[other] On { $days } days sessions are during working time, but there is no release agreement.
}
offers-reason-public_and_portal = The offer has a public page and is listed in KURSNET / mein NOW.
offers-reason-public_no_portal = The offer has a public page but is not listed in KURSNET / mein NOW.
offers-reason-portal_no_public = The offer is listed in KURSNET / mein NOW but has no public page.
offers-reason-not_visible = The offer has no public page and is not listed in KURSNET / mein NOW.
offers-reason-no_language_prerequisite = There is no language prerequisite.
offers-reason-language_prerequisite_moderate = The language prerequisite is { $level }.
offers-reason-language_prerequisite_justified = The language prerequisite { $level } is justified. Check whether it is really needed.
offers-reason-language_prerequisite_unjustified = The language prerequisite { $level } is not justified.
offers-reason-no_description = There is no description for participants.
offers-reason-plain_language_ok = The description is easy to read (reading ease { $score }).
offers-reason-plain_language_medium = The description is fairly hard to read (reading ease { $score }). Shorter sentences and words help.
offers-reason-plain_language_hard = The description is hard to read (reading ease { $score }).
offers-reason-mentoring_offered = Mentoring is offered.
offers-reason-no_mentoring = No mentoring is offered.
offers-reason-language_coaching_offered = Language coaching is offered.
offers-reason-language_is_content = Language is itself the content of the offer.
offers-reason-no_language_coaching = No language coaching is offered.
offers-reason-no_exchange = There are no exchange meetings.
offers-reason-exchange_not_scheduled = Exchange meetings are intended but not in the timetable.
offers-reason-exchange_outside_work_time = { $count ->
    [one] The one exchange meeting is outside working time.
   *[other] All { $count } exchange meetings are outside working time.
}
offers-reason-exchange_partly_in_work_time = { $in_work } of { $count } exchange meetings are during working time.
offers-reason-exchange_in_work_time = { $count ->
    [one] The one exchange meeting is during working time.
   *[other] All { $count } exchange meetings are during working time.
}
offers-reason-exchange_slot_in_work_time = The exchange meetings are during usual working hours.
offers-reason-exchange_slot_outside_work_time = The exchange meetings are outside usual working hours.
offers-reason-childcare_not_needed = There are no in-person sessions.
offers-reason-childcare_offered = Childcare is available at in-person sessions.
offers-reason-no_childcare = There is no childcare at in-person sessions.
offers-reason-readiness_check_yes = Counselling on the load is offered before the start.
offers-reason-readiness_check_unknown = It is not stated whether counselling on the load is offered before the start.
offers-reason-readiness_check_no = No counselling on the load is offered before the start.
offers-reason-checked_all = { $total ->
    [one] The one participant had counselling on the load before the start.
   *[other] All { $total } participants had counselling on the load before the start.
}
offers-reason-checked_some = { $with } of { $total } participants had counselling on the load before the start.
offers-reason-checked_none = None of the { $total } participants had counselling on the load before the start.

## Readability
offers-level-very_easy = very easy
offers-level-easy = easy
offers-level-fairly_easy = fairly easy
offers-level-medium = medium
offers-level-fairly_difficult = fairly difficult
offers-level-difficult = difficult
offers-level-very_difficult = very difficult
offers-level-no_text = no text
offers-hint-split_compound = Long word: split it with a middle dot, for example { $suggestion }.
offers-hint-use_shorter_word = Long word: is there a shorter one?
offers-reason-no_text = The text is empty.
offers-reason-flesch_below_target = The reading ease is { $score }. The target is at least { $target }.
offers-reason-long_sentences = { $count ->
    [one] One sentence has more than { $limit } words ({ $max } words).
   *[other] { $count } sentences have more than { $limit } words (the longest { $max }).
}
offers-reason-long_words = { $count ->
    [one] One word is long.
   *[other] { $count } words are long.
}

## Validation errors
offers-error-title-required = Please enter a title.
offers-error-title-too_short = The title needs at least { $min } characters.
offers-error-title-too_long = The title may have at most { $max } characters.
offers-error-goal-required = Please choose a goal.
offers-error-goal-unknown = This goal does not exist.
offers-error-company_measure_only-needs_compensation_measure = Only a compensation measure can be a company-only measure.
offers-error-kldb-required = Please enter the occupational field (KldB 2010).
offers-error-kldb-invalid = A KldB code has 1 to 5 digits.
offers-error-target_group-required = Please describe the target group.
offers-error-description-too_long = The description may have at most { $max } characters.
offers-error-delivery_modes-required = Please choose at least one delivery mode.
offers-error-delivery_modes-unknown = This delivery mode does not exist.
offers-error-time_model-required = Please choose a time model.
offers-error-time_model-unknown = This time model does not exist.
offers-error-time_model-slots_overlap = Two time slots overlap.
offers-error-time-required = Please enter a time.
offers-error-time-invalid_time = Please enter the time as HH:MM, for example 18:00.
offers-error-time-end_before_start = The end must be after the start.
offers-error-weekday-required = Please choose a weekday.
offers-error-weekday-invalid = This weekday does not exist.
offers-error-weeks_per_quarter-invalid_number = Please enter a number.
offers-error-weeks_per_quarter-too_small = At least { $min } week per quarter.
offers-error-weeks_per_quarter-too_large = At most { $max } weeks per quarter.
offers-error-hours_per_week-invalid_number = Please enter a number.
offers-error-hours_per_week-not_positive = The hours per week must be more than 0.
offers-error-hours_per_week-too_large = At most { $max } hours per week.
offers-error-modules-required = Please add at least one module.
offers-error-module_title-required = Please give module { $number } a title.
offers-error-module_hours-required = Please enter the module's hours.
offers-error-module_hours-invalid_number = Please enter the hours as a number.
offers-error-module_hours-not_positive = The hours must be more than 0.
offers-error-module_hours-too_large = A module may have at most { $max } hours.
offers-error-module_self_study-invalid_number = Please enter the self-study hours as a number.
offers-error-module_self_study-negative = The self-study hours must not be negative.
offers-error-module_self_study-too_large = At most { $max } self-study hours per week.
offers-error-exam_after_module-required = Please choose after which module the exam is.
offers-error-exam_after_module-invalid_number = Please enter the module number as a number.
offers-error-exam_after_module-too_small = Module numbers start at { $min }.
offers-error-exam_after_module-too_large = There are only { $max } modules.
offers-error-exam_title-required = Please give exam { $number } a title.
offers-error-exam_hours-required = Please enter the exam's duration.
offers-error-exam_hours-invalid_number = Please enter the duration as a number.
offers-error-exam_hours-not_positive = The duration must be more than 0.
offers-error-exam_hours-too_large = An exam may last at most { $max } hours.
offers-error-exchange_every_weeks-required = Please say how often the exchange meeting takes place.
offers-error-exchange_every_weeks-invalid_number = Please enter a number.
offers-error-exchange_every_weeks-too_small = The exchange meeting is at most weekly.
offers-error-exchange_every_weeks-too_large = The exchange meeting is at least every { $max } weeks.
offers-error-language_level-unknown = Please choose a language level from A1 to C2.
offers-error-language_justification-required_above_b1 = Level { $level } is above B1. Please justify it (at least { $min } characters).
offers-error-support-unknown = This kind of support does not exist.
offers-error-location_city-required_for_presence = In-person sessions need a place.
offers-error-location_zip-invalid = A postcode has 5 digits.
offers-error-costs-invalid_number = Please enter the costs as a number, for example 150.00.
offers-error-costs-negative = The costs must not be negative.
offers-error-costs-too_large = The costs are too high.
offers-error-capacity-required = Please enter the number of places.
offers-error-capacity-invalid_number = Please enter the places as a whole number.
offers-error-capacity-out_of_range = { $min } to { $max } places are possible.
offers-error-contact_name-required = Please enter a contact person.
offers-error-contact_email-required = Please enter an e-mail address.
offers-error-contact_email-invalid = This e-mail address is not valid.
offers-error-keywords-too_long = A keyword may have at most { $max } characters.
offers-error-keywords-too_many = At most { $max } keywords are possible.
offers-error-load_limit-invalid_number = Please enter the load limit as a number.
offers-error-load_limit-not_positive = The load limit must be more than 0.
offers-error-load_limit-too_large = The load limit may be at most { $max } hours.

## Vocabulary
offers-goal-full_recognition = Full recognition
offers-goal-partial_recognition = Partial recognition
offers-goal-compensation_measure = Compensation measure
offers-goal-adaptation_qualification = Adaptation qualification
offers-goal-bridging_programme = Bridging programme
offers-goal-partial_qualification = Partial qualification (TQ)
offers-goal-language_support = Job-related language support
offers-mode-online_live = Online live
offers-mode-self_paced = Self-paced units
offers-mode-blended = Blended learning
offers-mode-presence = In person
offers-support-mentoring = Mentoring
offers-support-language_coaching = Language coaching
offers-support-childcare = Childcare at in-person sessions
offers-support-device_loans = Device loans
offers-support-exchange_meetings = Exchange meetings
offers-time_model-evening_course = Evening course
offers-time_model-block_seminar = Block seminar
offers-time_model-compact_seminar = Compact seminar
offers-time_model-release_slots = Release slots
offers-time_model-self_paced = Self-paced learning
offers-session-lesson = Lesson
offers-session-exam = Exam
offers-session-kickoff = Kick-off
offers-session-closing = Closing
offers-session-exchange = Exchange
offers-session-self_paced = Self-paced
offers-weekday-mon = Mon
offers-weekday-tue = Tue
offers-weekday-wed = Wed
offers-weekday-thu = Thu
offers-weekday-fri = Fri
offers-weekday-sat = Sat
offers-weekday-sun = Sun

## Export columns
offers-col-title = Title
offers-col-slug = Short name
offers-col-goal = Goal
offers-col-kldb = Occupational field (KldB 2010)
offers-col-target_group = Target group
offers-col-delivery_modes = Delivery modes
offers-col-time_model = Time model
offers-col-modules = Modules
offers-col-hours = Hours
offers-col-exams = Exams
offers-col-language_level = Language level
offers-col-support = Support
offers-col-city = Place
offers-col-costs_eur = Costs (EUR)
offers-col-capacity = Places
offers-col-contact = Contact person
offers-col-email = E-mail
offers-col-classification = Classification
offers-col-date = Date
offers-col-weekday = Weekday
offers-col-start = Start
offers-col-end = End
offers-col-kind = Kind
offers-col-module = Module
offers-col-session_title = Session
