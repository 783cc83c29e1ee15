# Die Seite eines Angebots: Zusammenfassung oben, Zeitmodell in einem Satz, Beruf ohne Code.

catalogue-summary = Auf einen Blick
catalogue-summary-start = Beginn
catalogue-summary-when = Wann
catalogue-summary-weekly = Zeit pro Woche
catalogue-summary-weekly-value = etwa { $hours } Stunden
catalogue-summary-weekly-varies = Das ist nicht in jeder Woche gleich. Fragen Sie nach.
catalogue-summary-costs = Kosten
catalogue-summary-place = Ort
catalogue-summary-place-online = Online
catalogue-summary-place-blended = { $city } und online
catalogue-summary-place-ask = Fragen Sie nach dem Ort.
catalogue-summary-contact = Kontakt
catalogue-summary-apply = Anmelden
catalogue-summary-apply-value = So melden Sie sich an
catalogue-occupation = Beruf
catalogue-labelled = { $label }: { $value }
catalogue-list-and = { $items } und { $last }
catalogue-when-weekly = jeden { $days } von { $start } bis { $end } Uhr
catalogue-when-evening = Der Kurs ist { $slots }.
catalogue-when-release = Der Kurs ist in Ihrer Arbeitszeit: { $slots }.
catalogue-when-block = Der Kurs ist { $slots } und einmal im Monat am Freitag und Samstag von { $start } bis { $end } Uhr.
catalogue-when-compact-one = Der Kurs ist eine Woche im Quartal, jeweils Montag bis Freitag von { $start } bis { $end } Uhr.
catalogue-when-compact = Der Kurs ist { $weeks } Wochen im Quartal, jeweils Montag bis Freitag von { $start } bis { $end } Uhr.
catalogue-when-self-paced = Sie lernen etwa { $hours } Stunden pro Woche, wann es Ihnen passt, und treffen sich { $slots }.
catalogue-module = { $title }: { $hours } Stunden
catalogue-module-milestone = { $title }: { $hours } Stunden. Zwischenziel: { $goal }
catalogue-total-hours-text = Unterricht insgesamt: { $hours } Stunden

## Kann man das neben der Arbeit machen? (Einordnung, in einfachen Worten)
catalogue-class-synchronous = Ja. Sie lernen zu festen Zeiten neben der Arbeit.
catalogue-class-asynchronous = Ja. Sie lernen meist allein, wann es Ihnen passt.
catalogue-class-mixed = Ja. Sie lernen zu festen Zeiten und allein, wann es Ihnen passt.
catalogue-class-not_part_time = Eher nicht. Der Kurs braucht viel Zeit in der Arbeitszeit.
catalogue-reason-company_measure_only = Der Kurs ist eine Maßnahme in einem Betrieb. Er ist nicht für neben der Arbeit gedacht.
catalogue-reason-work_pattern_assumed = Wir rechnen mit Arbeit von Montag bis Freitag, ab 8 Uhr.
catalogue-reason-nominal_week = Wir rechnen mit einer normalen Arbeitswoche.
catalogue-reason-full_time_weeks = In { $weeks } von { $total } Wochen haben Sie { $hours } Stunden oder mehr Unterricht.
catalogue-reason-full_time_schedule = In { $share } von 100 Wochen ist der Kurs so viel wie eine volle Stelle.
catalogue-reason-sessions_in_work_time = { $hours } Stunden Unterricht sind in der Arbeitszeit.
catalogue-reason-sessions_outside_work_time = { $hours } Stunden Unterricht sind nicht in der Arbeitszeit.
catalogue-reason-self_paced_share = { $hours } Stunden lernen Sie allein, wann es Ihnen passt.
catalogue-reason-release_needed = An { $days } Tagen brauchen Sie frei von der Arbeit.
catalogue-reason-needs_release = Einige Termine sind in der Arbeitszeit. Dafür brauchen Sie frei oder Urlaub.
catalogue-intro-how = Wählen Sie ein Angebot. Dort steht, wann der Kurs ist, was er kostet und wie Sie sich anmelden.
