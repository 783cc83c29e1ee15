## Search forms of the lists that can grow (list_search.html)
list-filter-all = All
offers-list-search = Title contains
offers-list-status = Publication
offers-list-status-published = Published
offers-list-status-draft = Not published
cohorts-list-search = Name contains
audit-search = Detail or e-mail contains
audit-filter-provider = Provider
imports-list-search = File name contains
loans-list-search = Device, serial number or name contains
loans-list-lent = Loan
loans-list-not-lent = not lent

## The participant select of the loan and referral forms (person_picker.html)
picker-label = Find participants for the form (name, e-mail, phone)
picker-status = The first { $shown } of { $total } participants are offered; search for the name to find the right person.
