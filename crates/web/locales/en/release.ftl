# Release agreements: staff pages, the employer's page and the PDF (the PDF itself is German).

release-title = Release agreement
release-for = for { $person }
release-employer = Employer: { $employer }
release-state-requested = Requested: the employer has not answered
release-state-agreed = Agreed
release-state-partly_agreed = Partly agreed
release-state-declined = Declined
release-date-open = open
release-date-agreed = released
release-date-declined = not released
release-col-date = Day
release-col-time = Time
release-col-hours = Hours in working time
release-col-answer = Answer
release-pdf-link = The agreement as a PDF to sign
release-answer-title = Answer
release-answer-legend = Does the employer release the person for these dates?
release-answer-agreed = Yes, for all dates
release-answer-partly = Only for the dates ticked
release-answer-declined = No
release-answer-dates = Dates (only with “Only for the dates ticked”)
release-answer-note = Note (optional)
release-answer-submit = Save the answer
release-history = History
release-back-participant = Back to the person
release-back-employer = Back to the overview
release-error-choose = Please choose an answer.
release-error-partly = Please tick some but not all dates, or choose “Yes” or “No”.
release-error-answer = The answer does not fit the dates of this agreement.
release-request = Ask for release
release-request-hint = Lernweg lists the coming dates in working time with times and hours, as a page and as a PDF to sign.
release-panel-title = Release from work
release-panel-empty = No release asked for yet.
release-panel-open = { $count ->
    [one] One request is open.
   *[other] { $count } requests are open.
  }
release-panel-line = { $cohort }: { $state } ({ $hours } hours on { $count } dates)
release-employer-title = Release requests
release-employer-intro = Your employees ask to be released for dates in working time. Please answer here.
release-employer-empty = There is no request at the moment.
release-employer-line = { $person }: { $state } ({ $hours } hours on { $count } dates)
release-employer-open = Answer

## The PDF
release-pdf-title = Release agreement
release-pdf-between = between { $employer } (employer) and { $person } (employee)
release-pdf-course = for the course “{ $offer }”, cohort { $cohort }, at { $provider }
release-pdf-made = Made on { $date }
release-pdf-dates = Dates in working time
release-pdf-total = In all { $hours } hours on { $count } dates
release-pdf-terms = Agreement
release-pdf-text = { $employer } releases { $person } from work on the dates above, to the extent given, to take part in the course “{ $offer }”.
release-pdf-partly = If only some dates are released, the release applies to the dates answered “released”.
release-pdf-state = Status: { $state }
release-pdf-signatures = Signatures
release-pdf-sign-place = Place, date: ______________________________
release-pdf-sign-employer = For { $employer }: ______________________________
release-pdf-sign-person = { $person }: ______________________________
release-pdf-footer = { $provider } · made with Lernweg
