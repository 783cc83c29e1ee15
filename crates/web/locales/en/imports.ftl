# CSV import of participants (pages under /verwaltung/teilnehmende/import and API messages).
imports-link = Import CSV
imports-title = Import participants from CSV
imports-intro = Upload a list as a CSV file, for example from Excel ("Save as" → "CSV (Comma delimited)"). You first see a preview with every error. Nothing is stored until you confirm the import.
imports-field-file = CSV file
imports-file-hint = Semicolon-separated, encoded as UTF-8 (with or without BOM) or Windows-1252. The first line holds the column headers.
imports-limit = At most { $mb } MB.
imports-field-contact = Contact person
imports-contact-hint = This person becomes the fixed contact person of every imported participant.
imports-submit = Show preview
imports-columns-title = Expected columns
imports-columns-intro = The order of the columns does not matter. Headers are recognised regardless of case, spaces, hyphens and additions in parentheses, e.g. "E-Mail", "Email", "Mailadresse" or "E-Mail (privat)". Unknown columns are not imported.
imports-example-link = Download an example file (CSV)
imports-required = required
imports-recent-title = Imports
imports-recent-caption = Imports, newest first
imports-col-file = File
imports-col-created = Uploaded
imports-col-rows = Rows
imports-recent-empty = No imports yet.
imports-job-summary = { $total } rows, { $valid } valid, { $done } stored
imports-status-previewed = preview
imports-status-running = running
imports-status-done = done
imports-status-failed = failed
imports-status-discarded = discarded

imports-field-given_name = Given name
imports-field-family_name = Family name
imports-field-email = E-mail
imports-field-phone = Phone
imports-field-mother_tongue = Mother tongue
imports-field-other_languages = Other languages
imports-field-german_level = German level
imports-field-preferred_channel = Preferred channel
imports-field-reachable_times = Reachable
imports-field-foreign_qualification = Foreign qualification
imports-field-kldb = Reference occupation (KldB)
imports-field-recognition_status = Recognition
imports-field-employer = Employer
imports-field-weekly_hours = Weekly hours
imports-field-birth_year = Birth year
imports-field-consent_data_processing = Data-processing consent

imports-help-given_name = Also "Vornamen" or "Rufname".
imports-help-family_name = Also "Name" or "Familienname".
imports-help-email = One address per person. If your provider already has the address, or it appears twice in the file, the row is not imported.
imports-help-phone = Digits, spaces, parentheses, + / and -, e.g. 0170 1234567, (030) 1234567 or +49 (0)30 1234-567. The (0) after the country code is left out. Also "Handy" or "Mobil".
imports-help-mother_tongue = Name or code of the language, e.g. "Arabisch" or "ar".
imports-help-other_languages = Several languages separated by commas, e.g. "Englisch, Französisch".
imports-help-german_level = A1, A2, B1, B2, C1 or C2. Sub-levels such as B1.2 are stored as B1, ranges such as A2/B1 as the lower level; the preview says so. Also "Sprachniveau".
imports-help-preferred_channel = Telefon, persönlich, E-Mail, Messenger (also WhatsApp) or Video.
imports-help-reachable_times = Free text, e.g. "Mo–Fr ab 17 Uhr".
imports-help-foreign_qualification = Free text, e.g. "Bachelor Krankenpflege".
imports-help-kldb = KldB 2010 code, e.g. "81302" or "81302 Gesundheits- und Krankenpflege".
imports-help-recognition_status = nicht begonnen, im Verfahren, voll, teilweise, abgelehnt or nicht erforderlich.
imports-help-employer = Name of the business. Also "Betrieb" or "Firma".
imports-help-weekly_hours = Working hours per week, with a comma or a dot, e.g. 19,5.
imports-help-birth_year = Year or date, e.g. 1988, 12.03.1988 or 12.3.88. A two-digit year is the year with these last digits that lies at most three years after the current year: 85 is 1985, 05 is 2005. Only the year is kept.
imports-help-consent_data_processing = The day the person consented to the processing of their data, e.g. 01.09.2026, 1.9.26 or 2026-09-01. Also "consent_data_processing". Without this date the row is not imported; with it the consent is recorded.

imports-upload-unreadable = The file did not arrive or cannot be read. Please upload it again.
imports-upload-too-large = The file is too large. { $max } Please split the list into several files.
imports-upload-no-file = Please choose a CSV file. The file must not be empty.
imports-upload-contact-required = Please choose a contact person.
imports-upload-contact-not-staff = The contact person must be active staff of your provider.
imports-not-csv-xlsx = This is an Excel workbook (.xlsx), not a CSV file. In Excel choose "Save as" → "CSV (Comma delimited)" and upload that file.
imports-not-csv-xls = This is an old Excel workbook (.xls), not a CSV file. In Excel choose "Save as" → "CSV (Comma delimited)" and upload that file.
imports-not-csv-pdf = This is a PDF file, not a CSV file. Please save the list as a CSV file and upload it.
imports-not-csv-binary = This is not a CSV text file. Expected is text in UTF-8 or Windows-1252 with semicolons as separators.

imports-error-duplicate_in_file = This e-mail address already appears in row { $first }.
imports-error-already_stored = A person with this e-mail address is already stored for your provider.
imports-error-consent_missing = The date of the consent to data processing is missing. Without consent the data must not be stored.
imports-error-consent_invalid_date = "{ $value }" is not a date. Please give it as DD.MM.YYYY, e.g. 01.09.2026.
imports-error-consent_in_future = The consent on { $value } lies in the future. Please give the day it was given.
imports-failure-emails_taken = Since the preview, people with e-mail addresses from this file were stored (rows { $detail }). Please upload the file again.
imports-failure-database = An error occurred while storing.
imports-failure-interrupted = The import was interrupted because the server restarted.
imports-failure-expired = The preview was older than 24 hours and has been deleted.

imports-job-title-previewed = Import preview
imports-job-title-running = Import running
imports-job-title-done = Import done
imports-job-title-failed = Import failed
imports-job-title-discarded = Import discarded
imports-file = File
imports-status = Status
imports-preview-intro = Nothing is stored yet. Check the errors. Rows with errors are not imported; you can correct them in the file and upload it again.
imports-count-total = Rows in the file
imports-count-valid = Valid rows (will be imported)
imports-count-errors = Rows with errors
imports-warnings-title = Notes on the file:
imports-confirm = Confirm import
imports-discard = Discard
imports-confirm-hint = { $count ->
    [one] Confirming stores one person.
   *[other] Confirming stores { $count } people – all or none.
}
imports-nothing-valid = No row is valid. Please correct the file and upload it again.
imports-errors-title = Errors per row
imports-errors-none = No errors found.
imports-errors-caption = Errors with the row number as in Excel (row 1 is the header)
imports-col-row = Row
imports-col-column = Column
imports-col-message = Error
imports-col-name = Name
imports-errors-more = { $count ->
    [one] One more error is not shown.
   *[other] { $count } more errors are not shown.
}
imports-sample-title = The first rows that will be imported
imports-sample-caption = Preview of the valid rows
imports-running-intro = The participants are being stored. This page refreshes every second.
imports-progress-label = Progress
imports-progress-text = { $done } of { $total } stored
imports-done-count = Participants imported: { $count }
imports-done-skipped = Rows with errors not imported: { $count }
imports-to-list = To the list of participants
imports-nothing-written = Nothing was stored.
imports-discarded-text = The preview was discarded and its data deleted.
imports-again = Import a file
