# Release agreements (Freistellungsvereinbarungen): staff pages, the employer's page and the PDF.

release-title = Freistellungs­vereinbarung
release-for = für { $person }
release-employer = Betrieb: { $employer }
release-state-requested = Angefragt: Antwort des Betriebs offen
release-state-agreed = Zugestimmt
release-state-partly_agreed = Teilweise zugestimmt
release-state-declined = Abgelehnt
release-date-open = offen
release-date-agreed = freigestellt
release-date-declined = nicht freigestellt
release-col-date = Tag
release-col-time = Uhrzeit
release-col-hours = Stunden in der Arbeitszeit
release-col-answer = Antwort
release-pdf-link = Vereinbarung als PDF zum Unterschreiben
release-answer-title = Antwort
release-answer-legend = Stellt der Betrieb für diese Termine frei?
release-answer-agreed = Ja, für alle Termine
release-answer-partly = Nur für die angekreuzten Termine
release-answer-declined = Nein
release-answer-dates = Termine (nur bei „Nur für die angekreuzten Termine“)
release-answer-note = Bemerkung (freiwillig)
release-answer-submit = Antwort speichern
release-history = Verlauf
release-back-participant = Zurück zur Person
release-back-employer = Zurück zur Übersicht
release-error-choose = Bitte wählen Sie eine Antwort.
release-error-partly = Bitte kreuzen Sie einige, aber nicht alle Termine an – oder wählen Sie „Ja“ oder „Nein“.
release-error-answer = Die Antwort passt nicht zu den Terminen dieser Vereinbarung.
release-request = Freistellung anfragen
release-request-hint = Lernweg listet die kommenden Termine in der Arbeitszeit mit Uhrzeit und Stunden, als Seite und als PDF zum Unterschreiben.
release-panel-title = Freistellung
release-panel-empty = Noch keine Freistellung angefragt.
release-panel-open = { $count ->
    [one] Eine Anfrage ist offen.
   *[other] { $count } Anfragen sind offen.
  }
release-panel-line = { $cohort }: { $state } ({ $hours } Stunden an { $count } Terminen)
release-employer-title = Freistellungen
release-employer-intro = Ihre Beschäftigten bitten um Freistellung für Termine in der Arbeitszeit. Bitte antworten Sie hier.
release-employer-empty = Zurzeit gibt es keine Anfrage.
release-employer-line = { $person }: { $state } ({ $hours } Stunden an { $count } Terminen)
release-employer-open = Antworten

## The PDF
release-pdf-title = Freistellungsvereinbarung
release-pdf-between = zwischen { $employer } (Arbeitgeber) und { $person } (beschäftigte Person)
release-pdf-course = für die Weiterbildung „{ $offer }“, Durchgang { $cohort }, beim Träger { $provider }
release-pdf-made = Erstellt am { $date }
release-pdf-dates = Termine in der Arbeitszeit
release-pdf-total = Insgesamt { $hours } Stunden an { $count } Terminen
release-pdf-terms = Vereinbarung
release-pdf-text = { $employer } stellt { $person } an den oben genannten Terminen für die Teilnahme an der Weiterbildung „{ $offer }“ im angegebenen Umfang von der Arbeit frei.
release-pdf-partly = Ist nur ein Teil der Termine freigestellt, gilt die Freistellung für die Termine mit der Antwort „freigestellt“.
release-pdf-state = Stand: { $state }
release-pdf-signatures = Unterschriften
release-pdf-sign-place = Ort, Datum: ______________________________
release-pdf-sign-employer = Für { $employer }: ______________________________
release-pdf-sign-person = { $person }: ______________________________
release-pdf-footer = { $provider } · erstellt mit Lernweg
