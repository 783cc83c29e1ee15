# Public offer catalogue (/angebote) and exports. Plain language: short sentences.

catalogue-title = Offers
catalogue-intro = Here you find courses you can take alongside your job. The courses are for people who learned their job abroad.
catalogue-filter-heading = Filter offers
catalogue-filter-q = Search term
catalogue-filter-state = Federal state
catalogue-filter-field = Occupational field
catalogue-filter-time-model = Time model
catalogue-filter-mode = Learning format
catalogue-filter-month = Starts in month
catalogue-filter-any = All
catalogue-filter-apply = Apply filters
catalogue-filter-reset = Clear all filters
catalogue-results = Results
catalogue-count = Offers found: { $count }
catalogue-empty = No offer matches these filters. Clear a filter.
catalogue-feed-link = Get new offers as a feed (Atom)
catalogue-goal = Goal
catalogue-provider = Provider
catalogue-next-starts = Next dates
catalogue-no-dates = No fixed dates yet
catalogue-start-in = from { $date } { $in_state }
catalogue-in-state = in { $name }
catalogue-running-join-in = running since { $date } { $in_state }; you can still join until { $until }
catalogue-running-closed-in = running since { $date } { $in_state }; joining is no longer possible
catalogue-running-join = running since { $date }; you can still join until { $until }
catalogue-running-closed = running since { $date }; joining is no longer possible
catalogue-month = { $month } { $year }
catalogue-month-1 = January
catalogue-month-2 = February
catalogue-month-3 = March
catalogue-month-4 = April
catalogue-month-5 = May
catalogue-month-6 = June
catalogue-month-7 = July
catalogue-month-8 = August
catalogue-month-9 = September
catalogue-month-10 = October
catalogue-month-11 = November
catalogue-month-12 = December

## Learning formats (schema.org courseMode)
catalogue-mode-online = Online
catalogue-mode-blended = Partly online, partly on site
catalogue-mode-onsite = On site

## Occupational areas of the KldB 2010 (first digit)
catalogue-field-0 = Military
catalogue-field-1 = Agriculture, forestry, farming and gardening
catalogue-field-2 = Production of raw materials and goods, and manufacturing
catalogue-field-3 = Construction, architecture, surveying and technical building services
catalogue-field-4 = Natural sciences, geography and informatics
catalogue-field-5 = Traffic, logistics, safety and security
catalogue-field-6 = Commercial services, trading, sales, the hotel business and tourism
catalogue-field-7 = Business organisation, accounting, law and administration
catalogue-field-8 = Health care, the social sector, teaching and education
catalogue-field-9 = Philology, literature, humanities, social sciences, economics, media, art, culture and design

## Offer page
catalogue-back = All offers
catalogue-what = What do you learn?
catalogue-modules = Modules
catalogue-hours = { $hours } hours
catalogue-unknown = not yet known
catalogue-exams = Exams
catalogue-degree = Certificate
catalogue-for-whom = Who is the offer for?
catalogue-language-level = You need German at level { $level }.
catalogue-language-none = You do not need a particular language level.
catalogue-language-why = Why this level
catalogue-dates = When is the course?
catalogue-day-mon = Monday
catalogue-day-tue = Tuesday
catalogue-day-wed = Wednesday
catalogue-day-thu = Thursday
catalogue-day-fri = Friday
catalogue-day-sat = Saturday
catalogue-day-sun = Sunday
catalogue-no-dates-detail = There are no fixed dates yet. Ask about the next start.
catalogue-cohorts-caption = Fixed dates
catalogue-col-cohort = Cohort
catalogue-col-start = Start
catalogue-col-end = End
catalogue-col-state = Federal state
catalogue-col-weekly = Hours per week on average
catalogue-col-peak = Hours in the busiest week
catalogue-load-how = How we count: lessons and learning at home count together. We take the average of the weeks with lessons. Public holidays in the federal state are included. Your work and travel do not count.
catalogue-support = What help is there?
catalogue-support-none = The offer names no extra help. Please ask.
catalogue-costs-free = The offer is free of charge for you.
catalogue-costs-amount = The offer costs { $amount } euros.
catalogue-funding = Funding
catalogue-place = Where is the course?
catalogue-presence-online = Lessons are online. You need a computer or a tablet with internet.
catalogue-presence-online-with-events = Lessons are online. Some dates are on site, for example the start, the end or exams.
catalogue-presence-blended = Some sessions are online, others on site. For online you need a computer or a tablet with internet.
catalogue-presence-onsite = Lessons are on site.
catalogue-step-free = The place is step-free. You can get in without steps.
catalogue-not-step-free = There are steps at the place. Ask for help.
catalogue-accessibility = Access
catalogue-contact-email = E-mail
catalogue-contact-phone = Phone
catalogue-apply = How to apply
catalogue-apply-step-contact = Write an e-mail to { $name } or call.
catalogue-apply-step-talk = You talk about your job, your work and your German.
catalogue-apply-step-employer = Do you need time off work for some dates? Then talk to your employer early. The dates are already fixed.
catalogue-apply-step-register = You choose a start date and register.
catalogue-class-heading = Can you do this alongside your job?
catalogue-class-basis-plan = We count with the timetable of the first cohort.
catalogue-class-basis-model = There is no timetable yet. We count with the times above.

## Feed
catalogue-feed-title = New offers on Lernweg
catalogue-feed-subtitle = Qualifications alongside the job for people with a vocational qualification from abroad
catalogue-feed-summary = For: { $target }. Dates: { $starts }. Provider: { $provider }.

## Exports
exports-sheet-offers = Offers
exports-sheet-timetable = Timetable
