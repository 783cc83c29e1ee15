# Rechtstexte: Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit (Fußzeile,
# öffentliche Seiten, Bearbeitung unter /verwaltung/rechtstexte).

legal-nav = Rechtliches
legal-login = Anmelden für Mitarbeitende
legal-imprint-title = Impressum
legal-privacy-title = Datenschutzerklärung
legal-accessibility-title = Erklärung zur Barrierefreiheit
legal-provider = Angaben von { $provider }
legal-installation-note = { $provider } hat hier keinen eigenen Text. Sie lesen den Text vom Betreiber dieser Seite.
legal-imprint-missing = Hier fehlt noch das Impressum. Der Betreiber dieser Seite hat es noch nicht eingetragen.
legal-privacy-missing = Hier fehlt noch die Datenschutzerklärung. Der Betreiber dieser Seite hat sie noch nicht eingetragen.
legal-accessibility-missing = Diese Erklärung ist noch nicht fertig. Der Betreiber dieser Seite hat sie noch nicht ausgefüllt. Unten steht, was hinein gehört.
legal-a11y-1-heading = Stand der Vereinbarkeit mit den Anforderungen
legal-a11y-1-text = Noch nicht eingetragen. Hier steht, ob die Seite die Regeln der BITV 2.0 ganz, zum Teil oder nicht erfüllt.
legal-a11y-2-heading = Nicht barrierefreie Inhalte
legal-a11y-2-text = Noch nicht eingetragen. Hier steht, welche Inhalte nicht barrierefrei sind und warum.
legal-a11y-3-heading = Erstellung dieser Erklärung
legal-a11y-3-text = Noch nicht eingetragen. Hier steht, wann und wie die Seite geprüft wurde.
legal-a11y-4-heading = Feedback und Kontakt
legal-a11y-4-text = Noch nicht eingetragen. Hier steht, wie Sie eine Barriere melden können und wer Ihnen antwortet.
legal-a11y-5-heading = Schlichtungsverfahren
legal-a11y-5-text = Noch nicht eingetragen. Hier steht, an welche Schlichtungsstelle Sie sich wenden können, wenn Ihre Meldung nicht hilft.
legal-imprint-hint = Angaben nach § 5 DDG: Name, Anschrift, Kontakt, Vertretung, Register und Aufsicht, soweit sie zutreffen.
legal-privacy-hint = Angaben nach Art. 13 DSGVO: Verantwortliche, Zwecke, Rechtsgrundlagen, Speicherdauer und Rechte der Betroffenen.
legal-accessibility-hint = Erklärung nach § 12b BGG und BITV 2.0: Stand, nicht barrierefreie Inhalte, Erstellung, Feedback und Kontakt, Schlichtungsverfahren.
legal-edit-title = Rechtstexte
legal-edit-intro-installation = Diese Texte gelten für die ganze Installation. Die Seiten eines Trägers zeigen sie, wenn der Träger keinen eigenen Text hat.
legal-edit-intro-provider = Diese Texte gelten für { $provider }. Fehlt ein Text, zeigen die Seiten den Text der Installation.
legal-edit-format = Leere Zeilen trennen Absätze. Eine Zeile mit „## “ am Anfang wird eine Überschrift. Ein leeres Feld löscht den Text.
legal-edit-saved = Die Texte sind gespeichert.
legal-edit-show = Öffentliche Seite ansehen
