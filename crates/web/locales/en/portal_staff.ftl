# Participant access to the portal: invitations, codes, calendar link (staff pages).

portal-staff-heading = Portal access
portal-staff-unavailable = The access cannot be shown right now. Please reload the page later.
portal-staff-intro = In the portal, participants see their own path: dates, contact person, calendar and their readiness check. They get access by e-mail invitation or with a printed code.
portal-staff-account = Account
portal-staff-account-none = no account yet
portal-staff-account-inactive = blocked
portal-staff-feed = Calendar link
portal-staff-feed-since = active since { $date }
portal-staff-feed-none = none
portal-staff-feed-revoke = Block calendar link
portal-staff-invitations = Invitations
portal-staff-col-kind = Kind
portal-staff-col-created = created
portal-staff-col-until = valid until
portal-staff-col-status = Status
portal-staff-kind-email = e-mail link
portal-staff-kind-code = printed code
portal-staff-status-open = open
portal-staff-status-used = used
portal-staff-status-expired = expired
portal-staff-status-revoked = revoked
portal-staff-rules = { $days ->
    [one] An invitation is valid for one day and only once. A new invitation revokes the open ones.
   *[other] An invitation is valid for { $days } days and only once. A new invitation revokes the open ones.
}
portal-staff-invite-mail = Send invitation by e-mail
portal-staff-invite-code = Create a code to print
portal-staff-revoke = Revoke open invitation
portal-staff-back = Back to the person
portal-staff-mail-no-address = No e-mail address is stored for this person. Create a code to print.
portal-staff-mail-not-configured = Sending e-mail is not set up (--smtp-url or --mail-dir). Create a code to print.
portal-staff-mail-bad-address = Lernweg cannot send to this e-mail address. Please check the address or create a code to print.
portal-staff-mail-failed = The e-mail could not be sent. The invitation was revoked. Please try again later or create a code to print.
portal-staff-sheet-title = Access code to print
portal-staff-sheet-once = The code is shown only now. Print the page (Ctrl+P) and give it to the person.
