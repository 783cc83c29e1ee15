# Employers (Betriebe): the staff pages and the employer contact's own page /betrieb (plain German).

## Sectors and contact channels
employer-sector-care = Pflege
employer-sector-health = Gesundheit
employer-sector-construction = Bau
employer-sector-crafts = Handwerk
employer-sector-retail = Handel
employer-sector-hospitality = Gastgewerbe
employer-sector-logistics = Logistik
employer-sector-manufacturing = Industrie und Produktion
employer-sector-it = IT
employer-sector-cleaning = Reinigung
employer-sector-education = Bildung und Erziehung
employer-sector-public_sector = Öffentlicher Dienst
employer-sector-other = Sonstiges
employer-channel-email = E-Mail
employer-channel-phone = Telefon
employer-channel-post = Post

## Staff pages
employers-title = Betriebe
employers-intro = Betriebe, in denen Teilnehmende arbeiten. Ein Betrieb sieht nur die Termine der Beschäftigten, die eingewilligt haben – keine Beratungs-, Gesundheits- oder Anwesenheitsdaten.
employers-search = Suche (Name, Ort, Ansprechperson)
employers-search-button = Suchen
employers-sector-all = Alle Branchen
employers-empty = Keine Betriebe gefunden.
employers-col-name = Name
employers-col-city = Ort
employers-col-sector = Branche
employers-col-contacts = Ansprechpersonen
employers-next = Weitere Betriebe
employers-back = Zurück zu den Betrieben
employers-back-to-employer = Zurück zum Betrieb
employers-address = Anschrift
employers-kldb = Berufsfeld (KldB 2010)
employers-note = Notiz
employers-contacts = Ansprechpersonen und Zugang
employers-contacts-intro = Ansprechpersonen bekommen mit einer Einladung Zugang zur Seite „Ihr Betrieb“. Eine Einladung gilt { $days } Tage und nur einmal; eine neue Einladung macht ältere ungültig.
employers-contacts-empty = Dieser Betrieb hat noch keine Ansprechperson.
employers-channel = bevorzugt: { $channel }
employers-account = Zugang eingerichtet, Anmeldung mit: { $login }
employers-no-account = Noch kein Zugang.
employer-invitation-line = Letzte Einladung: { $kind } vom { $created }, gültig bis { $until } – { $status }
employers-invite-code = Code drucken
employers-invite-email = Einladung per E-Mail senden
employers-invite-revoke = Offene Einladungen widerrufen
employers-mail-no-address = Für diese Ansprechperson ist keine E-Mail-Adresse gespeichert. Drucken Sie stattdessen einen Code.
employers-sheet-title = Zugangscode für den Betrieb
employers-employees = Verknüpfte Beschäftigte
employers-employees-intro = Eine Verknüpfung beruht auf der Einwilligung der Person „Kontakt zum Arbeitgeber“. Wird sie widerrufen, endet die Verknüpfung sofort.
employers-employees-empty = Noch niemand ist mit diesem Betrieb verknüpft.
employers-since = seit { $date }
employer-link-ended-consent_withdrawn = beendet am { $date } (Einwilligung widerrufen)
employer-link-ended-ended_by_staff = beendet am { $date }
employers-feed = Kalender des Betriebs
employers-feed-intro = Alle Termine der verknüpften Beschäftigten als Kalender-Abo (iCalendar); jeder Termin nennt, wer fehlt. Entwürfe stehen nur als vorläufig darin.
employers-feed-none = Zurzeit gibt es keinen Kalender-Link.
employers-feed-renew = Neuen Kalender-Link erstellen
employers-feed-revoke = Kalender-Link sperren

## The employer's own page (plain German)
employer-hello = Guten Tag, { $name }!
employer-nav-label = Ihr Betrieb
employer-page-title = Ihr Betrieb
employer-intro = Hier sehen Sie die Termine Ihrer Beschäftigten bei der Weiterbildung für { $employer }. Sie sehen nur Tag und Uhrzeit. Andere Daten sehen Sie nicht.
employer-dates-title = Termine Ihrer Beschäftigten
employer-dates-intro = An diesen Tagen sind Ihre Beschäftigten in der Weiterbildung. Bitte planen Sie die Schichten so, dass sie teilnehmen können.
employer-dates-of = Termine von { $name }
employer-no-employees = Zurzeit sehen Sie hier niemanden. Eine Person erscheint hier, wenn sie zugestimmt hat.
employer-no-dates = Zurzeit keine Termine.
employer-col-day = Tag
employer-col-time = Uhrzeit
employer-col-hours = Stunden
employer-col-what = Kurs
employer-col-note = Hinweis
employer-date-draft = Entwurf: Der Termin kann sich noch ändern.
employer-date-cancelled = Abgesagt
employer-date-all-day = ganztägig
employer-feed-title = Termine im eigenen Kalender
employer-feed-intro = Mit diesem Link sehen Sie alle Termine in Ihrem Kalender (Outlook, Google, Apple). Geben Sie den Link nicht weiter.
employer-feed-none = Zurzeit gibt es keinen Kalender-Link.
employer-feed-renew = Neuen Kalender-Link erstellen
employer-feed-revoke = Kalender-Link sperren
employer-feed-revoke-hint = Danach funktioniert der alte Link nicht mehr.
employer-feed-name = Lernweg – { $employer }
employer-ics-away = { $summary } – { $names }
employer-ics-away-line = Abwesend: { $names }

## Invitation letter and e-mail (plain German)
employer-sheet-heading = Ihr Zugang zu Lernweg
employer-sheet-intro = Mit diesem Zugang sehen Sie die Termine Ihrer Beschäftigten für { $employer }.
employer-sheet-login = Sie melden sich später so an:
employer-mail-subject = Ihr Zugang zu Lernweg
employer-mail-body = Guten Tag { $name },

    mit diesem Link richten Sie Ihren Zugang zu Lernweg ein. Dort sehen Sie die Termine Ihrer Beschäftigten für { $employer }:

    { $link }

    Der Link gilt bis { $date } und nur einmal. Sie melden sich danach an mit: { $login }

## A shared draft on /betrieb (issue 13, point 3)
plan-employer-title = Kurs in Planung
plan-employer-back = Zurück zu Ihrem Betrieb
plan-employer-intro = Dieser Kurs ist noch in Planung. Die Termine können sich noch ändern. Sagen Sie uns, wann es in Ihrem Betrieb nicht geht – zum Beispiel Hochsaison, Inventur oder Betriebsferien. Wir planen dann um diese Zeit herum.
plan-employer-employees = Aus Ihrem Betrieb nehmen teil: { $names }.
plan-employer-form-title = Zeit, die nicht geht
plan-employer-form-intro = Geben Sie den ersten und den letzten Tag an. Sie können auch nur eine Anmerkung schreiben.
plan-from = Erster Tag
plan-to = Letzter Tag
plan-reason = Grund
plan-comment = Anmerkung
plan-submit = Rückmeldung senden
plan-withdraw = Zurückziehen
plan-employer-own = Ihre Rückmeldungen
plan-employer-own-none = Sie haben noch keine Rückmeldung gegeben.
plan-employer-no-hits = Kein geplanter Termin liegt in dieser Zeit.
plan-employer-hits = { $count ->
    [one] 1 geplanter Termin liegt in dieser Zeit.
   *[other] { $count } geplante Termine liegen in dieser Zeit.
}
plan-employer-dates = Geplante Termine
plan-employer-date = { $date } ({ $hours } Std.)
plan-error-date = Bitte geben Sie ein Datum ein (TT.MM.JJJJ).
plan-error-from = Bitte geben Sie auch den ersten Tag an.
plan-error-order = Der letzte Tag liegt vor dem ersten Tag.
plan-error-empty = Bitte geben Sie eine Zeit an oder schreiben Sie eine Anmerkung.
plan-error-too-long = Die Anmerkung ist zu lang (höchstens 2000 Zeichen).
plan-error-closed = Der Kurs ist nicht mehr in Planung. Rückmeldungen sind nicht mehr möglich.
employer-drafts-title = Kurse in Planung
employer-drafts-intro = Hier können Sie sagen, wann es in Ihrem Betrieb nicht geht, bevor die Termine feststehen.
employer-draft-line = { $offer } · { $cohort }, ab { $start }
