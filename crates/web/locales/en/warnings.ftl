# Early warnings for the contact person (start page, /verwaltung/fruehwarnungen, digest).

warnings-title = Early warnings
warnings-intro = Signs that a person may need support: absent twice in a row without notice, attendance below 80 % in the last four weeks, weekly load over the limit in the coming weeks, six weeks without contact, a declined release. Mark a warning as handled with a note once you have taken care of it; a new cause warns again.
warnings-all = See all early warnings and those handled
warnings-open = Open early warnings
warnings-none = No open early warnings.
warnings-handled = Handled in the last 30 days
warnings-handled-none = No warning was marked as handled in the last 30 days.
warnings-col-person = Person
warnings-col-what = Warning
warnings-col-since = Since
warnings-col-handle = Handle
warnings-col-subject = Cause
warnings-col-note = Note
warnings-col-by = Handled by
warnings-note = Note (what was done?)
warnings-mark = Mark as handled
warnings-error-note = Please write a short note of what was done.
warnings-error-note-long = The note may have at most 500 characters.
warnings-error-invalid = This warning could not be marked as handled. Please reload the page.

warnings-kind-absences_in_row = Absent twice in a row
warnings-kind-low_attendance = Low attendance
warnings-kind-load_over_limit = Load too high
warnings-kind-no_contact = No contact for long
warnings-kind-release_declined = Release declined

warnings-what-absences_in_row = Absent without notice { $count } times in a row, first on { $first }, then on { $second }.
warnings-what-low_attendance = Attendance { $percent } % in the last four weeks ({ $present } of { $recorded } recorded sessions).
warnings-what-load_over_limit = { $hours } hours of load in week { $week }, the limit is { $limit } hours ({ $weeks } of the coming weeks over it).
warnings-what-no_contact = No contact for { $days } days, last on { $last }.
warnings-what-no_contact-never = No contact recorded yet, known for { $days } days.
warnings-what-release_declined = The employer declined the release for “{ $cohort }”.
