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
