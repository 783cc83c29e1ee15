# Durchgänge, Termine, Kalender

session-kind-lesson = Unterricht
session-kind-exam = Prüfung
session-kind-kickoff = Auftakt
session-kind-closing = Abschluss
session-kind-exchange = Austausch
session-kind-self_paced = Selbstlernen

cohorts-title = Durchgänge
cohorts-intro = Ein Durchgang ist ein Lauf eines Angebots mit festen Terminen. Der Stundenplan entsteht aus dem Zeitmodell des Angebots und den Feiertagen des Bundeslandes.
cohorts-none = Es gibt noch keine Durchgänge.
cohorts-caption = Durchgänge nach Beginn
cohorts-new = Neuen Durchgang planen
cohorts-create = Durchgang anlegen und Stundenplan erzeugen
cohorts-need-offer = Legen Sie zuerst ein Angebot an.
cohorts-back = Zurück zu allen Durchgängen
cohorts-my-calendar = Meine Termine im Kalender
cohorts-my-calendar-intro = Ein Kalender-Link mit allen Terminen, die Sie unterrichten. Tragen Sie ihn in Outlook, Thunderbird oder Google Kalender als Abonnement ein.
cohort-title = Durchgang
cohort-name = Bezeichnung
cohort-name-hint = Zum Beispiel „Frühjahr 2027“ oder „Gruppe Köln 2“.
cohort-offer = Angebot
cohort-start = Beginn
cohort-end = Ende
cohort-state = Bundesland
cohort-state-hint = Die Feiertage dieses Bundeslandes fallen aus.
cohort-room = Raum
cohort-online-link = Online-Raum (Link)
cohort-trainers = Lehrkräfte
cohort-hours = Stunden (ohne abgesagte Termine)
cohort-exams = Prüfungstermine
cohort-status-draft = Entwurf
cohort-status-published = Veröffentlicht
cohort-status-running = Läuft
cohort-status-finished = Abgeschlossen
cohort-running-since-join = Läuft seit { $date }, Einstieg noch bis { $until } möglich
cohort-running-since-closed = Läuft seit { $date }, kein Einstieg mehr möglich
cohort-status-stored = (eingetragen: { $status })
cohort-advance-published = Stundenplan verbindlich veröffentlichen
cohort-advance-running = Durchgang starten
cohort-advance-finished = Durchgang abschließen
cohort-timetable = Stundenplan
cohort-timetable-caption = Alle Termine, auch abgesagte
cohort-binding-note = Der Stundenplan ist veröffentlicht und verbindlich. Jede Änderung braucht einen Grund und wird in den Kalendern aktualisiert.
cohort-replan = Stundenplan neu erzeugen
cohort-replan-submit = Neu planen
cohort-self-paced-due = fällig an diesem Tag
cohort-month-title = Monatsansicht
cohort-months-nav = Monate des Durchgangs
cohort-month-prev = Vorheriger Monat
cohort-month-next = Nächster Monat
cohort-month-count = { $count ->
    [one] 1 Termin
   *[other] { $count } Termine
}
cohort-month-scroll-hint = Der Monat ist breiter als der Bildschirm: Wischen Sie seitlich, um alle Tage bis Sonntag zu sehen.
cohort-month-today = Heute
cohort-week = KW
cohort-path-title = Lernweg
cohort-path-list = Der Lernweg als Liste
cohort-path-empty = Dieser Durchgang hat noch keine Termine.
cohort-error-date = Bitte geben Sie ein Datum ein (TT.MM.JJJJ).
cohort-error-time = Bitte geben Sie eine Uhrzeit ein (HH:MM).
cohort-error-cannot-plan = Mit diesem Beginn lässt sich kein Stundenplan erzeugen. Bitte prüfen Sie das Angebot.
cohort-error-transition = Dieser Statuswechsel ist nicht möglich.
cohort-error-not-draft = Nur ein Entwurf kann neu geplant werden.

session-title = Termin
session-date = Datum
session-time = Uhrzeit
session-start = Beginn
session-end = Ende
session-hours = Stunden
session-kind = Art
session-module = Modul
session-title-col = Titel
session-cancelled = abgesagt
session-confirmed = findet statt
session-changed = geändert
session-sequence = Änderungsstand (SEQUENCE)
session-back = Zurück zu { $name }
session-move = Termin verschieben
session-move-submit = Termin verschieben
session-impact-title = Vor dem Speichern: Diese Verschiebung trifft
session-impact-holiday = Der { $date } ist ein Feiertag: { $name }.
session-impact-shift = { $name } arbeitet zu dieser Zeit (Schicht ab { $day }, { $start }–{ $end } Uhr).
session-impact-hint = Ändern Sie Datum oder Uhrzeit – oder speichern Sie die Verschiebung trotzdem.
session-impact-confirm = Trotzdem verschieben
session-cancel = Termin absagen
session-cancel-submit = Termin absagen
session-reason = Grund der Änderung
session-reason-required = Pflicht: Der Stundenplan ist veröffentlicht.
session-reason-optional = Freiwillig, solange der Stundenplan ein Entwurf ist.
session-history = Verlauf
session-history-none = Dieser Termin wurde noch nicht geändert.
session-add = Termin hinzufügen
session-add-submit = Termin hinzufügen
session-error-required = Bitte geben Sie einen Grund an: Der Stundenplan ist veröffentlicht.
session-error-too_long = Der Grund ist zu lang (höchstens 500 Zeichen).
session-error-before_start = Das Ende muss nach dem Beginn liegen.
session-error-finished = Der Durchgang ist abgeschlossen.
session-error-add = Bitte geben Sie Datum, Beginn, Ende, Art und Titel des neuen Termins an.

feeds-title = Kalender-Links
feeds-intro = Über einen Kalender-Link sehen Teilnehmende und Betriebe alle Termine in ihrem Kalender, auch Änderungen und Absagen. Wer den Link kennt, sieht die Termine: Widerrufen Sie Links, die nicht mehr gebraucht werden.
feeds-caption = Kalender-Links dieses Durchgangs
feed-create = Neuen Kalender-Link erzeugen
feed-created = Ihr neuer Kalender-Link. Kopieren Sie ihn jetzt: Er wird nur dieses eine Mal angezeigt.
feed-revoke = Link { $prefix }… widerrufen

weekday-mon = Mo
weekday-tue = Di
weekday-wed = Mi
weekday-thu = Do
weekday-fri = Fr
weekday-sat = Sa
weekday-sun = So
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Publication horizon (issue 13, point 4)
session-lead = Vorlauf
session-lead-short = zu kurz
cohort-lead-weeks = { $weeks } { $weeks ->
    [one] Woche
   *[other] Wochen
  }
cohort-horizon-draft = Noch nicht veröffentlicht. Wird der Stundenplan heute veröffentlicht, erfahren Teilnehmende und Betriebe den ersten Termin { $weeks } Wochen vorher. Mindestvorlauf des Trägers: { $min } Wochen; Ziel: { $goal } Wochen, damit Betriebe Schichten planen können.
cohort-horizon-short = { $short ->
    [one] Ein Termin wurde
   *[other] { $short } Termine wurden
  } mit weniger als { $min } Wochen Vorlauf veröffentlicht (kürzester Vorlauf: { $shortest } Wochen). Mindestvorlauf des Trägers: { $min } Wochen; Ziel: { $goal } Wochen.
cohort-horizon-ok = Alle Termine wurden mit mindestens { $min } Wochen Vorlauf veröffentlicht (kürzester Vorlauf: { $shortest } Wochen; Ziel: { $goal } Wochen).

## Participants and release on the cohort page (issue 13, point 9)
cohort-members = Teilnehmende
cohort-members-empty = Noch niemand ist für diesen Durchgang eingetragen.
cohort-member-name = Name
cohort-capacity = { $used } von { $capacity } Plätzen belegt (eingeschrieben, aktiv oder pausiert).
cohort-member-modules = nur { $count ->
    [one] Modul
   *[other] Module
} { $modules }
cohort-module-seats = Modul { $module }: { $used } von { $capacity } Plätzen belegt (mit den Teilnehmenden nur für einzelne Module)
cohort-module-seats-over = Modul { $module }: { $used } von { $capacity } Plätzen belegt – überbelegt
cohort-release = Freistellung je Termin
cohort-release-intro = An diesen Terminen arbeiten Teilnehmende laut ihren Arbeitszeiten; der Betrieb muss sie freistellen.
cohort-release-none = Kein kommender Termin fällt in die erfassten Arbeitszeiten der Teilnehmenden.
cohort-release-col-who = Wer braucht Freistellung
cohort-release-who = { $name } ({ $hours } Std.): { $answer }
cohort-release-not-asked = noch nicht angefragt

## Time models compared for a draft (issue 13, point 3)
cohort-compare = Zeitmodelle im Vergleich
cohort-compare-intro = Das Angebot ab dem Start dieses Durchgangs mit jedem Zeitmodell geplant, mit den Feiertagen des Landes. Länger mit wenig Last pro Woche ist besser als kurz mit dauernd hoher Last.
cohort-compare-model = Zeitmodell
cohort-compare-weeks = Wochen
cohort-compare-load = Stunden pro Woche (Schnitt / Spitze)
cohort-compare-release = Tage mit Freistellung
cohort-compare-deadline = Frist eingehalten
cohort-compare-yes = ja
cohort-compare-no = nein
cohort-compare-recommended = Empfehlung: { $model }

## Planning controls and planning with the employers (issue 13, point 3)
cohort-deadline = Frist (spätestes Ende)
cohort-deadline-hint = Zum Beispiel das Ende der Förderung. Der Plan zeigt, ob er sie einhält.
cohort-closures = Schließzeiten
cohort-closures-hint = Eine Zeile je Zeitraum: erster Tag, letzter Tag, Name – zum Beispiel „01.07.2027 – 31.07.2027 Sommerschließung“. An diesen Tagen gibt es keine Termine; die Feiertage des Landes sind schon berücksichtigt.
cohort-deadline-missed = Der Plan endet am { $end }, nach der Frist { $deadline }. Prüfen Sie die Schließzeiten oder wählen Sie ein anderes Zeitmodell.
cohort-error-closure-line = Zeile { $line } der Schließzeiten ist kein Zeitraum. Bitte schreiben Sie zum Beispiel „01.07.2027 – 31.07.2027 Sommerschließung“.
cohort-error-deadline = Die Frist liegt vor dem Beginn.
cohort-error-closures-many = Bitte höchstens 20 Schließzeiten angeben.
cohort-error-closure-name = Der Name einer Schließzeit ist zu lang (höchstens 120 Zeichen).
cohort-error-closure-order = Eine Schließzeit endet vor ihrem ersten Tag.
cohort-error-not-draft-share = Nur ein Entwurf kann mit den Betrieben abgestimmt werden.
cohort-planning = Abstimmung mit den Betrieben
cohort-planning-intro = Teilen Sie den Entwurf mit den Betrieben der Teilnehmenden. Ihre Ansprechpersonen sehen die geplanten Termine, markieren Zeiträume, die nicht gehen (Hochsaison, Inventur, Betriebsferien), und schreiben Anmerkungen. Danach planen Sie den Entwurf um diese Zeiträume herum neu.
cohort-planning-no-employers = Noch kein Betrieb: Keine der angemeldeten Personen ist mit Einwilligung mit einem Betrieb verbunden.
cohort-share = Entwurf mit den Betrieben teilen
cohort-shared-at = Mit den Betrieben geteilt am { $date }.
cohort-answers = Rückmeldungen der Betriebe
cohort-answers-none = Noch keine Rückmeldungen.
cohort-answer-employer = Betrieb
cohort-answer-period = Zeitraum, der nicht geht
cohort-answer-comment = Anmerkung
cohort-answer-hits = Betroffene Termine
cohort-answer-no-hits = keine – der Plan liegt schon außerhalb
cohort-answer-hit-count = { $count ->
    [one] 1 Termin
   *[other] { $count } Termine
}
cohort-replan-around = Die { $count } Zeiträume der Betriebe ebenfalls frei halten
plan-reason-peak_season = Hochsaison
plan-reason-inventory = Inventur
plan-reason-business_holidays = Betriebsferien
plan-reason-other = Anderer Grund

# Session times for the shifts (issue 17, point 4)
slots-title = Kurszeiten wählen
slots-heading = Kurszeiten für { $name } wählen
slots-back = Zurück zum Durchgang
slots-intro = Geben Sie mögliche wöchentliche Termine an. Lernweg wählt die Kombination, mit der die meisten eingeschriebenen und interessierten Teilnehmenden trotz ihrer Schichten (mit Wegezeit und Feiertagen) genug Termine besuchen können — genau, nicht geschätzt. Gezählt werden Personen mit erfasster Arbeitszeit.
slots-candidates = Mögliche Termine
slots-row = Termin { $n }
slots-start = Beginn
slots-end = Ende
slots-choose = Wie viele Termine pro Woche?
slots-threshold = Mindestanteil der Termine, die eine Person besuchen kann (Prozent)
slots-submit = Beste Kombination berechnen
slots-result = Ergebnis
slots-period = Ab { $start }, { $weeks } Wochen, { $count ->
    [one] eine Person
   *[other] { $count } Personen
} mit Arbeitszeit.
slots-sets = Die besten Kombinationen, beste zuerst
slots-col-slots = Termine
slots-col-able = Personen mit genug Terminen
slots-col-sessions = Besuchbare Termine
slots-people = Wer kann mit der besten Kombination wie viele Termine besuchen?
slots-col-person = Person
slots-col-attendable = besuchbar
slots-error-candidates = Bitte jeden Termin mit Wochentag, Beginn und Ende angeben (Ende nicht gleich Beginn).
slots-error-choose = Bitte zwischen 1 und der Zahl der angegebenen Termine wählen.
slots-error-threshold = Bitte einen Anteil von 0 bis 100 Prozent angeben.
slots-error-status = Kurszeiten werden gewählt, solange der Durchgang ein Entwurf ist.
slots-link = Kurszeiten für die Schichten wählen
slots-applied = Eigene Kurszeiten
slots-apply = Diese Zeiten übernehmen
slots-error-apply-count = Diese Zahl von Terminen passt nicht zum Zeitmodell des Angebots (Abendkurs und Freistellungs-Slots: 1 bis 7, Blockseminar und Selbstlernen: genau 1).
slots-error-apply-overlap = Zwei der Termine überschneiden sich.
slots-error-apply-end-before-start = Ein Termin endet erst am nächsten Tag. Übernehmen lassen sich nur Termine an einem Tag.
slots-error-apply-not-weekly = Ein Kompaktseminar hat keine wöchentlichen Termine.
slots-error-apply-cannot-plan = Mit diesen Zeiten lässt sich der Stundenplan nicht planen.
