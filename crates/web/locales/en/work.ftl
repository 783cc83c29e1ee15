# Working times (shift and duty plans) of participants and the check of the timetable against
# them. Ids: wp-…; rule errors: participants-error-<field>-<code>.

wp-title = Working times
wp-heading = Working times: { $name }
wp-edit-link = Enter or change working times
wp-back = Back to the person
wp-none = No working times are recorded yet. Without them Lernweg cannot check whether sessions fall into working time.
wp-current-heading = Recorded working times
wp-average = Working hours per week (average)
wp-hours = { $hours } hours
wp-minutes = { $minutes } minutes
wp-cycle = Rhythm
wp-cycle-fixed = the same every week
wp-cycle-weeks = { $weeks ->
    [one] rotation every week
   *[other] rotation every { $weeks } weeks
}
wp-cycle-anchor = week 1 starts on { $date }
wp-travel = Way to the course (one way)
wp-source = Recorded
wp-source-form = in the form
wp-source-ics = from a calendar file
wp-source-api = through the API
wp-shifts-caption = Shifts
wp-col-week = Week
wp-col-day = Day
wp-col-from = from
wp-col-to = to
wp-day-choose = – choose a day –
wp-day-mon = Monday
wp-day-tue = Tuesday
wp-day-wed = Wednesday
wp-day-thu = Thursday
wp-day-fri = Friday
wp-day-sat = Saturday
wp-day-sun = Sunday
wp-form-heading = Enter working times
wp-form-intro = One row per shift. If a shift ends after midnight (night shift), just enter the time next morning as its end. Empty rows are not saved.
wp-weeks-label = The shift plan repeats after … weeks
wp-weeks-hint = 1 means: the same every week. For rotating shifts, the number of weeks after which everything starts again (at most 12).
wp-anchor-label = Week 1 is the week with this day
wp-anchor-hint = Only needed for rotating shifts.
wp-travel-label = Way to the course, one way (minutes)
wp-rows-legend = Shifts
wp-rows-hint = For rotating shifts, choose the week of each row.
wp-more-rows = More rows
wp-save = Save working times
wp-saved = The working times are saved.
wp-imported = The shift plan was taken from the calendar file.
wp-ics-heading = Take a shift plan from a calendar file
wp-ics-intro = Many rostering programs and calendars can save shifts as an .ics file. Lernweg reads shifts that repeat every week or every few weeks. The recorded working times are replaced.
wp-ics-file = Calendar file (.ics)
wp-ics-submit = Take the file
wp-ics-notes = Notes on the file:
wp-ics-required = Please choose a calendar file.
wp-ics-unreadable = The file could not be read. Please try again.
wp-ics-too-large = The file is too large. A shift plan has at most 512 KB.
wp-ics-not-utf8 = The file is not UTF-8 text. Please save it as .ics (iCalendar).
wp-delete-heading = Delete working times
wp-delete = Delete the recorded working times
wp-fit-pattern = Working times: on average { $hours } hours a week.
wp-fit-no-enrolment = No current enrolment. As soon as the person is enrolled in a cohort, Lernweg checks its sessions against the working times.
wp-fit-no-sessions = The cohort has no sessions yet.
wp-fit-summary = Load of work, sessions, self-study and travel: on average { $avg } hours a week, at most { $peak } hours (limit: { $limit } hours).
wp-fit-over = { $count ->
    [one] In one week the load is above { $limit } hours.
   *[other] In { $count } weeks the load is above { $limit } hours.
}
wp-fit-over-short = above the limit
wp-fit-release = Sessions in working time: { $count }, { $hours } hours in all. The person needs release (Freistellung) or leave for them.
wp-fit-no-collisions = No session falls into working time.
wp-fit-collisions-summary = Show the sessions in working time
wp-fit-collisions-caption = Sessions in working time
wp-fit-col-time = Time
wp-fit-col-session = Session
wp-fit-col-shift = Shift
wp-fit-col-hours = Hours in the shift
wp-fit-weeks-summary = Load week by week
wp-fit-weeks-caption = Hours per week
wp-fit-col-work = Work
wp-fit-col-sessions = Sessions
wp-fit-col-study = Self-study
wp-fit-col-travel = Travel
wp-fit-col-total = Total

participants-error-weeks-out_of_range = Please choose 1 to { $max } weeks.
participants-error-anchor-required = For rotating shifts, please give a day of week 1.
participants-error-anchor-invalid = Please give a valid date, e.g. 2027-01-04.
participants-error-travel_minutes-out_of_range = Please give 0 to { $max } minutes for the way.
participants-error-shift_week-out_of_range = Row { $row }: the week must be between 1 and { $max }.
participants-error-shift_weekday-required = Row { $row }: please choose the day.
participants-error-shift_weekday-invalid = Row { $row }: this day is unknown.
participants-error-shift_time-required = Row { $row }: please enter start and end.
participants-error-shift_time-invalid = Row { $row }: please enter the time as HH:MM, e.g. 06:00.
participants-error-shift_time-same_as_start = Row { $row }: start and end are the same. A shift lasts less than 24 hours.
participants-error-shifts-required = Please enter at least one shift – or delete the recorded working times.
participants-error-shifts-overlap = Row { $row }: this shift overlaps another shift in week { $week }.
