# Notices to employers' contact people (German; English for reference) and the outbox page.

notice-session_moved-employer = Hello,

    a date of the course “{ $offer }” ({ $cohort }) has moved. It concerns your employees: { $names }.

    Before: { $old_date }, { $old_time }
    Now: { $new_date }, { $new_time }

    Reason: { $reason }

    Your calendar link for { $employer } shows the new date by itself.
notice-session_cancelled-employer = Hello,

    the date of the course “{ $offer }” ({ $cohort }) on { $old_date }, { $old_time } is cancelled. It concerns your employees: { $names }.

    Reason: { $reason }
notice-session_added-employer = Hello,

    the course “{ $offer }” ({ $cohort }) has a new date: { $new_date }, { $new_time }. It concerns your employees: { $names }.

    Reason: { $reason }

notice-draft_shared-subject = Course being planned: { $offer } – when does it not work for you?
notice-draft_shared-employer = Hello,

    we are planning the dates of the course “{ $offer }” ({ $cohort }). Taking part from your business: { $names }.

    Before the dates are fixed we would like to know when it does not work at { $employer } – for example peak season, inventory or business holidays. You see the planned dates and can answer at:

    { $link }

    We will then plan around these times.


notice-warning_digest-subject = Early warnings: { $count } open
notice-warning_digest-person = Hello,

    there are { $count } open early warnings today for people you are the contact person of:

    { $list }

    All early warnings and what has been handled: { $link }

    Please mark a warning as handled once you have taken care of it.
notice-warning_digest-item = – { $name }: { $what } (since { $since }) – { $link }

## The outbox page
outbox-title = Outbox
outbox-intro = Notices of changed dates to participants, trainers and employers, and drafts shared with the employers. What could not be sent is tried again later; after the last attempt it is shown here as failed.
outbox-all = All
outbox-filter = Show
outbox-empty = No messages.
outbox-to = To
outbox-status-pending = waiting to be sent
outbox-status-sent = sent
outbox-status-failed = failed
outbox-attempts = { $attempts } attempts, last: { $error }
outbox-subject = Subject
