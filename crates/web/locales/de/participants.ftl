# Lernweg – Teilnehmende (crate lernweg-participants)
# Einfache Sprache: kurze Sätze, bekannte Wörter.
# Ids: participants-error-<feld>-<code>, participants-reason-<code>, participants-action-<code>,
# participants-overall-<code>, participants-light-<code>, participants-dimension-<code>,
# participants-readiness-<code>, participants-status-<code>, participants-transition-<code>,
# participants-dropout-<code>, participants-pause-<code>, participants-ics-<code>,
# participants-ics-note-<code>, participants-import-<code>, participants-import-warning-<code>,
# participants-channel-<code>, participants-recognition-<code>, participants-consent-<code>.

## Eingabefehler
participants-error-given_name-required = Bitte den Vornamen eintragen.
participants-error-given_name-too_long = Der Vorname ist zu lang. Höchstens { $max } Zeichen.
participants-error-given_name-control_character = Im Vornamen steht ein Zeichen, das nicht erlaubt ist.
participants-error-family_name-required = Bitte den Nachnamen eintragen.
participants-error-family_name-too_long = Der Nachname ist zu lang. Höchstens { $max } Zeichen.
participants-error-family_name-control_character = Im Nachnamen steht ein Zeichen, das nicht erlaubt ist.
participants-error-email-invalid_email = „{ $value }“ ist keine gültige E-Mail-Adresse.
participants-error-phone-invalid_character = Die Telefonnummer darf nur Ziffern, Leerzeichen, Klammern, + / und - enthalten.
participants-error-phone-invalid_parentheses = In Klammern dürfen nur Ziffern stehen, zum Beispiel (030) 1234567 oder +49 (0)30 1234567.
participants-error-phone-plus_not_first = Das + darf nur am Anfang der Telefonnummer stehen.
participants-error-phone-too_few_digits = Die Telefonnummer ist zu kurz. Sie braucht mindestens 6 Ziffern.
participants-error-phone-too_many_digits = Die Telefonnummer ist zu lang. Sie hat höchstens 20 Ziffern.
participants-error-mother_tongue-unknown_language = Die Sprache „{ $value }“ kennen wir nicht. Bitte den Namen oder den Code eintragen, zum Beispiel „Arabisch“ oder „ar“.
participants-error-other_languages-unknown_language = Die Sprache „{ $value }“ kennen wir nicht. Bitte den Namen oder den Code eintragen, zum Beispiel „Englisch“ oder „en“.
participants-error-german_level-unknown_cefr_level = „{ $value }“ ist kein Sprachniveau. Möglich sind A1, A2, B1, B2, C1 und C2.
participants-error-preferred_channel-unknown_channel = „{ $value }“ ist kein Kontaktweg. Möglich sind Telefon, persönlich, E-Mail, Messenger und Video.
participants-error-reachable_times-too_long = Der Text zur Erreichbarkeit ist zu lang. Höchstens { $max } Zeichen.
participants-error-reachable_times-control_character = Im Text zur Erreichbarkeit steht ein Zeichen, das nicht erlaubt ist.
participants-error-foreign_qualification-too_long = Der Text zum Abschluss ist zu lang. Höchstens { $max } Zeichen.
participants-error-foreign_qualification-control_character = Im Text zum Abschluss steht ein Zeichen, das nicht erlaubt ist.
participants-error-kldb-invalid_kldb = „{ $value }“ ist kein Berufs-Code (KldB 2010). Ein Code hat 1 bis 5 Ziffern.
participants-error-recognition_status-unknown_recognition_status = „{ $value }“ ist kein Stand der Anerkennung. Möglich sind: nicht begonnen, im Verfahren, voll, teilweise, abgelehnt, nicht erforderlich.
participants-error-employer-too_long = Der Name des Arbeitgebers ist zu lang. Höchstens { $max } Zeichen.
participants-error-employer-control_character = Im Namen des Arbeitgebers steht ein Zeichen, das nicht erlaubt ist.
participants-error-weekly_hours-out_of_range = Die Wochenstunden müssen zwischen { $min } und { $max } liegen.
participants-error-weekly_hours-not_a_number = „{ $value }“ ist keine Zahl. Bitte die Stunden als Zahl eintragen, zum Beispiel 19,5.
participants-error-birth_year-out_of_range = Das Geburtsjahr muss zwischen { $min } und { $max } liegen.
participants-error-birth_year-invalid = „{ $value }“ ist kein Geburtsjahr. Bitte das Jahr mit 4 Ziffern eintragen, zum Beispiel 1988.

## Kontaktweg, Anerkennung, Einwilligung
participants-channel-phone = Telefon
participants-channel-in_person = Persönlich
participants-channel-email = E-Mail
participants-channel-messenger = Messenger
participants-channel-video = Video
participants-recognition-not_started = Noch nicht begonnen
participants-recognition-in_progress = Im Verfahren
participants-recognition-full = Voll anerkannt
participants-recognition-partial = Teilweise anerkannt
participants-recognition-rejected = Abgelehnt
participants-recognition-not_required = Nicht erforderlich
participants-consent-data_processing = Verarbeitung der Daten
participants-consent-health_data = Angaben zur Gesundheit
participants-consent-employer_contact = Kontakt zum Arbeitgeber
participants-consent-photos = Fotos
participants-consent-share_with_mentor = Weitergabe an die Mentorin oder den Mentor
participants-consent-share_with_funder = Weitergabe an den Fördergeber

## Eignungs- und Belastungscheck
participants-dimension-time = Zeit
participants-dimension-commute = Weg zum Kurs
participants-dimension-childcare = Kinderbetreuung
participants-dimension-care_duties = Pflege von Angehörigen
participants-dimension-quiet_place = Ruhiger Platz zum Lernen
participants-dimension-internet = Internet
participants-dimension-device = Gerät
participants-dimension-digital_skills = Umgang mit dem Computer
participants-dimension-income = Einkommen
participants-dimension-motivation = Bezug zur Arbeit
participants-dimension-health = Gesundheit
participants-light-green = Grün: passt
participants-light-yellow = Gelb: genauer ansehen
participants-light-red = Rot: braucht eine Lösung
participants-overall-recommend = Die Teilnahme passt gut.
participants-overall-recommend_with_support = Die Teilnahme passt, mit Unterstützung.
participants-overall-advise_longer_model = Besser ein längeres Zeitmodell wählen.
participants-overall-advise_pause = Besser jetzt noch nicht starten. Später noch einmal prüfen.
participants-action-device_loan = Ein Gerät ausleihen.
participants-action-digital_training = Eine Schulung zum Computer anbieten.
participants-action-quiet_room_at_provider = Einen ruhigen Raum mit Internet beim Träger anbieten.
participants-action-referral_childcare = An eine Beratung für Kinderbetreuung verweisen.
participants-action-referral_social_counselling = An eine Sozialberatung verweisen.
participants-action-referral_debt_counselling = An eine Schuldnerberatung verweisen.
participants-action-referral_health = An eine Beratung für Gesundheit verweisen.
participants-action-longer_time_model = Ein längeres Zeitmodell wählen.
participants-action-pause = Den Start verschieben oder eine Pause planen.
participants-readiness-health_without_consent = Angaben zur Gesundheit sind nur mit Einwilligung erlaubt. Bitte zuerst die Einwilligung eintragen.
participants-readiness-free_hours_out_of_range = Die freien Stunden pro Woche müssen zwischen 0 und 168 liegen.
participants-reason-free_hours_below_offer = { $free } Stunden pro Woche sind frei. Das Angebot braucht { $needed } Stunden.
participants-reason-free_hours_little_buffer = { $free } Stunden pro Woche sind frei. Das Angebot braucht { $needed } Stunden. Es bleibt wenig Luft.
participants-reason-free_hours_enough = { $free } Stunden pro Woche sind frei. Das reicht für { $needed } Stunden.
participants-reason-free_hours_very_few = Nur { $free } Stunden pro Woche sind frei. Das ist sehr wenig.
participants-reason-free_hours_few = { $free } Stunden pro Woche sind frei. Das ist knapp.
participants-reason-free_hours_enough_general = { $free } Stunden pro Woche sind frei.
participants-reason-commute_short = Der Weg dauert { $minutes } Minuten.
participants-reason-commute_long = Der Weg dauert { $minutes } Minuten. Das ist lang.
participants-reason-commute_very_long = Der Weg dauert { $minutes } Minuten. Das ist sehr lang.
participants-reason-childcare_settled = Die Kinderbetreuung ist geklärt.
participants-reason-childcare_not_needed = Keine Kinderbetreuung nötig.
participants-reason-childcare_partly = Die Kinderbetreuung ist nur zum Teil geklärt.
participants-reason-childcare_missing = Die Kinderbetreuung ist nicht geklärt.
participants-reason-care_none = Keine Pflege von Angehörigen.
participants-reason-care_settled = Die Pflege von Angehörigen ist geklärt.
participants-reason-care_partly = Die Pflege von Angehörigen ist nur zum Teil geklärt.
participants-reason-care_not_settled = Die Pflege von Angehörigen ist nicht geklärt.
participants-reason-quiet_place_yes = Es gibt einen ruhigen Platz zum Lernen.
participants-reason-quiet_place_no = Es gibt keinen ruhigen Platz zum Lernen.
participants-reason-internet_yes = Das Internet ist gut.
participants-reason-internet_unstable = Das Internet ist nicht stabil.
participants-reason-internet_no = Es gibt kein Internet.
participants-reason-device_own = Es gibt ein eigenes Gerät.
participants-reason-device_shared = Das Gerät wird mit anderen geteilt.
participants-reason-device_none = Es gibt kein Gerät.
participants-reason-digital_good = Der Umgang mit dem Computer ist sicher.
participants-reason-digital_basic = Der Umgang mit dem Computer klappt ein wenig.
participants-reason-digital_none = Noch keine Erfahrung mit dem Computer.
participants-reason-income_ok = Das Einkommen reicht auch mit weniger Arbeitsstunden.
participants-reason-income_not_applicable = Die Arbeitsstunden werden nicht weniger.
participants-reason-income_tight = Mit weniger Arbeitsstunden wird das Geld knapp.
participants-reason-income_at_risk = Mit weniger Arbeitsstunden reicht das Geld nicht.
participants-reason-income_debts = Es gibt Schulden.
participants-reason-job_relates = Die Arbeit passt zum Inhalt.
participants-reason-job_relates_partly = Die Arbeit passt zum Teil zum Inhalt.
participants-reason-job_unrelated = Die Arbeit passt nicht zum Inhalt. Über das Ziel sprechen.
participants-reason-health_good = Gesundheit und Kraft reichen.
participants-reason-health_limited = Gesundheit oder Kraft sind eingeschränkt.
participants-reason-health_strained = Gesundheit oder Kraft sind stark belastet.

## Teilnahme: Stand und Wechsel
participants-status-interested = Interessiert
participants-status-counselled = Beraten
participants-status-enrolled = Angemeldet
participants-status-active = Nimmt teil
participants-status-paused = Pausiert
participants-status-completed = Abgeschlossen
participants-status-dropped = Abgebrochen
participants-transition-already_final = Die Teilnahme ist schon beendet. Sie kann nicht mehr geändert werden.
participants-transition-counselling_required = Vor der Anmeldung kommt die Beratung. Bitte zuerst die Beratung eintragen.
participants-transition-not_active = Das geht nur, wenn die Person gerade teilnimmt.
participants-transition-not_paused = Das geht nur, wenn die Teilnahme pausiert.
participants-transition-not_enrolled = Die Person ist noch nicht angemeldet. Bitte zuerst die Anmeldung eintragen.
participants-transition-already_active = Die Teilnahme hat schon begonnen.
participants-transition-already_enrolled = Die Person ist schon angemeldet.
participants-transition-expected_return_not_after_pause = Das Datum der Rückkehr muss nach dem Beginn der Pause liegen.
participants-transition-dropout_text_required = Bei „Anderer Grund“ bitte den Grund kurz beschreiben.
participants-transition-date_before_last = Das Datum liegt vor dem letzten Eintrag. Bitte ein späteres Datum wählen.
participants-dropout-job_change = Neue Arbeit oder andere Arbeitszeiten
participants-dropout-workload = Zu viel Belastung
participants-dropout-health = Gesundheit
participants-dropout-family = Familie
participants-dropout-financial = Geld
participants-dropout-moved = Umzug
participants-dropout-found_adequate_job = Passende Arbeit gefunden
participants-dropout-dissatisfied = Nicht zufrieden mit dem Angebot
participants-dropout-other = Anderer Grund
participants-pause-health = Gesundheit
participants-pause-family = Familie
participants-pause-parental_leave = Elternzeit
participants-pause-workload = Zu viel Belastung
participants-pause-job_change = Neue Arbeit oder andere Arbeitszeiten
participants-pause-financial = Geld
participants-pause-other = Anderer Grund

## Dienstplan aus einer Kalender-Datei (.ics)
participants-ics-all_day_event = Termin { $event } ist ganztägig. Eine Schicht braucht eine Uhrzeit.
participants-ics-byday_with_number = Termin { $event } wiederholt sich an einem bestimmten Tag im Monat ({ $detail }). Wir lesen nur Schichten, die sich jede Woche wiederholen.
participants-ics-invalid_byday = Termin { $event }: „{ $detail }“ ist kein Wochentag.
participants-ics-invalid_date_time = Termin { $event }: „{ $detail }“ ist kein gültiges Datum mit Uhrzeit.
participants-ics-invalid_duration = Termin { $event }: Die Dauer „{ $detail }“ ist nicht lesbar.
participants-ics-invalid_interval = Termin { $event }: Die Schicht wiederholt sich alle { $detail } Wochen. Möglich sind 1 bis 12 Wochen.
participants-ics-invalid_rrule = Termin { $event }: Die Regel für die Wiederholung ist nicht lesbar.
participants-ics-missing_dtstart = Termin { $event } hat keinen Beginn.
participants-ics-missing_end = Termin { $event } hat kein Ende und keine Dauer.
participants-ics-missing_rrule = Termin { $event } wiederholt sich nicht. Wir lesen nur Schichten, die sich jede Woche wiederholen.
participants-ics-no_calendar = Die Datei ist keine Kalender-Datei (.ics).
participants-ics-no_events = In der Datei stehen keine Schichten.
participants-ics-not_positive_duration = Termin { $event } endet vor seinem Beginn.
participants-ics-rdate_not_supported = Termin { $event } hat einzelne Zusatz-Termine. Diese können wir nicht lesen.
participants-ics-rotation_too_long = Der Schichtplan wiederholt sich erst nach { $detail } Wochen. Möglich sind höchstens 12 Wochen.
participants-ics-several_rrules = Termin { $event } hat mehrere Regeln für die Wiederholung. Wir lesen nur eine.
participants-ics-shift_too_long = Termin { $event } dauert 24 Stunden oder länger. Das ist keine Schicht.
participants-ics-unbalanced = Die Datei ist nicht vollständig. Ein Abschnitt ist nicht richtig geschlossen.
participants-ics-unsupported_frequency = Termin { $event } wiederholt sich nicht jede Woche ({ $detail }). Wir lesen nur Schichten, die sich jede Woche wiederholen.
participants-ics-unsupported_rrule_part = Termin { $event }: Die Regel „{ $detail }“ können wir nicht lesen.
participants-ics-wkst_with_interval = Termin { $event }: Die Woche beginnt hier nicht am Montag. Bei Schichten alle paar Wochen können wir das nicht lesen.
participants-ics-note-cancelled_ignored = Termin { $event } ist abgesagt. Er wurde nicht übernommen.
participants-ics-note-end_ignored = Termin { $event } hat ein Ende-Datum. Der Plan gilt hier ohne Ende.
participants-ics-note-exdate_ignored = Termin { $event } hat einzelne freie Tage. Diese wurden nicht übernommen.
participants-ics-note-override_ignored = Termin { $event } ändert nur einen einzelnen Tag. Er wurde nicht übernommen.

## Import aus einer CSV-Datei
participants-import-empty_file = Die Datei ist leer.
participants-import-missing_columns = Es fehlen Spalten für den Vornamen oder den Nachnamen. Bitte die Überschriften prüfen.
participants-import-too_many_rows = Die Datei hat zu viele Zeilen. Höchstens { $detail } Zeilen auf einmal.
participants-import-unreadable = Die Datei ist nicht lesbar.
participants-import-warning-unknown_column = Spalte { $column } („{ $name }“) kennen wir nicht. Sie wird nicht übernommen.
participants-import-warning-duplicate_column = Spalte { $column } („{ $name }“) gibt es schon in Spalte { $first }. Sie wird nicht übernommen.
participants-import-warning-invalid_utf8_replaced = Einige Zeichen in der Datei waren nicht lesbar. Bitte die Umlaute prüfen.
participants-import-warning-lost_characters = In Spalte { $column } („{ $name }“) steht ein „?“, wo wohl ein Buchstabe war (zum Beispiel „M?ller“). Die Datei wurde in einem Zeichensatz gespeichert, der diesen Buchstaben nicht kennt. Betroffene Zeilen: { $rows }. Bitte in Excel als „CSV UTF-8“ speichern und neu hochladen, oder die Namen nach dem Import korrigieren.
participants-import-warning-german_level_sub_level = Das Deutschniveau „{ $value }“ ist eine Teilstufe. Gespeichert wird { $level }. Betroffene Zeilen: { $rows }.
participants-import-warning-german_level_range = Das Deutschniveau „{ $value }“ ist ein Bereich. Gespeichert wird die niedrigere Stufe { $level }. Betroffene Zeilen: { $rows }.
