# Das Portal für Teilnehmende: einfache Sprache. Kurze Sätze. Bekannte Wörter.
# Die gleichen Schlüssel gibt es in de, en, ar, uk, tr und ru.

portal-lang-name = Deutsch
portal-lang-legend = Sprache
portal-skip = Zum Inhalt
portal-logout = Abmelden
portal-nav-label = Menü
portal-footer = Lernweg. Ihr Weg im Kurs.
portal-legal-nav = Rechtliches
portal-legal-imprint = Impressum
portal-legal-privacy = Datenschutz
portal-legal-accessibility = Barrierefreiheit
portal-back-to-path = Zurück zu Mein Weg
portal-go-login = Zur Anmeldung

portal-not-found-title = Nicht gefunden
portal-not-found-text = Diese Seite gibt es nicht. Oder Sie dürfen sie nicht sehen.
portal-error-title = Fehler
portal-error-text = Das hat leider nicht geklappt. Bitte versuchen Sie es später noch einmal.
portal-bad-request = Das Formular war nicht vollständig. Bitte versuchen Sie es noch einmal.
portal-unlinked-text = Ihr Konto ist noch nicht fertig. Bitte fragen Sie Ihre Ansprechperson.
portal-limit-title = Bitte warten
portal-limit-text = Sie haben es zu oft versucht. Bitte warten Sie eine Minute. Dann geht es wieder.

portal-refused-unknown-title = Link nicht gültig
portal-refused-unknown-text = Diesen Link oder Code kennen wir nicht. Bitte prüfen Sie ihn. Oder fragen Sie Ihre Ansprechperson.
portal-refused-used-title = Schon benutzt
portal-refused-used-text = Dieser Link oder Code ist schon benutzt. Sie können sich jetzt mit Ihrem Passwort anmelden.
portal-refused-expired-title = Nicht mehr gültig
portal-refused-expired-text = Dieser Link oder Code ist zu alt. Er gilt nur 14 Tage. Bitte fragen Sie Ihre Ansprechperson nach einem neuen.
portal-refused-revoked-title = Nicht mehr gültig
portal-refused-revoked-text = Dieser Link oder Code gilt nicht mehr. Es gibt einen neuen. Oder Ihre Ansprechperson hat ihn gesperrt. Bitte fragen Sie nach.

portal-code-title = Code eingeben
portal-code-intro = Sie haben einen Brief mit einem Code? Dann geben Sie den Code hier ein.
portal-code-label = Code
portal-code-example = Zum Beispiel:
portal-code-submit = Weiter
portal-code-error-required = Bitte geben Sie den Code ein.
portal-code-error-invalid = Der Code hat 12 Zeichen. Bitte prüfen Sie ihn.
portal-code-error-unknown = Diesen Code kennen wir nicht. Bitte prüfen Sie ihn.

portal-password-title = Passwort wählen
portal-password-intro = Wählen Sie jetzt ein Passwort. Damit melden Sie sich später an.
portal-password-new = Neues Passwort
portal-password-hint = Mindestens 10 Zeichen.
portal-password-repeat = Passwort noch einmal
portal-password-submit = Speichern und weiter
portal-password-error-missing = Bitte geben Sie ein Passwort ein.
portal-password-error-different = Die zwei Passwörter sind nicht gleich.
portal-password-error-short = Das Passwort ist zu kurz. Es braucht mindestens 10 Zeichen.
portal-password-error-long = Das Passwort ist zu lang.
portal-login-write-down = Bitte schreiben Sie das auf.
portal-login-is-email = Sie melden sich mit Ihrer E-Mail-Adresse an:
portal-login-is-name = Ihr Anmeldename:

portal-login-title = Anmelden
portal-login-intro = Bitte melden Sie sich an.
portal-login-id = E-Mail-Adresse oder Anmeldename
portal-login-password = Passwort
portal-login-submit = Anmelden
portal-login-code-hint = Sie haben einen Code?
portal-login-error-email = Bitte geben Sie Ihre E-Mail-Adresse oder Ihren Anmeldenamen ein.
portal-login-error-password-missing = Bitte geben Sie Ihr Passwort ein.
portal-login-error-rate-limited = Zu viele Anmeldeversuche. Bitte warten Sie kurz.
portal-login-error-failed = E-Mail-Adresse oder Passwort stimmen nicht.
portal-login-how = So melden Sie sich an
portal-login-your = Ihre Anmeldung:

portal-path-title = Mein Weg
portal-path-hello = Hallo { $name }!
portal-path-intro = Hier sehen Sie Ihren Weg im Kurs.
portal-path-none = Sie sind noch in keinem Kurs. Ihre Ansprechperson hilft Ihnen.
portal-path-end = Ende: { $date }
portal-path-no-dates = Die Termine sind noch nicht fertig.
portal-path-list = Alle Schritte
portal-progress-modules = { $total ->
    [one] Geschafft: { $done } von { $total } Modul.
   *[other] Geschafft: { $done } von { $total } Modulen.
}
portal-progress-milestones = Ziele erreicht: { $done } von { $total }.

portal-status-interested = Sie haben Interesse an diesem Kurs.
portal-status-counselled = Sie hatten ein Gespräch zu diesem Kurs.
portal-status-enrolled = Sie sind für diesen Kurs angemeldet.
portal-status-active = Sie machen diesen Kurs gerade.
portal-status-paused = Sie machen gerade eine Pause.
portal-status-completed = Sie haben diesen Kurs geschafft.
portal-status-dropped = Sie machen diesen Kurs nicht mehr.

portal-dates-title = Ihre nächsten Termine
portal-dates-none = Es gibt keine neuen Termine.
portal-dates-cancelled = Fällt aus.
portal-run-coming = Der Kurs beginnt am { $date }.
portal-run-running = Der Kurs läuft seit { $date }.
portal-run-ended = Der Kurs ist am { $date } zu Ende gegangen.
portal-at-work-summary = { $count ->
    [one] Ein Termin ist in Ihrer Arbeitszeit: { $dates }.
   *[other] { $count } Termine sind in Ihrer Arbeitszeit: { $dates }.
}
portal-at-work-ask = Bitte sprechen Sie mit Ihrem Betrieb über eine Freistellung.
portal-dates-at-work = In Ihrer Arbeitszeit
portal-dates-place = Ort: { $place }
portal-dates-online = Online dabei sein
portal-weekday-1 = Mo
portal-weekday-2 = Di
portal-weekday-3 = Mi
portal-weekday-4 = Do
portal-weekday-5 = Fr
portal-weekday-6 = Sa
portal-weekday-7 = So
portal-kind-lesson = Unterricht
portal-kind-individual = Einzelunterricht
portal-kind-exam = Prüfung
portal-kind-kickoff = Start
portal-kind-closing = Abschluss
portal-kind-exchange = Treffen
portal-kind-self_paced = Selbst lernen

portal-contact-title = Ihre Ansprechperson
portal-contact-email = E-Mail:
portal-contact-none = Sie bekommen bald eine Ansprechperson.
portal-contact-channel = So melden wir uns bei Ihnen: { $channel }.
portal-contact-times = Ihre Zeiten: { $times }
portal-channel-phone = Telefon
portal-channel-in_person = persönlich
portal-channel-email = E-Mail
portal-channel-messenger = Messenger
portal-channel-video = Video

portal-feed-title = Ihr Kalender
portal-feed-intro = Mit einem Link sehen Sie alle Termine in Ihrem Kalender. Zum Beispiel auf dem Handy.
portal-feed-new = Das ist Ihr Link. Wir zeigen ihn nur jetzt. Bitte kopieren Sie ihn in Ihren Kalender.
portal-feed-since = Sie haben einen Link seit { $date }. Wir zeigen ihn nur einmal.
portal-feed-renew-hint = Ein neuer Link ersetzt den alten. Der alte Link geht dann nicht mehr.
portal-feed-renew = Neuen Link machen
portal-feed-create = Link machen
portal-feed-revoke-hint = Sie brauchen den Link nicht mehr? Dann löschen Sie ihn. Danach geht er nicht mehr.
portal-feed-revoke = Link löschen
portal-feed-revoked = Ihr Link ist gelöscht. Er geht nicht mehr. Sie können jederzeit einen neuen Link machen.
portal-feed-name = Lernweg – Mein Weg

portal-checks-title = Ihr Check
portal-checks-none = Sie hatten noch kein Gespräch zum Check.
portal-checks-from = Check vom { $date }

portal-rc-title = Ihr Check
portal-rc-result = Ergebnis
portal-rc-answers = Ihre Antworten
portal-rc-your-answer = Ihre Antwort:
portal-rc-open = Noch offen:
portal-rc-help = Diese Hilfe gibt es für Sie
portal-rc-no-help = Sie brauchen keine Hilfe. Gut!
portal-rc-ask = Fragen Sie Ihre Ansprechperson danach.
portal-rc-overall-recommend = Der Kurs passt gut zu Ihnen.
portal-rc-overall-recommend_with_support = Der Kurs passt zu Ihnen. Mit etwas Hilfe.
portal-rc-overall-advise_longer_model = Ein längerer Kurs passt besser zu Ihnen. Dann haben Sie mehr Zeit.
portal-rc-overall-advise_pause = Jetzt ist vielleicht nicht die richtige Zeit. Sprechen Sie mit Ihrer Ansprechperson.
portal-rc-light-green = gut
portal-rc-light-yellow = mit Hilfe gut
portal-rc-light-red = schwierig
portal-rc-topic-time = Zeit
portal-rc-topic-commute = Weg zum Kurs
portal-rc-topic-childcare = Kinder
portal-rc-topic-care_duties = Pflege
portal-rc-topic-quiet_place = Ruhiger Platz
portal-rc-topic-internet = Internet
portal-rc-topic-device = Gerät
portal-rc-topic-digital_skills = Computer
portal-rc-topic-income = Geld
portal-rc-topic-motivation = Arbeit und Kurs
portal-rc-topic-health = Gesundheit
portal-rc-hours = { $hours } Stunden pro Woche frei.
portal-rc-minutes = { $minutes } Minuten.
portal-rc-childcare-yes = Die Betreuung ist geklärt.
portal-rc-childcare-partly = Die Betreuung ist zum Teil geklärt.
portal-rc-childcare-no = Die Betreuung ist nicht geklärt.
portal-rc-childcare-not_needed = Sie brauchen keine Betreuung.
portal-rc-care-none = Sie pflegen niemanden.
portal-rc-care-settled = Die Pflege ist geklärt.
portal-rc-care-partly = Die Pflege ist zum Teil geklärt.
portal-rc-care-not_settled = Die Pflege ist nicht geklärt.
portal-rc-internet-yes = Sie haben gutes Internet.
portal-rc-internet-unstable = Ihr Internet ist nicht immer gut.
portal-rc-internet-no = Sie haben kein Internet.
portal-rc-device-own = Sie haben ein eigenes Gerät.
portal-rc-device-shared = Sie teilen ein Gerät.
portal-rc-device-none = Sie haben kein Gerät.
portal-rc-digital-good = Sie kennen sich gut aus.
portal-rc-digital-basic = Sie kennen sich etwas aus.
portal-rc-digital-none = Sie kennen sich noch nicht aus.
portal-rc-income-ok = Das Geld reicht.
portal-rc-income-tight = Das Geld ist knapp.
portal-rc-income-at_risk = Das Geld reicht nicht.
portal-rc-income-not_applicable = Das ist für Sie kein Thema.
portal-rc-debts = Sie haben Schulden.
portal-rc-job-yes = Ihre Arbeit passt zum Kurs.
portal-rc-job-partly = Ihre Arbeit passt zum Teil zum Kurs.
portal-rc-job-no = Ihre Arbeit passt nicht zum Kurs.
portal-rc-health-good = Es geht Ihnen gut.
portal-rc-health-limited = Es geht Ihnen nicht immer gut.
portal-rc-health-strained = Es geht Ihnen nicht gut.
portal-rc-action-device_loan = Sie können ein Gerät leihen.
portal-rc-action-digital_training = Sie können einen Kurs am Computer machen.
portal-rc-action-quiet_room_at_provider = Sie können bei uns in einem ruhigen Raum lernen.
portal-rc-action-referral_childcare = Wir helfen Ihnen bei der Suche nach Betreuung.
portal-rc-action-referral_social_counselling = Eine Beratung kann Ihnen helfen.
portal-rc-action-referral_debt_counselling = Eine Beratung zu Schulden kann Ihnen helfen.
portal-rc-action-referral_health = Eine Beratung zur Gesundheit kann Ihnen helfen.
portal-rc-action-longer_time_model = Ein längerer Kurs gibt Ihnen mehr Zeit.
portal-rc-action-pause = Sie können eine Pause machen.
portal-yes = Ja.
portal-no = Nein.

portal-sheet-heading = Ihr Zugang zu Lernweg
portal-sheet-step-address = Gehen Sie auf diese Seite:
portal-sheet-step-code = Geben Sie diesen Code ein:
portal-sheet-valid = Der Code gilt bis { $date }. Sie können ihn nur einmal benutzen.
portal-sheet-step-password = Dann wählen Sie ein Passwort.
portal-sheet-questions = Sie haben Fragen? Ihre Ansprechperson ist { $name }.

portal-mail-subject = Ihr Zugang zu Lernweg
portal-mail-body =
    Hallo { $name }!

    Auf Lernweg sehen Sie Ihren Weg im Kurs. Sie sehen Ihre Termine. Sie sehen Ihre Ansprechperson.

    Bitte öffnen Sie diesen Link:
    { $link }

    Dann wählen Sie ein Passwort.
    Der Link gilt bis { $date }. Sie können ihn nur einmal benutzen.

    Ihre Anmeldung: { $login }

portal-publish-path-start = Beginn
portal-publish-path-end = Ende
portal-publish-path-today = Heute
portal-publish-path-kickoff = Start
portal-publish-path-closing = Abschluss
portal-publish-path-exam = Prüfung
portal-publish-path-milestone = Ziel
portal-publish-path-module = Modul
portal-publish-path-modules = Module
portal-publish-path-exams = Prüfungen
portal-publish-path-hours = Std.
portal-publish-decimal-separator = ,

# Calendar feeds (.ics): event texts; staff feeds use the German ones.
portal-ics-module = Modul { $module }
portal-ics-module-summary = Modul { $module }: { $title }
portal-ics-exam-summary = Prüfung: { $title }
portal-ics-due-summary = Fällig – { $title }
portal-ics-cancelled = Abgesagt: { $summary }
portal-ics-draft = Entwurf: { $summary }
portal-ics-hours = { $hours } Std.
portal-ics-reason = Grund: { $reason }

## Notices of changed dates (issue 13 point 8), written when sent
notice-session_moved-subject = Termin verschoben: { $offer }, { $old_date }
notice-session_moved-person = Guten Tag,

    ein Termin Ihres Kurses „{ $offer }“ ({ $cohort }) ist verschoben.

    Bisher: { $old_date }, { $old_time }
    Neu: { $new_date }, { $new_time }

    Grund: { $reason }

    Ihr Kalender-Link zeigt den neuen Termin von selbst. Bei Fragen melden Sie sich bitte bei Ihrer Ansprechperson.
notice-session_cancelled-subject = Termin abgesagt: { $offer }, { $old_date }
notice-session_cancelled-person = Guten Tag,

    der Termin Ihres Kurses „{ $offer }“ ({ $cohort }) am { $old_date }, { $old_time } fällt aus.

    Grund: { $reason }

    Bei Fragen melden Sie sich bitte bei Ihrer Ansprechperson.
notice-session_added-subject = Neuer Termin: { $offer }, { $new_date }
notice-session_added-person = Guten Tag,

    Ihr Kurs „{ $offer }“ ({ $cohort }) hat einen neuen Termin: { $new_date }, { $new_time } ({ $title }).

    Grund: { $reason }

    Bei Fragen melden Sie sich bitte bei Ihrer Ansprechperson.

## The individual qualification plan on /mein-weg (issue 14)
portal-plan-title = Mein Qualifizierungsplan
portal-plan-intro = Der Bescheid nennt Unterschiede zu Ihrem Beruf in Deutschland. Mit diesen Bausteinen gleichen Sie sie aus.
portal-plan-deadline = Frist: { $date }
portal-plan-items = Ihre Bausteine
portal-plan-no-items = Noch keine Bausteine. Ihre Ansprechperson plant sie mit Ihnen.
portal-plan-item = { $kind }: { $title } – { $done } von { $hours } Stunden geschafft
portal-plan-differences = Was schon ausgeglichen ist
portal-plan-diff-uncovered = { $title }: noch nichts geplant
portal-plan-diff-planned = { $title }: geplant
portal-plan-diff-in_progress = { $title }: { $done } von { $target } Stunden geschafft
portal-plan-diff-done = { $title }: geschafft
portal-plan-ask = Für manches ist noch nichts geplant. Sprechen Sie mit Ihrer Ansprechperson.
portal-plan-kind-cohort_modules = Kurs
portal-plan-kind-lessons = Einzelunterricht
portal-plan-kind-placement = Praxis im Betrieb
portal-plan-kind-self_study = Selbst lernen
portal-plan-kind-language_course = Sprachkurs
portal-plan-kind-exam = Prüfung

# Mentoring tandem (issue 15)
portal-tandem-title = Mein Mentoring-Tandem
portal-tandem-intro = Ihre Mentorin oder Ihr Mentor arbeitet im selben Berufsfeld. Sie verabreden die Treffen selbst.
portal-tandem-field = Beruf
portal-tandem-languages = Sprachen
portal-tandem-email = E-Mail
portal-tandem-phone = Telefon
portal-tandem-period = Zeitraum
portal-tandem-budget = Diesen Monat: { $used } von { $budget }.
portal-tandem-over = Das ist mehr als vereinbart.
portal-tandem-closed = Das Tandem ist beendet.
portal-tandem-no-meetings = Noch keine Treffen eingetragen.
portal-tandem-meetings = Treffen
portal-tandem-log = Ein Treffen eintragen
portal-tandem-date = Datum
portal-tandem-minutes = Dauer in Minuten
portal-tandem-topic = Worum ging es?
portal-tandem-log-submit = Eintragen
portal-tandem-feedback = Wie war das Tandem für Sie?
portal-tandem-feedback-submit = Rückmeldung senden
portal-tandem-duration = { $minutes } Minuten
portal-tandem-error-met_on = Bitte ein Datum seit Beginn des Tandems angeben, nicht in der Zukunft.
portal-tandem-error-minutes = Bitte eine Dauer von 1 bis 600 Minuten angeben.
portal-tandem-error-topic = Bitte kurz schreiben, worum es ging.
portal-tandem-error-feedback = Bitte eine Rückmeldung schreiben.
portal-tandem-error-state = Das geht gerade nicht. Bitte laden Sie die Seite neu.

# Language self-assessment and certificates (issue 16)
portal-language-title = Mein Deutsch
portal-language-intro = Was können Sie schon auf Deutsch? Wählen Sie bei jedem Satz eine Antwort.
portal-language-shared = Ihre Lehrkraft und Ihre Ansprechperson sehen Ihre Antworten.
portal-language-target = Ihr nächstes Ziel: { $level }
portal-language-current = Ihr Stand laut Ihrer Lehrkraft: { $level }
portal-language-no-level = Hier ist noch kein Stand eingetragen.
portal-language-can = Kann ich
portal-language-with-help = Mit Hilfe
portal-language-not-yet = Noch nicht
portal-language-save = Antworten speichern
portal-language-saved = Danke! Ihre Antworten sind gespeichert.
portal-language-answered = Ihre Antwort vom { $date }: { $answer }
portal-language-missing = Bitte wählen Sie bei einem Satz eine Antwort.
portal-language-certificates = Meine Sprachnachweise
portal-language-certificate-issued = Ausgestellt am { $date } von { $provider }
portal-language-certificate-pdf = Nachweis als PDF, deutsch
portal-language-certificate-pdf-en = Nachweis als PDF, englisch
portal-language-certificate-credential = Nachweis als Datei für Arbeitgeber
portal-language-certificate-check = Echtheit prüfen
portal-language-certificate-revoked = Dieser Nachweis gilt nicht mehr.
portal-language-no-certificate = Sie haben noch keinen Nachweis. Fragen Sie Ihre Ansprechperson.
portal-skill-listening = Hören
portal-skill-reading = Lesen
portal-skill-spoken-interaction = Mit anderen sprechen
portal-skill-spoken-production = Frei sprechen
portal-skill-writing = Schreiben
portal-skill-occupational = Deutsch im Beruf
portal-can-do-a1-listening = Ich kann langsame, klare Sätze über mich und meine Familie verstehen.
portal-can-do-a1-reading = Ich kann kurze Sätze auf Schildern lesen.
portal-can-do-a1-spoken-interaction = Ich kann einfache Fragen stellen und darauf antworten.
portal-can-do-a1-spoken-production = Ich kann sagen, wo ich wohne und wen ich kenne.
portal-can-do-a1-writing = Ich kann meinen Namen und meine Adresse in ein Formular schreiben.
portal-can-do-a1-occupational = Ich kann bei der Arbeit grüßen und sagen, wer ich bin.
portal-can-do-a2-listening = Ich kann kurze, klare Durchsagen verstehen.
portal-can-do-a2-reading = Ich kann kurze Texte wie Fahrpläne oder Speisekarten lesen.
portal-can-do-a2-spoken-interaction = Ich kann beim Einkaufen kurz mit anderen sprechen.
portal-can-do-a2-spoken-production = Ich kann kurz über meine Familie und meine Arbeit sprechen.
portal-can-do-a2-writing = Ich kann kurze Notizen und Nachrichten schreiben.
portal-can-do-a2-occupational = Ich kann einfache Aufgaben bei der Arbeit verstehen und nachfragen.
portal-can-do-b1-listening = Ich kann das Wichtigste verstehen, wenn jemand klar über die Arbeit spricht.
portal-can-do-b1-reading = Ich kann Briefe und E-Mails über Alltag und Arbeit verstehen.
portal-can-do-b1-spoken-interaction = Ich kann ohne Vorbereitung über bekannte Themen sprechen.
portal-can-do-b1-spoken-production = Ich kann über Pläne und Wünsche sprechen und sagen, warum.
portal-can-do-b1-writing = Ich kann eine einfache E-Mail über meine Arbeit schreiben.
portal-can-do-b1-occupational = Ich kann bei der Arbeit über Aufgaben und Probleme sprechen.
portal-can-do-b2-listening = Ich kann lange Gespräche und die meisten Nachrichten verstehen.
portal-can-do-b2-reading = Ich kann Artikel über neue Themen lesen und verstehen.
portal-can-do-b2-spoken-interaction = Ich kann gut und frei mit anderen sprechen.
portal-can-do-b2-spoken-production = Ich kann zu vielen Themen das Gute und das Schlechte erklären.
portal-can-do-b2-writing = Ich kann klare, lange Texte schreiben und sagen, was ich denke.
portal-can-do-b2-occupational = Ich kann bei Treffen im Beruf gut mitreden.
portal-can-do-c1-listening = Ich kann lange Gespräche verstehen, auch wenn nicht alles klar ist.
portal-can-do-c1-reading = Ich kann lange, schwere Texte aus meinem Beruf lesen.
portal-can-do-c1-spoken-interaction = Ich kann frei sprechen und muss kaum nach Wörtern suchen.
portal-can-do-c1-spoken-production = Ich kann schwere Themen klar und genau erklären.
portal-can-do-c1-writing = Ich kann gut geordnete Texte zu schweren Themen schreiben.
portal-can-do-c1-occupational = Ich kann bei der Arbeit sicher Deutsch sprechen, auch in schweren Gesprächen.
portal-can-do-c2-listening = Ich kann alles leicht verstehen, auch wenn jemand sehr schnell spricht.
portal-can-do-c2-reading = Ich kann fast alle Texte leicht lesen, auch Fachtexte und Bücher.
portal-can-do-c2-spoken-interaction = Ich kann in jedem Gespräch leicht und genau sprechen.
portal-can-do-c2-spoken-production = Ich kann frei sprechen und meine Sprache jeder Lage anpassen.
portal-can-do-c2-writing = Ich kann schwere Texte klar und gut schreiben.
portal-can-do-c2-occupational = Ich kann bei der Arbeit alles so gut wie in meiner ersten Sprache.
