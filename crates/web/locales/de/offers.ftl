# Lernweg – Angebote und Durchgänge (crate lernweg-offers)
# Ids: offers-error-<feld>-<code>, offers-reason-<code>, offers-factor-<id>, offers-class-<klasse>,
# offers-level-<stufe>, offers-hint-<hinweis>, offers-col-<spalte>, offers-goal-/mode-/support-/
# time_model-/session-/weekday-<code>. Datumsangaben kommen als JJJJ-MM-TT.

## Einordnung (MISSION §1)
offers-class-synchronous = Berufsbegleitend, synchron
offers-class-asynchronous = Berufsbegleitend, asynchron
offers-class-mixed = Berufsbegleitend, gemischt
offers-class-not_part_time = Nicht berufsbegleitend

offers-time-model-name = { $model ->
    [evening_course] Abendkurs
    [block_seminar] Blockseminar
    [compact_seminar] Kompaktseminar
    [release_slots] Freistellungs-Slots
   *[self_paced] Selbstlernen
}

offers-reason-company_measure_only = Das Angebot ist eine betriebliche Maßnahme, die nur wesentliche Unterschiede für die Anerkennung ausgleicht. Solche Maßnahmen zählen nicht als berufsbegleitend.
offers-reason-time_model = Zeitmodell: { offers-time-model-name }.
offers-reason-nominal_week = Es gibt noch keinen Terminplan. Die Einordnung beruht auf dem Zeitmodell und einer Vollzeitstelle von Montag bis Freitag, 8 bis 16 Uhr.
offers-reason-work_pattern_assumed = Es ist kein Arbeitszeitmodell angegeben. Angenommen wird Vollzeit von Montag bis Freitag ab 8 Uhr.
offers-reason-full_time_weeks = In { $weeks } von { $total } Wochen liegen mindestens { $hours } Stunden Termine.
offers-reason-full_time_schedule = In { $share } % der Wochen verlangt der Plan eine Teilnahme wie in Vollzeit.
offers-reason-sessions_in_work_time = { $share } % der Terminstunden ({ $hours } Stunden) liegen in der Arbeitszeit.
offers-reason-sessions_outside_work_time = { $share } % der Terminstunden ({ $hours } Stunden) liegen außerhalb der Arbeitszeit.
offers-reason-self_paced_share = { $share } % der Stunden ({ $hours } Stunden) sind Selbstlerneinheiten, die man frei einteilen kann.
offers-reason-release_needed = { $days ->
    [one] An einem Tag brauchen Teilnehmende eine Freistellung.
   *[other] An { $days } Tagen brauchen Teilnehmende eine Freistellung.
}
offers-reason-needs_release = Einige Termine liegen in der üblichen Arbeitszeit. Dafür braucht es eine Freistellung oder Urlaub.

## Gelingensfaktoren (MISSION §1, §2.1–§2.3)
offers-factor-part_time_classification = Berufsbegleitend durchführbar
offers-factor-flexible_delivery = Flexible Lernformen
offers-factor-kickoff_closing_presence = Auftakt und Abschluss in Präsenz
offers-factor-device_loans = Geräte für Teilnehmende ohne eigene Technik
offers-factor-contact_person = Feste Ansprechperson für alle Teilnehmenden
offers-factor-staff_reachable_off_hours = Erreichbarkeit früh morgens und abends
offers-factor-employer_involvement = Betriebe bei der Planung beteiligt
offers-factor-dates_published_early = Termine früh veröffentlicht
offers-factor-exam_dates_in_timetable = Prüfungstermine im Terminplan
offers-factor-clear_end = Klares Ende und realistischer Zeitrahmen
offers-factor-modules_with_milestones = Module mit Zwischenzielen
offers-factor-load_within_limit = Keine Überlastung
offers-factor-release_agreed = Freistellung vereinbart
offers-factor-visible_to_advisers = Sichtbar für Betriebe und Beratung
offers-factor-language_prerequisite = Sprachvoraussetzung kritisch geprüft
offers-factor-plain_language = Einfache Sprache
offers-factor-mentoring = Mentoring
offers-factor-language_coaching = Sprachbegleitung
offers-factor-exchange_outside_work = Austauschtreffen außerhalb der Arbeitszeit
offers-factor-childcare_presence = Kinderbetreuung bei Präsenzterminen
offers-factor-readiness_check = Beratung zur Belastung vor dem Start

offers-status-met = erfüllt
offers-status-partly = teilweise erfüllt
offers-status-not_met = nicht erfüllt

offers-reason-classified_part_time = Das Angebot ist berufsbegleitend ({ $class ->
    [synchronous] synchron
    [asynchronous] asynchron
   *[mixed] gemischt
}).
offers-reason-classified_not_part_time = Das Angebot ist nicht berufsbegleitend.
offers-reason-flexible_delivery = Das Angebot nutzt Online-, Selbstlern- oder Blended-Formate.
offers-reason-presence_only = Alle Termine finden in Präsenz statt. Online-Formate würden Wege sparen.
offers-reason-kickoff_and_closing_in_presence = Auftakt und Abschluss finden in Präsenz statt.
offers-reason-closing_not_in_presence = Der Auftakt ist in Präsenz, der Abschluss nicht.
offers-reason-kickoff_not_in_presence = Der Abschluss ist in Präsenz, der Auftakt nicht.
offers-reason-no_kickoff_closing = Es gibt keinen Auftakt und keinen Abschluss in Präsenz.
offers-reason-devices_not_needed = Das Angebot braucht keine eigenen Geräte.
offers-reason-device_loans_offered = Teilnehmende ohne Gerät können eines ausleihen.
offers-reason-no_device_loans = Teile des Angebots sind online, aber es gibt keine Leihgeräte.
offers-reason-contact_person_unknown = Es ist nicht bekannt, ob alle Teilnehmenden eine feste Ansprechperson haben.
offers-reason-no_participants_yet = Es sind noch keine Teilnehmenden angemeldet.
offers-reason-contact_person_all = { $total ->
    [one] Die eine teilnehmende Person hat eine feste Ansprechperson.
   *[other] Alle { $total } Teilnehmenden haben eine feste Ansprechperson.
}
offers-reason-contact_person_some = { $with } von { $total } Teilnehmenden haben eine feste Ansprechperson.
offers-reason-contact_person_none = Keine der { $total } Teilnehmenden hat eine feste Ansprechperson.
offers-reason-staff_reachable_off_hours_yes = Das Team ist auch früh morgens und abends erreichbar.
offers-reason-staff_reachable_off_hours_unknown = Es ist nicht angegeben, ob das Team früh morgens und abends erreichbar ist.
offers-reason-staff_reachable_off_hours_no = Das Team ist nur zu üblichen Bürozeiten erreichbar.
offers-reason-reachable_all = { $total ->
    [one] Für die eine teilnehmende Person sind Ansprechperson, Kanal und Zeiten außerhalb der Arbeit festgehalten.
   *[other] Für alle { $total } Teilnehmenden sind Ansprechperson, Kanal und Zeiten außerhalb der Arbeit festgehalten.
}
offers-reason-reachable_some = Nur für { $with } von { $total } Teilnehmenden sind Ansprechperson, Kanal und Zeiten außerhalb der Arbeit festgehalten.
offers-reason-reachable_none = Für keine der { $total } Teilnehmenden sind Kanal und Zeiten außerhalb der Arbeit festgehalten.
offers-reason-employer_involvement_yes = Betriebe haben Rückmeldung zu den geplanten Terminen gegeben.
offers-reason-employer_involvement_unknown = Es ist nicht angegeben, ob Betriebe an der Planung beteiligt waren.
offers-reason-employer_involvement_no = Betriebe waren an der Planung nicht beteiligt.
offers-reason-no_timetable = Es gibt noch keinen Terminplan.
offers-reason-published_year_ahead = { $days ->
    [one] Die Termine wurden einen Tag vor dem Start veröffentlicht (Start: { $first }).
   *[other] Die Termine wurden { $days } Tage vor dem Start veröffentlicht (Start: { $first }).
}
offers-reason-published_late = { $days ->
    [one] Die Termine wurden einen Tag vor dem Start veröffentlicht. Besser sind zwölf Monate.
   *[other] Die Termine wurden { $days } Tage vor dem Start veröffentlicht. Besser sind zwölf Monate.
}
offers-reason-published_too_late = { $days ->
    [one] Die Termine wurden erst einen Tag vor dem Start veröffentlicht.
   *[other] Die Termine wurden erst { $days } Tage vor dem Start veröffentlicht.
}
offers-reason-not_published_time_left = Die Termine sind noch nicht veröffentlicht. Veröffentlichen Sie sie bis { $until }, zwölf Monate vor dem Start.
offers-reason-not_published = Die Termine sind noch nicht veröffentlicht, und der Start am { $first } ist weniger als zwölf Monate entfernt.
offers-reason-no_exam_defined = Das Angebot hat keine Prüfung. Sagen Sie klar, womit es endet.
offers-reason-no_exam_defined_expected = Für dieses Ziel ist eine Prüfung üblich, aber es ist keine geplant.
offers-reason-exams_without_timetable = { $count ->
    [one] Eine Prüfung ist geplant, aber noch nicht im Terminplan.
   *[other] { $count } Prüfungen sind geplant, aber noch nicht im Terminplan.
}
offers-reason-exams_in_timetable = { $count ->
    [one] Der eine Prüfungstermin steht im Terminplan.
   *[other] Alle { $count } Prüfungstermine stehen im Terminplan.
}
offers-reason-exams_missing_in_timetable = Nur { $planned } von { $count } Prüfungen stehen im Terminplan.
offers-reason-end_after_deadline = Der Plan endet am { $end }, nach dem gewünschten Ende am { $deadline }.
offers-reason-clear_end = { $weeks ->
    [one] Das Angebot endet am { $end } nach einer Woche.
   *[other] Das Angebot endet am { $end } nach { $weeks } Wochen.
}
offers-reason-all_modules_with_milestones = { $count ->
    [one] Das eine Modul hat ein Zwischenziel.
   *[other] Alle { $count } Module haben ein Zwischenziel.
}
offers-reason-some_modules_with_milestones = { $count ->
    [one] { $with } von einem Modul hat ein Zwischenziel.
   *[other] { $with } von { $count } Modulen haben ein Zwischenziel.
}
offers-reason-single_short_module = Das Angebot hat nur ein Modul mit { $hours } Stunden.
offers-reason-single_long_module = Das Angebot hat nur ein langes Modul mit { $hours } Stunden. Teilen Sie es in Module mit Zwischenzielen.
offers-reason-no_timetable_load = Die Belastung lässt sich erst mit einem Terminplan prüfen.
offers-reason-load_within_limit = Die höchste Wochenbelastung liegt bei { $peak } Stunden und damit unter der Grenze von { $limit } Stunden.
offers-reason-load_occasional_peaks = { $weeks ->
    [one] In einer Woche liegt die Belastung über { $limit } Stunden (höchstens { $peak } Stunden). Das ist nur eine einzelne Spitze.
   *[other] In { $weeks } Wochen liegt die Belastung über { $limit } Stunden (höchstens { $peak } Stunden). Das sind nur einzelne Spitzen.
}
offers-reason-load_over_limit = { $weeks ->
    [one] In einer Woche liegt die Belastung über { $limit } Stunden (höchstens { $peak } Stunden).
   *[other] In { $weeks } Wochen liegt die Belastung über { $limit } Stunden (höchstens { $peak } Stunden).
}
offers-reason-no_release_needed = Kein Termin liegt in der Arbeitszeit. Eine Freistellung ist nicht nötig.
offers-reason-release_agreed = { $days ->
    [one] Für einen Tag in der Arbeitszeit ist eine Freistellung vereinbart.
   *[other] Für { $days } Tage in der Arbeitszeit ist eine Freistellung vereinbart.
}
offers-reason-release_unknown = { $days ->
    [one] An einem Tag liegen Termine in der Arbeitszeit. Ob eine Freistellung vereinbart ist, ist nicht bekannt.
   *[other] An { $days } Tagen liegen Termine in der Arbeitszeit. Ob eine Freistellung vereinbart ist, ist nicht bekannt.
}
offers-reason-release_missing = { $days ->
    [one] An einem Tag liegen Termine in der Arbeitszeit, aber es gibt keine Freistellung.
   *[other] An { $days } Tagen liegen Termine in der Arbeitszeit, aber es gibt keine Freistellung.
}
offers-reason-public_and_portal = Das Angebot hat eine öffentliche Seite und steht in KURSNET / mein NOW.
offers-reason-public_no_portal = Das Angebot hat eine öffentliche Seite, steht aber nicht in KURSNET / mein NOW.
offers-reason-portal_no_public = Das Angebot steht in KURSNET / mein NOW, hat aber keine öffentliche Seite.
offers-reason-not_visible = Das Angebot ist weder öffentlich noch in KURSNET / mein NOW zu finden.
offers-reason-no_language_prerequisite = Es gibt keine Sprachvoraussetzung.
offers-reason-language_prerequisite_moderate = Die Sprachvoraussetzung ist { $level }.
offers-reason-language_prerequisite_justified = Die Sprachvoraussetzung { $level } ist begründet. Prüfen Sie, ob sie wirklich nötig ist.
offers-reason-language_prerequisite_unjustified = Die Sprachvoraussetzung { $level } ist nicht begründet.
offers-reason-no_description = Es gibt keine Beschreibung für Teilnehmende.
offers-reason-plain_language_ok = Die Beschreibung ist gut lesbar (Lesbarkeit { $score }).
offers-reason-plain_language_medium = Die Beschreibung ist mittelschwer zu lesen (Lesbarkeit { $score }). Kürzere Sätze und Wörter helfen.
offers-reason-plain_language_hard = Die Beschreibung ist schwer zu lesen (Lesbarkeit { $score }).
offers-reason-mentoring_offered = Es gibt Mentoring.
offers-reason-no_mentoring = Es gibt kein Mentoring.
offers-reason-language_coaching_offered = Es gibt Sprachbegleitung.
offers-reason-language_is_content = Sprache ist selbst Inhalt des Angebots.
offers-reason-no_language_coaching = Es gibt keine Sprachbegleitung.
offers-reason-no_exchange = Es gibt keine Austauschtreffen.
offers-reason-exchange_not_scheduled = Austauschtreffen sind vorgesehen, aber nicht im Terminplan.
offers-reason-exchange_outside_work_time = { $count ->
    [one] Das eine Austauschtreffen liegt außerhalb der Arbeitszeit.
   *[other] Alle { $count } Austauschtreffen liegen außerhalb der Arbeitszeit.
}
offers-reason-exchange_partly_in_work_time = { $in_work } von { $count } Austauschtreffen liegen in der Arbeitszeit.
offers-reason-exchange_in_work_time = { $count ->
    [one] Das eine Austauschtreffen liegt in der Arbeitszeit.
   *[other] Alle { $count } Austauschtreffen liegen in der Arbeitszeit.
}
offers-reason-exchange_slot_in_work_time = Die Austauschtreffen liegen in der üblichen Arbeitszeit.
offers-reason-exchange_slot_outside_work_time = Die Austauschtreffen liegen außerhalb der üblichen Arbeitszeit.
offers-reason-childcare_not_needed = Es gibt keine Präsenztermine.
offers-reason-childcare_offered = Bei Präsenzterminen gibt es Kinderbetreuung.
offers-reason-no_childcare = Bei Präsenzterminen gibt es keine Kinderbetreuung.
offers-reason-readiness_check_yes = Vor dem Start gibt es eine Beratung zur Belastung.
offers-reason-readiness_check_unknown = Es ist nicht angegeben, ob es vor dem Start eine Beratung zur Belastung gibt.
offers-reason-readiness_check_no = Vor dem Start gibt es keine Beratung zur Belastung.
offers-reason-checked_all = { $total ->
    [one] Die eine teilnehmende Person hatte vor dem Start eine Beratung zur Belastung.
   *[other] Alle { $total } Teilnehmenden hatten vor dem Start eine Beratung zur Belastung.
}
offers-reason-checked_some = { $with } von { $total } Teilnehmenden hatten vor dem Start eine Beratung zur Belastung.
offers-reason-checked_none = Keine der { $total } Teilnehmenden hatte vor dem Start eine Beratung zur Belastung.

## Lesbarkeit
offers-level-very_easy = sehr leicht
offers-level-easy = leicht
offers-level-fairly_easy = eher leicht
offers-level-medium = mittel
offers-level-fairly_difficult = eher schwer
offers-level-difficult = schwer
offers-level-very_difficult = sehr schwer
offers-level-no_text = kein Text
offers-hint-split_compound = Langes Wort: Trennen Sie es mit einem Mediopunkt, zum Beispiel { $suggestion }.
offers-hint-use_shorter_word = Langes Wort: Gibt es ein kürzeres Wort?
offers-reason-no_text = Der Text ist leer.
offers-reason-flesch_below_target = Die Lesbarkeit ist { $score }. Ziel ist mindestens { $target }.
offers-reason-long_sentences = { $count ->
    [one] Ein Satz hat mehr als { $limit } Wörter ({ $max } Wörter).
   *[other] { $count } Sätze haben mehr als { $limit } Wörter (der längste { $max }).
}
offers-reason-long_words = { $count ->
    [one] Ein Wort ist lang.
   *[other] { $count } Wörter sind lang.
}

## Fehlermeldungen
offers-error-title-required = Bitte geben Sie einen Titel ein.
offers-error-title-too_short = Der Titel braucht mindestens { $min } Zeichen.
offers-error-title-too_long = Der Titel darf höchstens { $max } Zeichen haben.
offers-error-goal-required = Bitte wählen Sie ein Ziel.
offers-error-goal-unknown = Dieses Ziel gibt es nicht.
offers-error-company_measure_only-needs_compensation_measure = Nur eine Ausgleichsmaßnahme kann eine rein betriebliche Maßnahme sein.
offers-error-kldb-required = Bitte geben Sie das Berufsfeld (KldB 2010) an.
offers-error-kldb-invalid = Der KldB-Schlüssel hat 1 bis 5 Ziffern.
offers-error-target_group-required = Bitte beschreiben Sie die Zielgruppe.
offers-error-description-too_long = Die Beschreibung darf höchstens { $max } Zeichen haben.
offers-error-delivery_modes-required = Bitte wählen Sie mindestens eine Lernform.
offers-error-delivery_modes-unknown = Diese Lernform gibt es nicht.
offers-error-time_model-required = Bitte wählen Sie ein Zeitmodell.
offers-error-time_model-unknown = Dieses Zeitmodell gibt es nicht.
offers-error-time_model-slots_overlap = Zwei Zeitfenster überschneiden sich.
offers-error-time-required = Bitte geben Sie eine Uhrzeit ein.
offers-error-time-invalid_time = Bitte geben Sie die Uhrzeit als SS:MM ein, zum Beispiel 18:00.
offers-error-time-end_before_start = Das Ende muss nach dem Beginn liegen.
offers-error-weekday-required = Bitte wählen Sie einen Wochentag.
offers-error-weekday-invalid = Diesen Wochentag gibt es nicht.
offers-error-weeks_per_quarter-invalid_number = Bitte geben Sie eine Zahl ein.
offers-error-weeks_per_quarter-too_small = Es muss mindestens { $min } Woche pro Quartal sein.
offers-error-weeks_per_quarter-too_large = Es dürfen höchstens { $max } Wochen pro Quartal sein.
offers-error-hours_per_week-invalid_number = Bitte geben Sie eine Zahl ein.
offers-error-hours_per_week-not_positive = Die Stunden pro Woche müssen größer als 0 sein.
offers-error-hours_per_week-too_large = Es dürfen höchstens { $max } Stunden pro Woche sein.
offers-error-modules-required = Bitte legen Sie mindestens ein Modul an.
offers-error-module_title-required = Bitte geben Sie Modul { $number } einen Titel.
offers-error-module_hours-required = Bitte geben Sie die Stunden des Moduls an.
offers-error-module_hours-invalid_number = Bitte geben Sie die Stunden als Zahl ein.
offers-error-module_hours-not_positive = Die Stunden müssen größer als 0 sein.
offers-error-module_hours-too_large = Ein Modul darf höchstens { $max } Stunden haben.
offers-error-module_self_study-invalid_number = Bitte geben Sie die Selbstlernstunden als Zahl ein.
offers-error-module_self_study-negative = Die Selbstlernstunden dürfen nicht negativ sein.
offers-error-module_self_study-too_large = Es dürfen höchstens { $max } Selbstlernstunden pro Woche sein.
offers-error-exam_after_module-required = Bitte wählen Sie, nach welchem Modul die Prüfung ist.
offers-error-exam_after_module-invalid_number = Bitte geben Sie die Modulnummer als Zahl ein.
offers-error-exam_after_module-too_small = Die Modulnummer beginnt bei { $min }.
offers-error-exam_after_module-too_large = Es gibt nur { $max } Module.
offers-error-exam_title-required = Bitte geben Sie Prüfung { $number } einen Titel.
offers-error-exam_hours-required = Bitte geben Sie die Dauer der Prüfung an.
offers-error-exam_hours-invalid_number = Bitte geben Sie die Dauer als Zahl ein.
offers-error-exam_hours-not_positive = Die Dauer muss größer als 0 sein.
offers-error-exam_hours-too_large = Eine Prüfung darf höchstens { $max } Stunden dauern.
offers-error-exchange_every_weeks-required = Bitte geben Sie an, wie oft das Austauschtreffen ist.
offers-error-exchange_every_weeks-invalid_number = Bitte geben Sie eine Zahl ein.
offers-error-exchange_every_weeks-too_small = Das Austauschtreffen ist höchstens jede Woche.
offers-error-exchange_every_weeks-too_large = Das Austauschtreffen ist mindestens alle { $max } Wochen.
offers-error-language_level-unknown = Bitte wählen Sie ein Sprachniveau von A1 bis C2.
offers-error-language_justification-required_above_b1 = Das Niveau { $level } liegt über B1. Bitte begründen Sie es (mindestens { $min } Zeichen).
offers-error-support-unknown = Dieses Unterstützungsangebot gibt es nicht.
offers-error-location_city-required_for_presence = Für Präsenztermine brauchen wir einen Ort.
offers-error-location_zip-invalid = Die Postleitzahl hat 5 Ziffern.
offers-error-costs-invalid_number = Bitte geben Sie die Kosten als Zahl ein, zum Beispiel 150,00.
offers-error-costs-negative = Die Kosten dürfen nicht negativ sein.
offers-error-costs-too_large = Die Kosten sind zu hoch.
offers-error-capacity-required = Bitte geben Sie die Zahl der Plätze an.
offers-error-capacity-invalid_number = Bitte geben Sie die Plätze als ganze Zahl ein.
offers-error-capacity-out_of_range = Es sind { $min } bis { $max } Plätze möglich.
offers-error-contact_name-required = Bitte geben Sie eine Ansprechperson an.
offers-error-contact_email-required = Bitte geben Sie eine E-Mail-Adresse an.
offers-error-contact_email-invalid = Diese E-Mail-Adresse ist ungültig.
offers-error-keywords-too_long = Ein Schlagwort darf höchstens { $max } Zeichen haben.
offers-error-keywords-too_many = Es sind höchstens { $max } Schlagwörter möglich.
offers-error-load_limit-invalid_number = Bitte geben Sie die Belastungsgrenze als Zahl ein.
offers-error-load_limit-not_positive = Die Belastungsgrenze muss größer als 0 sein.
offers-error-load_limit-too_large = Die Belastungsgrenze darf höchstens { $max } Stunden sein.

## Vokabular
offers-goal-full_recognition = Volle Anerkennung
offers-goal-partial_recognition = Teilweise Anerkennung
offers-goal-compensation_measure = Ausgleichsmaßnahme
offers-goal-adaptation_qualification = Anpassungsqualifizierung
offers-goal-bridging_programme = Brückenmaßnahme
offers-goal-partial_qualification = Teilqualifizierung (TQ)
offers-goal-language_support = Berufsbezogene Sprachförderung
offers-mode-online_live = Online live
offers-mode-self_paced = Selbstlerneinheiten
offers-mode-blended = Blended Learning
offers-mode-presence = Präsenz
offers-support-mentoring = Mentoring
offers-support-language_coaching = Sprachbegleitung
offers-support-childcare = Kinderbetreuung bei Präsenzterminen
offers-support-device_loans = Leihgeräte
offers-support-exchange_meetings = Austauschtreffen
offers-time_model-evening_course = Abendkurs
offers-time_model-block_seminar = Blockseminar
offers-time_model-compact_seminar = Kompaktseminar
offers-time_model-release_slots = Freistellungs-Slots
offers-time_model-self_paced = Selbstlernen
offers-session-lesson = Unterricht
offers-session-exam = Prüfung
offers-session-kickoff = Auftakt
offers-session-closing = Abschluss
offers-session-exchange = Austausch
offers-session-self_paced = Selbstlernen
offers-weekday-mon = Mo
offers-weekday-tue = Di
offers-weekday-wed = Mi
offers-weekday-thu = Do
offers-weekday-fri = Fr
offers-weekday-sat = Sa
offers-weekday-sun = So

## Spalten der Exporte
offers-col-title = Titel
offers-col-slug = Kurzname
offers-col-goal = Ziel
offers-col-kldb = Berufsfeld (KldB 2010)
offers-col-target_group = Zielgruppe
offers-col-delivery_modes = Lernformen
offers-col-time_model = Zeitmodell
offers-col-modules = Module
offers-col-hours = Stunden
offers-col-exams = Prüfungen
offers-col-language_level = Sprachniveau
offers-col-support = Unterstützung
offers-col-city = Ort
offers-col-costs_eur = Kosten (EUR)
offers-col-capacity = Plätze
offers-col-contact = Ansprechperson
offers-col-email = E-Mail
offers-col-classification = Einordnung
offers-col-date = Datum
offers-col-weekday = Wochentag
offers-col-start = Beginn
offers-col-end = Ende
offers-col-kind = Art
offers-col-module = Modul
offers-col-session_title = Termin
