# CSV-Import von Teilnehmenden (Seiten /verwaltung/teilnehmende/import und API-Meldungen).
imports-link = CSV importieren
imports-title = Teilnehmende aus CSV importieren
imports-intro = Laden Sie eine Liste als CSV-Datei hoch, zum Beispiel aus Excel („Speichern unter“ → „CSV (Trennzeichen-getrennt)“). Sie sehen zuerst eine Vorschau mit allen Fehlern. Gespeichert wird erst, wenn Sie den Import bestätigen.
imports-field-file = CSV-Datei
imports-file-hint = Trennzeichen Semikolon, Zeichensatz UTF-8 (mit oder ohne BOM) oder Windows-1252. Die erste Zeile enthält die Spaltenüberschriften.
imports-limit = Höchstens { $mb } MB.
imports-field-contact = Kontaktperson
imports-contact-hint = Diese Person wird allen importierten Teilnehmenden als feste Kontaktperson zugeordnet.
imports-submit = Vorschau anzeigen
imports-columns-title = Erwartete Spalten
imports-columns-intro = Die Reihenfolge der Spalten ist egal. Überschriften werden ohne Rücksicht auf Groß- und Kleinschreibung, Leerzeichen, Bindestriche und Zusätze in Klammern erkannt, zum Beispiel „E-Mail“, „Email“, „Mailadresse“ oder „E-Mail (privat)“. Unbekannte Spalten werden nicht übernommen.
imports-example-link = Beispieldatei herunterladen (CSV)
imports-required = Pflicht
imports-recent-title = Importe
imports-recent-caption = Importe, neueste zuerst
imports-col-file = Datei
imports-col-created = Hochgeladen
imports-col-rows = Zeilen
imports-recent-empty = Noch keine Importe.
imports-job-summary = { $total } Zeilen, davon { $valid } gültig, { $done } gespeichert
imports-status-previewed = Vorschau
imports-status-running = läuft
imports-status-done = abgeschlossen
imports-status-failed = fehlgeschlagen
imports-status-discarded = verworfen

imports-field-given_name = Vorname
imports-field-family_name = Nachname
imports-field-email = E-Mail
imports-field-phone = Telefon
imports-field-mother_tongue = Muttersprache
imports-field-other_languages = Weitere Sprachen
imports-field-german_level = Deutschniveau
imports-field-preferred_channel = Bevorzugter Kontakt
imports-field-reachable_times = Erreichbarkeit
imports-field-foreign_qualification = Ausländischer Abschluss
imports-field-kldb = Referenzberuf (KldB)
imports-field-recognition_status = Anerkennung
imports-field-employer = Arbeitgeber
imports-field-weekly_hours = Wochenstunden
imports-field-birth_year = Geburtsjahr
imports-field-consent_data_processing = Einwilligung Datenverarbeitung

imports-help-given_name = Auch „Vornamen“ oder „Rufname“.
imports-help-family_name = Auch „Name“ oder „Familienname“.
imports-help-email = Eine Adresse pro Person. Gibt es die Adresse schon bei Ihrem Träger oder zweimal in der Datei, wird die Zeile nicht importiert.
imports-help-phone = Ziffern, Leerzeichen, Klammern, + / und -, zum Beispiel 0170 1234567, (030) 1234567 oder +49 (0)30 1234-567. Die (0) nach der Landesvorwahl wird weggelassen. Auch „Handy“ oder „Mobil“.
imports-help-mother_tongue = Name oder Code der Sprache, zum Beispiel „Arabisch“ oder „ar“.
imports-help-other_languages = Mehrere Sprachen mit Komma getrennt, zum Beispiel „Englisch, Französisch“.
imports-help-german_level = A1, A2, B1, B2, C1 oder C2. Teilstufen wie B1.2 werden als B1 gespeichert, Bereiche wie A2/B1 als die niedrigere Stufe; die Vorschau weist darauf hin. Auch „Sprachniveau“.
imports-help-preferred_channel = Telefon, persönlich, E-Mail, Messenger (auch WhatsApp) oder Video.
imports-help-reachable_times = Freier Text, zum Beispiel „Mo–Fr ab 17 Uhr“.
imports-help-foreign_qualification = Freier Text, zum Beispiel „Bachelor Krankenpflege“.
imports-help-kldb = Code nach KldB 2010, zum Beispiel „81302“ oder „81302 Gesundheits- und Krankenpflege“.
imports-help-recognition_status = nicht begonnen, im Verfahren, voll, teilweise, abgelehnt oder nicht erforderlich.
imports-help-employer = Name des Betriebs. Auch „Betrieb“ oder „Firma“.
imports-help-weekly_hours = Arbeitsstunden pro Woche, mit Komma oder Punkt, zum Beispiel 19,5.
imports-help-birth_year = Jahr oder Datum, zum Beispiel 1988, 12.03.1988 oder 12.3.88. Ein zweistelliges Jahr ist das Jahr mit diesen Endziffern, das höchstens drei Jahre nach dem laufenden Jahr liegt: 85 ist 1985, 05 ist 2005. Gespeichert wird nur das Jahr.
imports-help-consent_data_processing = Der Tag, an dem die Person in die Verarbeitung ihrer Daten eingewilligt hat, zum Beispiel 01.09.2026, 1.9.26 oder 2026-09-01. Auch „consent_data_processing“. Ohne dieses Datum wird die Zeile nicht importiert; mit ihm wird die Einwilligung gespeichert.

imports-upload-unreadable = Die Datei ist nicht angekommen oder nicht lesbar. Bitte noch einmal hochladen.
imports-upload-too-large = Die Datei ist zu groß. { $max } Bitte teilen Sie die Liste in mehrere Dateien auf.
imports-upload-no-file = Bitte eine CSV-Datei auswählen. Die Datei darf nicht leer sein.
imports-upload-contact-required = Bitte eine Kontaktperson auswählen.
imports-upload-contact-not-staff = Die Kontaktperson muss aktive Mitarbeiterin oder aktiver Mitarbeiter Ihres Trägers sein.
imports-not-csv-xlsx = Das ist eine Excel-Datei (.xlsx), keine CSV-Datei. Bitte in Excel „Speichern unter“ → „CSV (Trennzeichen-getrennt)“ wählen und diese Datei hochladen.
imports-not-csv-xls = Das ist eine alte Excel-Datei (.xls), keine CSV-Datei. Bitte in Excel „Speichern unter“ → „CSV (Trennzeichen-getrennt)“ wählen und diese Datei hochladen.
imports-not-csv-pdf = Das ist eine PDF-Datei, keine CSV-Datei. Bitte die Liste als CSV-Datei speichern und hochladen.
imports-not-csv-binary = Das ist keine CSV-Textdatei. Erwartet wird Text in UTF-8 oder Windows-1252 mit Semikolon als Trennzeichen.

imports-error-duplicate_in_file = Diese E-Mail-Adresse steht schon in Zeile { $first }.
imports-error-already_stored = Eine Person mit dieser E-Mail-Adresse ist bei Ihrem Träger schon gespeichert.
imports-error-consent_missing = Es fehlt das Datum der Einwilligung in die Datenverarbeitung. Ohne Einwilligung dürfen wir die Daten nicht speichern.
imports-error-consent_invalid_date = „{ $value }“ ist kein Datum. Bitte als TT.MM.JJJJ angeben, zum Beispiel 01.09.2026.
imports-error-consent_in_future = Die Einwilligung am { $value } liegt in der Zukunft. Bitte den Tag angeben, an dem sie gegeben wurde.
imports-failure-emails_taken = Seit der Vorschau wurden Personen mit E-Mail-Adressen aus dieser Datei gespeichert (Zeilen { $detail }). Bitte die Datei erneut hochladen.
imports-failure-database = Beim Speichern ist ein Fehler aufgetreten.
imports-failure-interrupted = Der Import wurde unterbrochen, weil der Server neu gestartet wurde.
imports-failure-expired = Die Vorschau war älter als 24 Stunden und wurde gelöscht.

imports-job-title-previewed = Vorschau des Imports
imports-job-title-running = Import läuft
imports-job-title-done = Import abgeschlossen
imports-job-title-failed = Import fehlgeschlagen
imports-job-title-discarded = Import verworfen
imports-file = Datei
imports-status = Stand
imports-preview-intro = Noch ist nichts gespeichert. Prüfen Sie die Fehler. Zeilen mit Fehlern werden nicht importiert; Sie können sie in der Datei korrigieren und die Datei neu hochladen.
imports-count-total = Zeilen in der Datei
imports-count-valid = Gültige Zeilen (werden importiert)
imports-count-errors = Zeilen mit Fehlern
imports-warnings-title = Hinweise zur Datei:
imports-confirm = Importieren bestätigen
imports-discard = Verwerfen
imports-confirm-hint = { $count ->
    [one] Beim Bestätigen wird eine Person gespeichert.
   *[other] Beim Bestätigen werden { $count } Personen gespeichert – alle oder keine.
}
imports-nothing-valid = Keine Zeile ist gültig. Bitte die Datei korrigieren und neu hochladen.
imports-errors-title = Fehler je Zeile
imports-errors-none = Keine Fehler gefunden.
imports-errors-caption = Fehler mit Zeilennummer wie in Excel (Zeile 1 ist die Überschrift)
imports-col-row = Zeile
imports-col-column = Spalte
imports-col-message = Fehler
imports-col-name = Name
imports-errors-more = { $count ->
    [one] Ein weiterer Fehler wird nicht angezeigt.
   *[other] Weitere { $count } Fehler werden nicht angezeigt.
}
imports-sample-title = Die ersten Zeilen, die importiert werden
imports-sample-caption = Vorschau der gültigen Zeilen
imports-running-intro = Die Teilnehmenden werden gespeichert. Diese Seite aktualisiert sich jede Sekunde.
imports-progress-label = Fortschritt
imports-progress-text = { $done } von { $total } gespeichert
imports-done-count = Importierte Teilnehmende: { $count }
imports-done-skipped = Nicht importierte Zeilen mit Fehlern: { $count }
imports-to-list = Zur Liste der Teilnehmenden
imports-nothing-written = Es wurde nichts gespeichert.
imports-discarded-text = Die Vorschau wurde verworfen und ihre Daten gelöscht.
imports-again = Eine Datei importieren
