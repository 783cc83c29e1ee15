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

notice-draft_shared-subject = Kurs in Planung: { $offer } – wann geht es bei Ihnen nicht?
notice-draft_shared-employer = Guten Tag,

    wir planen die Termine der Weiterbildung „{ $offer }“ ({ $cohort }). Aus Ihrem Betrieb nehmen teil: { $names }.

    Bevor die Termine feststehen, möchten wir wissen, wann es bei { $employer } nicht geht – zum Beispiel Hochsaison, Inventur oder Betriebsferien. Sie sehen die geplanten Termine und können antworten unter:

    { $link }

    Wir planen dann um diese Zeiten herum.


notice-warning_digest-subject = Frühwarnungen: { $count } offen
notice-warning_digest-person = Guten Tag,

    für Menschen, die Sie als Ansprechperson begleiten, gibt es heute { $count } offene Frühwarnungen:

    { $list }

    Alle Frühwarnungen und was bereits erledigt ist: { $link }

    Bitte markieren Sie eine Warnung als erledigt, sobald Sie sich gekümmert haben.
notice-warning_digest-item = – { $name }: { $what } (seit { $since }) – { $link }

## The outbox page
outbox-title = Postausgang
outbox-intro = Benachrichtigungen über geänderte Termine an Teilnehmende, Lehrkräfte und Betriebe und Entwürfe zur Abstimmung mit den Betrieben. Was nicht versendet werden konnte, wird später erneut versucht; nach dem letzten Versuch steht es hier als fehlgeschlagen.
outbox-all = Alle
outbox-filter = Anzeigen
outbox-empty = Keine Nachrichten.
outbox-to = An
outbox-status-pending = wartet auf Versand
outbox-status-sent = versendet
outbox-status-failed = fehlgeschlagen
outbox-attempts = { $attempts } Versuche, zuletzt: { $error }
outbox-subject = Betreff
