# Early warnings for the contact person (start page, /verwaltung/fruehwarnungen, digest).

warnings-title = Frühwarnungen
warnings-intro = Hinweise auf Menschen, die Unterstützung brauchen könnten: zweimal in Folge unentschuldigt gefehlt, Anwesenheit unter 80 % in den letzten vier Wochen, Wochenbelastung über der Grenze in den kommenden Wochen, sechs Wochen ohne Kontakt, eine abgelehnte Freistellung. Markieren Sie eine Warnung mit einer Notiz als erledigt, wenn Sie sich gekümmert haben; ein neuer Anlass warnt erneut.
warnings-all = Alle Frühwarnungen und erledigte ansehen
warnings-open = Offene Frühwarnungen
warnings-none = Keine offenen Frühwarnungen.
warnings-handled = Erledigt in den letzten 30 Tagen
warnings-handled-none = In den letzten 30 Tagen wurde keine Warnung als erledigt markiert.
warnings-col-person = Person
warnings-col-what = Warnung
warnings-col-since = Seit
warnings-col-handle = Erledigen
warnings-col-subject = Anlass
warnings-col-note = Notiz
warnings-col-by = Erledigt von
warnings-note = Notiz (was wurde getan?)
warnings-mark = Als erledigt markieren
warnings-error-note = Bitte schreiben Sie eine kurze Notiz, was getan wurde.
warnings-error-note-long = Die Notiz darf höchstens 500 Zeichen lang sein.
warnings-error-invalid = Diese Warnung konnte nicht als erledigt markiert werden. Bitte laden Sie die Seite neu.

warnings-kind-absences_in_row = Zweimal in Folge gefehlt
warnings-kind-low_attendance = Geringe Anwesenheit
warnings-kind-load_over_limit = Belastung zu hoch
warnings-kind-no_contact = Lange kein Kontakt
warnings-kind-release_declined = Freistellung abgelehnt

warnings-what-absences_in_row = { $count } Termine in Folge unentschuldigt gefehlt, zuerst am { $first }, dann am { $second }.
warnings-what-low_attendance = Anwesenheit { $percent } % in den letzten vier Wochen ({ $present } von { $recorded } erfassten Terminen).
warnings-what-load_over_limit = In der Woche { $week } { $hours } Stunden Belastung, die Grenze ist { $limit } Stunden ({ $weeks } der kommenden Wochen darüber).
warnings-what-no_contact = Seit { $days } Tagen kein Kontakt, zuletzt am { $last }.
warnings-what-no_contact-never = Noch kein Kontakt eingetragen, seit { $days } Tagen dabei.
warnings-what-release_declined = Der Betrieb hat die Freistellung für „{ $cohort }“ abgelehnt.
