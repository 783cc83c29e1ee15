# Notices of changed dates (issue 13 point 8), written when sent, in the recipient's language.

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

## The outbox page
outbox-title = Outbox
outbox-intro = Notices of changed dates to participants, trainers and employers. What could not be sent is tried again later; after the last attempt it is shown here as failed.
outbox-all = All
outbox-filter = Show
outbox-empty = No messages.
outbox-to = To
outbox-subject = Subject
outbox-status-pending = waiting to be sent
outbox-status-sent = sent
outbox-status-failed = failed
outbox-attempts = { $attempts } attempts, last: { $error }
