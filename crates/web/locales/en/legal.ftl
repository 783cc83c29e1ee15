# Legal texts: imprint, privacy statement, accessibility statement (footer, public pages,
# editing at /verwaltung/rechtstexte).

legal-nav = Legal
legal-login = Staff login
legal-imprint-title = Imprint
legal-privacy-title = Privacy statement
legal-accessibility-title = Accessibility statement
legal-provider = Information from { $provider }
legal-installation-note = { $provider } has no text of its own here. You are reading the text of the operator of this site.
legal-imprint-missing = The imprint is still missing. The operator of this site has not entered it yet.
legal-privacy-missing = The privacy statement is still missing. The operator of this site has not entered it yet.
legal-accessibility-missing = This statement is not finished. The operator of this site has not filled it in yet. Below is what belongs in it.
legal-a11y-1-heading = Compliance status
legal-a11y-1-text = Not entered yet. This says whether the site meets the rules of the BITV 2.0 fully, partly or not.
legal-a11y-2-heading = Content that is not accessible
legal-a11y-2-text = Not entered yet. This says which content is not accessible and why.
legal-a11y-3-heading = Preparation of this statement
legal-a11y-3-text = Not entered yet. This says when and how the site was checked.
legal-a11y-4-heading = Feedback and contact
legal-a11y-4-text = Not entered yet. This says how you can report a barrier and who answers you.
legal-a11y-5-heading = Conciliation procedure
legal-a11y-5-text = Not entered yet. This names the conciliation body you can turn to if your report does not help.
legal-imprint-hint = Information under § 5 DDG: name, address, contact, representatives, register and supervisory authority where they apply.
legal-privacy-hint = Information under Art. 13 GDPR: controller, purposes, legal bases, retention and the rights of data subjects.
legal-accessibility-hint = Statement under § 12b BGG and BITV 2.0: status, content that is not accessible, preparation, feedback and contact, conciliation procedure.
legal-edit-title = Legal texts
legal-edit-intro-installation = These texts apply to the whole installation. A provider's pages show them when the provider has no text of its own.
legal-edit-intro-provider = These texts apply to { $provider }. Where a text is missing, the pages show the installation's text.
legal-edit-format = Blank lines separate paragraphs. A line starting with "## " becomes a heading. An empty field deletes the text.
legal-edit-saved = The texts are saved.
legal-edit-show = View the public page
