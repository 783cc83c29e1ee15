# Zugang von Teilnehmenden zum Portal: Einladungen, Codes, Kalender-Link (Seiten für Beschäftigte).

portal-staff-heading = Zugang zum Portal
portal-staff-unavailable = Der Zugang kann gerade nicht angezeigt werden. Bitte laden Sie die Seite später neu.
portal-staff-intro = Teilnehmende sehen im Portal ihren eigenen Weg: Termine, Ansprechperson, Kalender und ihren Eignungscheck. Den Zugang bekommen sie per E-Mail-Einladung oder mit einem ausgedruckten Code.
portal-staff-account = Konto
portal-staff-account-none = noch kein Konto
portal-staff-account-inactive = gesperrt
portal-staff-feed = Kalender-Link
portal-staff-feed-since = aktiv seit { $date }
portal-staff-feed-none = keiner
portal-staff-feed-revoke = Kalender-Link sperren
portal-staff-invitations = Einladungen
portal-staff-col-kind = Art
portal-staff-col-created = erstellt
portal-staff-col-until = gültig bis
portal-staff-col-status = Stand
portal-staff-kind-email = E-Mail-Link
portal-staff-kind-code = ausgedruckter Code
portal-staff-status-open = offen
portal-staff-status-used = benutzt
portal-staff-status-expired = abgelaufen
portal-staff-status-revoked = widerrufen
portal-staff-rules = { $days ->
    [one] Eine Einladung gilt einen Tag und nur einmal. Eine neue Einladung widerruft die offenen.
   *[other] Eine Einladung gilt { $days } Tage und nur einmal. Eine neue Einladung widerruft die offenen.
}
portal-staff-invite-mail = Einladung per E-Mail senden
portal-staff-invite-code = Code zum Ausdrucken erstellen
portal-staff-revoke = Offene Einladung widerrufen
portal-staff-back = Zurück zur Person
portal-staff-mail-no-address = Für diese Person ist keine E-Mail-Adresse gespeichert. Erstellen Sie einen Code zum Ausdrucken.
portal-staff-mail-not-configured = Der E-Mail-Versand ist nicht eingerichtet (--smtp-url oder --mail-dir). Erstellen Sie einen Code zum Ausdrucken.
portal-staff-mail-bad-address = An diese E-Mail-Adresse kann Lernweg nicht senden. Bitte prüfen Sie die Adresse oder erstellen Sie einen Code zum Ausdrucken.
portal-staff-mail-failed = Die E-Mail konnte nicht gesendet werden. Die Einladung wurde widerrufen. Bitte versuchen Sie es später noch einmal oder erstellen Sie einen Code zum Ausdrucken.
portal-staff-sheet-title = Zugangscode zum Ausdrucken
portal-staff-sheet-once = Der Code wird nur jetzt angezeigt. Drucken Sie die Seite aus (Strg+P) und geben Sie sie der Person.
