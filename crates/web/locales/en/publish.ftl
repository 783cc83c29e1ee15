# Publishing: timeline of the learning path (SVG and list), JSON-LD credentials.
# The texts appear in graphics and lists; keep them short.

publish-path-start = Start
publish-path-end = End
publish-path-today = Today
publish-path-kickoff = Kick-off
publish-path-closing = Closing
publish-path-exam = Exam
publish-path-milestone = Milestone
publish-path-module = Module
publish-path-modules = Modules
publish-path-exams = Exams
publish-path-hours = h
publish-decimal-separator = .
publish-credential-partial_qualification = Certificate of the partial qualification
publish-credential-compensation_measure = Certificate of the compensation measure
publish-credential-adaptation_qualification = Certificate of the adaptation qualification

# schema.org JSON-LD of offer pages (German in the document: inLanguage de)
publish-schedule-block-weekend = One weekend a month: Friday and Saturday
publish-weekly-load = About { $hours } hours a week (sessions and self-study)
