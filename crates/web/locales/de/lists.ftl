## Search forms of the lists that can grow (list_search.html)
list-filter-all = Alle
offers-list-search = Titel enthält
offers-list-status = Veröffentlichung
offers-list-status-published = Veröffentlicht
offers-list-status-draft = Nicht veröffentlicht
cohorts-list-search = Name enthält
audit-search = Details oder E-Mail enthalten
audit-filter-provider = Träger
imports-list-search = Dateiname enthält
loans-list-search = Gerät, Seriennummer oder Name enthält
loans-list-lent = Ausleihe
loans-list-not-lent = nicht ausgeliehen

## The participant select of the loan and referral forms (person_picker.html)
picker-label = Teilnehmende für das Formular suchen (Name, E-Mail, Telefon)
picker-status = Zur Auswahl stehen die ersten { $shown } von { $total } Teilnehmenden; suchen Sie nach dem Namen, um die richtige Person zu finden.
