# Employers: the staff pages and the employer contact's own page /betrieb (which is shown in plain German).

## Sectors and contact channels
employer-sector-care = Care
employer-sector-health = Health
employer-sector-construction = Construction
employer-sector-crafts = Crafts
employer-sector-retail = Retail
employer-sector-hospitality = Hospitality
employer-sector-logistics = Logistics
employer-sector-manufacturing = Manufacturing
employer-sector-it = IT
employer-sector-cleaning = Cleaning
employer-sector-education = Education
employer-sector-public_sector = Public sector
employer-sector-other = Other
employer-channel-email = e-mail
employer-channel-phone = phone
employer-channel-post = post

## Staff pages
employers-title = Employers
employers-intro = Employers where participants work. An employer sees only the dates of the employees who consented – no counselling, health or attendance data.
employers-search = Search (name, city, contact person)
employers-search-button = Search
employers-sector-all = All sectors
employers-empty = No employers found.
employers-col-name = Name
employers-col-city = City
employers-col-sector = Sector
employers-col-contacts = Contact people
employers-next = More employers
employers-back = Back to the employers
employers-back-to-employer = Back to the employer
employers-address = Address
employers-kldb = Occupational field (KldB 2010)
employers-note = Note
employers-contacts = Contact people and access
employers-contacts-intro = Contact people get access to the page “Your company” with an invitation. An invitation is valid for { $days } days and once; a new invitation makes older ones invalid.
employers-contacts-empty = This employer has no contact person yet.
employers-channel = preferred: { $channel }
employers-account = Access set up, logs in with: { $login }
employers-no-account = No access yet.
employer-invitation-line = Last invitation: { $kind } of { $created }, valid until { $until } – { $status }
employers-invite-code = Print a code
employers-invite-email = Send an invitation e-mail
employers-invite-revoke = Revoke open invitations
employers-mail-no-address = This contact person has no e-mail address. Print a code instead.
employers-sheet-title = Access code for the employer
employers-employees = Linked employees
employers-employees-intro = A link rests on the person's consent “contact with the employer”. When it is withdrawn, the link ends at once.
employers-employees-empty = Nobody is linked to this employer yet.
employers-since = since { $date }
employer-link-ended-consent_withdrawn = ended on { $date } (consent withdrawn)
employer-link-ended-ended_by_staff = ended on { $date }
employers-feed = The employer's calendar
employers-feed-intro = All dates of the linked employees as a calendar subscription (iCalendar); each date names who is away. Drafts appear only as tentative.
employers-feed-none = There is no calendar link at the moment.
employers-feed-renew = Create a new calendar link
employers-feed-revoke = Block the calendar link

## The employer's own page
employer-hello = Hello, { $name }!
employer-nav-label = Your company
employer-page-title = Your company
employer-intro = Here you see the dates of your employees' further training for { $employer }. You see only the day and time. You see no other data.
employer-dates-title = Your employees' dates
employer-dates-intro = On these days your employees are in training. Please plan the shifts so that they can take part.
employer-dates-of = Dates of { $name }
employer-no-employees = Nobody is shown here at the moment. A person appears here once they have agreed.
employer-no-dates = No dates at the moment.
employer-col-day = Day
employer-col-time = Time
employer-col-hours = Hours
employer-col-what = Course
employer-col-note = Note
employer-date-draft = Draft: the date may still change.
employer-date-cancelled = Cancelled
employer-date-all-day = all day
employer-feed-title = Dates in your own calendar
employer-feed-intro = With this link you see all dates in your calendar (Outlook, Google, Apple). Do not pass the link on.
employer-feed-none = There is no calendar link at the moment.
employer-feed-renew = Create a new calendar link
employer-feed-revoke = Block the calendar link
employer-feed-revoke-hint = The old link stops working.
employer-feed-name = Lernweg – { $employer }
employer-ics-away = { $summary } – { $names }
employer-ics-away-line = Away: { $names }

## Invitation letter and e-mail
employer-sheet-heading = Your access to Lernweg
employer-sheet-intro = With this access you see your employees' dates for { $employer }.
employer-sheet-login = You will log in with:
employer-mail-subject = Your access to Lernweg
employer-mail-body = Hello { $name },

    with this link you set up your access to Lernweg. There you see your employees' dates for { $employer }:

    { $link }

    The link is valid until { $date } and once. Afterwards you log in with: { $login }

## A shared draft on /betrieb (issue 13, point 3)
plan-employer-title = Course being planned
plan-employer-back = Back to your business
plan-employer-intro = This course is still being planned. The dates may still change. Tell us when it does not work in your business – for example peak season, inventory or business holidays. We will then plan around that time.
plan-employer-employees = Taking part from your business: { $names }.
plan-employer-form-title = Time that does not work
plan-employer-form-intro = Give the first and the last day. You can also just write a comment.
plan-from = First day
plan-to = Last day
plan-reason = Reason
plan-comment = Comment
plan-submit = Send answer
plan-withdraw = Withdraw
plan-employer-own = Your answers
plan-employer-own-none = You have not answered yet.
plan-employer-no-hits = No planned session falls into this time.
plan-employer-hits = { $count ->
    [one] 1 planned session falls into this time.
   *[other] { $count } planned sessions fall into this time.
}
plan-employer-dates = Planned sessions
plan-employer-date = { $date } ({ $hours } h)
plan-error-date = Please enter a date.
plan-error-from = Please give the first day too.
plan-error-order = The last day is before the first day.
plan-error-empty = Please give a time or write a comment.
plan-error-too-long = The comment is too long (at most 2000 characters).
plan-error-closed = The course is no longer being planned. Answers are no longer possible.
employer-drafts-title = Courses being planned
employer-drafts-intro = Here you can say when it does not work in your business before the dates are fixed.
employer-draft-line = { $offer } · { $cohort }, from { $start }
