# Veröffentlichung: Zeitstrahl des Lernwegs (SVG und Liste), JSON-LD-Abschlüsse.
# Die Texte erscheinen in Grafiken und Listen; kurz halten.

publish-path-start = Beginn
publish-path-end = Ende
publish-path-today = Heute
publish-path-kickoff = Auftakt
publish-path-closing = Abschluss
publish-path-exam = Prüfung
publish-path-milestone = Zwischenziel
publish-path-module = Modul
publish-path-modules = Module
publish-path-exams = Prüfungen
publish-path-hours = Std.
publish-decimal-separator = ,
publish-credential-partial_qualification = Zertifikat über die Teilqualifizierung
publish-credential-compensation_measure = Bescheinigung über die Ausgleichsmaßnahme
publish-credential-adaptation_qualification = Bescheinigung über die Anpassungsqualifizierung

# schema.org JSON-LD of offer pages (German in the document: inLanguage de)
publish-schedule-block-weekend = Ein Wochenende im Monat: Freitag und Samstag
publish-weekly-load = Etwa { $hours } Stunden pro Woche (Termine und Selbstlernen)
