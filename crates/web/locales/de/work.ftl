# Arbeitszeit (Schicht- und Dienstplan) der Teilnehmenden und die Prüfung des Stundenplans
# dagegen. Ids: wp-…; Fehler der Regeln: participants-error-<feld>-<code>.

wp-title = Arbeitszeit
wp-heading = Arbeitszeit: { $name }
wp-edit-link = Arbeitszeit eintragen oder ändern
wp-back = Zurück zur Person
wp-none = Es ist noch keine Arbeitszeit eingetragen. Ohne sie kann Lernweg nicht prüfen, ob Termine in die Arbeitszeit fallen.
wp-current-heading = Eingetragene Arbeitszeit
wp-average = Arbeitszeit pro Woche (Durchschnitt)
wp-hours = { $hours } Stunden
wp-minutes = { $minutes } Minuten
wp-cycle = Rhythmus
wp-cycle-fixed = jede Woche gleich
wp-cycle-weeks = { $weeks ->
    [one] Wechsel jede Woche
   *[other] Wechsel alle { $weeks } Wochen
}
wp-cycle-anchor = Woche 1 beginnt am { $date }
wp-travel = Weg zum Kurs (eine Richtung)
wp-source = Eingetragen
wp-source-form = im Formular
wp-source-ics = aus einer Kalenderdatei
wp-source-api = über die Schnittstelle
wp-shifts-caption = Schichten
wp-col-week = Woche
wp-col-day = Tag
wp-col-from = von
wp-col-to = bis
wp-day-choose = – Tag wählen –
wp-day-mon = Montag
wp-day-tue = Dienstag
wp-day-wed = Mittwoch
wp-day-thu = Donnerstag
wp-day-fri = Freitag
wp-day-sat = Samstag
wp-day-sun = Sonntag
wp-form-heading = Arbeitszeit eintragen
wp-form-intro = Eine Zeile pro Schicht. Endet eine Schicht nach Mitternacht (Nachtschicht), tragen Sie einfach die Uhrzeit am nächsten Morgen als Ende ein. Leere Zeilen werden nicht gespeichert.
wp-weeks-label = Der Schichtplan wiederholt sich nach … Wochen
wp-weeks-hint = 1 heißt: jede Woche gleich. Bei Wechselschicht die Zahl der Wochen, nach der alles wieder von vorn beginnt (höchstens 12).
wp-anchor-label = Woche 1 ist die Woche mit diesem Tag
wp-anchor-hint = Nur bei Wechselschicht nötig.
wp-travel-label = Weg zum Kurs, eine Richtung (Minuten)
wp-rows-legend = Schichten
wp-rows-hint = Bei Wechselschicht für jede Zeile die Woche wählen.
wp-more-rows = Weitere Zeilen
wp-save = Arbeitszeit speichern
wp-saved = Die Arbeitszeit ist gespeichert.
wp-imported = Der Schichtplan ist aus der Kalenderdatei übernommen.
wp-ics-heading = Schichtplan aus einer Kalenderdatei übernehmen
wp-ics-intro = Viele Dienstplan-Programme und Kalender können Schichten als .ics-Datei speichern. Lernweg liest Schichten, die sich jede Woche oder alle paar Wochen wiederholen. Die eingetragene Arbeitszeit wird dabei ersetzt.
wp-ics-file = Kalenderdatei (.ics)
wp-ics-submit = Datei übernehmen
wp-ics-notes = Hinweise zur Datei:
wp-ics-required = Bitte eine Kalenderdatei auswählen.
wp-ics-unreadable = Die Datei konnte nicht gelesen werden. Bitte noch einmal versuchen.
wp-ics-too-large = Die Datei ist zu groß. Ein Schichtplan hat höchstens 512 KB.
wp-ics-not-utf8 = Die Datei ist keine Textdatei in UTF-8. Bitte als .ics (iCalendar) speichern.
wp-delete-heading = Arbeitszeit löschen
wp-delete = Eingetragene Arbeitszeit löschen
wp-fit-pattern = Arbeitszeit: durchschnittlich { $hours } Stunden pro Woche.
wp-fit-no-enrolment = Keine laufende Anmeldung. Sobald die Person für einen Durchgang angemeldet ist, prüft Lernweg dessen Termine gegen die Arbeitszeit.
wp-fit-no-sessions = Der Durchgang hat noch keine Termine.
wp-fit-summary = Belastung mit Arbeit, Terminen, Selbstlernzeit und Weg: durchschnittlich { $avg } Stunden pro Woche, höchstens { $peak } Stunden (Grenze: { $limit } Stunden).
wp-fit-over = { $count ->
    [one] In einer Woche liegt die Belastung über { $limit } Stunden.
   *[other] In { $count } Wochen liegt die Belastung über { $limit } Stunden.
}
wp-fit-over-short = über der Grenze
wp-fit-release = Termine in der Arbeitszeit: { $count }, zusammen { $hours } Stunden. Dafür braucht die Person eine Freistellung oder Urlaub.
wp-fit-no-collisions = Kein Termin fällt in die Arbeitszeit.
wp-fit-collisions-summary = Termine in der Arbeitszeit anzeigen
wp-fit-collisions-caption = Termine in der Arbeitszeit
wp-fit-col-time = Uhrzeit
wp-fit-col-session = Termin
wp-fit-col-shift = Schicht
wp-fit-col-hours = Stunden in der Schicht
wp-fit-weeks-summary = Belastung Woche für Woche
wp-fit-weeks-caption = Stunden pro Woche
wp-fit-col-work = Arbeit
wp-fit-col-sessions = Termine
wp-fit-col-study = Selbstlernen
wp-fit-col-travel = Weg
wp-fit-col-total = Gesamt

participants-error-weeks-out_of_range = Bitte 1 bis { $max } Wochen wählen.
participants-error-anchor-required = Bei Wechselschicht bitte einen Tag aus Woche 1 angeben.
participants-error-anchor-invalid = Bitte ein gültiges Datum angeben, z. B. 04.01.2027.
participants-error-travel_minutes-out_of_range = Bitte für den Weg 0 bis { $max } Minuten angeben.
participants-error-shift_week-out_of_range = Zeile { $row }: Die Woche muss zwischen 1 und { $max } liegen.
participants-error-shift_weekday-required = Zeile { $row }: Bitte den Tag wählen.
participants-error-shift_weekday-invalid = Zeile { $row }: Dieser Tag ist unbekannt.
participants-error-shift_time-required = Zeile { $row }: Bitte Beginn und Ende eintragen.
participants-error-shift_time-invalid = Zeile { $row }: Bitte die Uhrzeit so eintragen: 06:00.
participants-error-shift_time-same_as_start = Zeile { $row }: Beginn und Ende sind gleich. Eine Schicht dauert weniger als 24 Stunden.
participants-error-shifts-required = Bitte mindestens eine Schicht eintragen – oder die eingetragene Arbeitszeit löschen.
participants-error-shifts-overlap = Zeile { $row }: Diese Schicht überschneidet sich mit einer anderen Schicht in Woche { $week }.
