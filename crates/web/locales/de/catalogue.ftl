# Öffentlicher Angebotskatalog (/angebote) und Exporte. Einfache Sprache: kurze Sätze.

catalogue-title = Angebote
catalogue-intro = Hier finden Sie Kurse, die Sie neben der Arbeit machen können. Die Kurse sind für Menschen, die ihren Beruf im Ausland gelernt haben.
catalogue-filter-heading = Angebote filtern
catalogue-filter-q = Suchbegriff
catalogue-filter-state = Bundesland
catalogue-filter-field = Berufsbereich
catalogue-filter-time-model = Zeitmodell
catalogue-filter-mode = Lernform
catalogue-filter-month = Beginn im Monat
catalogue-filter-any = Alle
catalogue-filter-apply = Filter anwenden
catalogue-filter-reset = Alle Filter löschen
catalogue-results = Treffer
catalogue-count = Gefundene Angebote: { $count }
catalogue-empty = Kein Angebot passt zu diesen Filtern. Löschen Sie einen Filter.
catalogue-feed-link = Neue Angebote als Feed bekommen (Atom)
catalogue-goal = Ziel
catalogue-provider = Träger
catalogue-next-starts = Nächste Termine
catalogue-no-dates = Noch keine festen Termine
catalogue-start-in = ab { $date } { $in_state }
catalogue-in-state = { $code ->
    [SL] im { $name }
   *[other] in { $name }
}
catalogue-running-join-in = läuft seit { $date } { $in_state }, Einstieg noch bis { $until } möglich
catalogue-running-closed-in = läuft seit { $date } { $in_state }, kein Einstieg mehr möglich
catalogue-running-join = läuft seit { $date }, Einstieg noch bis { $until } möglich
catalogue-running-closed = läuft seit { $date }, kein Einstieg mehr möglich
catalogue-month = { $month } { $year }
catalogue-month-1 = Januar
catalogue-month-2 = Februar
catalogue-month-3 = März
catalogue-month-4 = April
catalogue-month-5 = Mai
catalogue-month-6 = Juni
catalogue-month-7 = Juli
catalogue-month-8 = August
catalogue-month-9 = September
catalogue-month-10 = Oktober
catalogue-month-11 = November
catalogue-month-12 = Dezember

## Lernformen (schema.org courseMode)
catalogue-mode-online = Online
catalogue-mode-blended = Teils online, teils vor Ort
catalogue-mode-onsite = Vor Ort

## Berufsbereiche der KldB 2010 (erste Ziffer)
catalogue-field-0 = Militär
catalogue-field-1 = Land-, Forst- und Tierwirtschaft und Gartenbau
catalogue-field-2 = Rohstoffgewinnung, Produktion und Fertigung
catalogue-field-3 = Bau, Architektur, Vermessung und Gebäudetechnik
catalogue-field-4 = Naturwissenschaft, Geografie und Informatik
catalogue-field-5 = Verkehr, Logistik, Schutz und Sicherheit
catalogue-field-6 = Kaufmännische Dienstleistungen, Warenhandel, Vertrieb, Hotel und Tourismus
catalogue-field-7 = Unternehmensorganisation, Buchhaltung, Recht und Verwaltung
catalogue-field-8 = Gesundheit, Soziales, Lehre und Erziehung
catalogue-field-9 = Sprach-, Literatur-, Geistes-, Gesellschafts- und Wirtschaftswissenschaften, Medien, Kunst, Kultur und Gestaltung

## Seite eines Angebots
catalogue-back = Alle Angebote
catalogue-what = Was lernen Sie?
catalogue-modules = Module
catalogue-hours = { $hours } Stunden
catalogue-unknown = noch offen
catalogue-exams = Prüfungen
catalogue-degree = Abschluss
catalogue-for-whom = Für wen ist das Angebot?
catalogue-language-level = Sie brauchen Deutsch auf Niveau { $level }.
catalogue-language-none = Sie brauchen kein bestimmtes Sprachniveau.
catalogue-language-why = Warum dieses Niveau
catalogue-dates = Wann ist der Kurs?
catalogue-day-mon = Montag
catalogue-day-tue = Dienstag
catalogue-day-wed = Mittwoch
catalogue-day-thu = Donnerstag
catalogue-day-fri = Freitag
catalogue-day-sat = Samstag
catalogue-day-sun = Sonntag
catalogue-no-dates-detail = Es gibt noch keine festen Termine. Fragen Sie nach dem nächsten Beginn.
catalogue-cohorts-caption = Feste Termine
catalogue-col-cohort = Durchgang
catalogue-col-start = Beginn
catalogue-col-end = Ende
catalogue-col-state = Bundesland
catalogue-col-weekly = Stunden pro Woche im Schnitt
catalogue-col-peak = Stunden in der vollsten Woche
catalogue-load-how = So rechnen wir: Unterricht und Lernen zu Hause zählen zusammen. Wir nehmen den Schnitt der Wochen mit Unterricht. Feiertage im Bundesland sind schon dabei. Ihre Arbeit und Ihre Wege zählen nicht mit.
catalogue-support = Welche Hilfe gibt es?
catalogue-support-none = Das Angebot nennt keine extra Hilfe. Fragen Sie nach.
catalogue-costs-free = Das Angebot ist für Sie kostenlos.
catalogue-costs-amount = Das Angebot kostet { $amount } Euro.
catalogue-funding = Förderung
catalogue-place = Wo ist der Kurs?
catalogue-presence-online = Der Unterricht ist online. Sie brauchen einen Computer oder ein Tablet mit Internet.
catalogue-presence-online-with-events = Der Unterricht ist online. Einige Termine sind vor Ort, zum Beispiel der Start, das Ende oder Prüfungen.
catalogue-presence-blended = Einige Termine sind online, andere vor Ort. Für online brauchen Sie einen Computer oder ein Tablet mit Internet.
catalogue-presence-onsite = Der Unterricht ist vor Ort.
catalogue-step-free = Der Ort ist barrierefrei. Sie kommen ohne Stufen hinein.
catalogue-not-step-free = Am Ort gibt es Stufen. Fragen Sie nach Hilfe.
catalogue-accessibility = Zugang
catalogue-contact-email = E-Mail
catalogue-contact-phone = Telefon
catalogue-apply = So melden Sie sich an
catalogue-apply-step-contact = Schreiben Sie { $name } eine E-Mail oder rufen Sie an.
catalogue-apply-step-talk = Sie sprechen über Ihren Beruf, Ihre Arbeit und Ihr Deutsch.
catalogue-apply-step-employer = Brauchen Sie für Termine frei von der Arbeit? Dann sprechen Sie früh mit Ihrem Betrieb. Die Termine stehen schon fest.
catalogue-apply-step-register = Sie wählen einen Beginn und melden sich an.
catalogue-class-heading = Können Sie das neben der Arbeit machen?
catalogue-class-basis-plan = Wir rechnen mit dem Plan des ersten Durchgangs.
catalogue-class-basis-model = Es gibt noch keinen Plan mit Terminen. Wir rechnen mit den Zeiten oben.

## Feed
catalogue-feed-title = Neue Angebote bei Lernweg
catalogue-feed-subtitle = Qualifizierungen neben der Arbeit für Menschen mit ausländischem Berufsabschluss
catalogue-feed-summary = Für: { $target }. Termine: { $starts }. Träger: { $provider }.

## Exporte
exports-sheet-offers = Angebote
exports-sheet-timetable = Terminplan
