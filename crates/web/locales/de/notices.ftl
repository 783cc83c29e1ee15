# Notices to employers' contact people (German; English for reference) and the outbox page.

notice-session_moved-employer = Guten Tag,

    ein Termin der Weiterbildung „{ $offer }“ ({ $cohort }) ist verschoben. Er betrifft Ihre Beschäftigten: { $names }.

    Bisher: { $old_date }, { $old_time }
    Neu: { $new_date }, { $new_time }

    Grund: { $reason }

    Ihr Kalender-Link für { $employer } zeigt den neuen Termin von selbst.
notice-session_cancelled-employer = Guten Tag,

    der Termin der Weiterbildung „{ $offer }“ ({ $cohort }) am { $old_date }, { $old_time } fällt aus. Er betrifft Ihre Beschäftigten: { $names }.

    Grund: { $reason }
notice-session_added-employer = Guten Tag,

    die Weiterbildung „{ $offer }“ ({ $cohort }) hat einen neuen Termin: { $new_date }, { $new_time }. Er betrifft Ihre Beschäftigten: { $names }.

    Grund: { $reason }

## The outbox page
outbox-title = Postausgang
outbox-intro = Benachrichtigungen über geänderte Termine an Teilnehmende, Lehrkräfte und Betriebe. Was nicht versendet werden konnte, wird später erneut versucht; nach dem letzten Versuch steht es hier als fehlgeschlagen.
outbox-all = Alle
outbox-filter = Anzeigen
outbox-empty = Keine Nachrichten.
outbox-to = An
outbox-status-pending = wartet auf Versand
outbox-status-sent = versendet
outbox-status-failed = fehlgeschlagen
outbox-attempts = { $attempts } Versuche, zuletzt: { $error }
outbox-subject = Betreff
