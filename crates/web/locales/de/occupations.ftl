# Berufshauptgruppen der KldB 2010 (die ersten zwei Ziffern): öffentliche Seiten nennen den
# Beruf, nie den Code.

occupation-01 = Militär
occupation-11 = Land-, Tier- und Forstwirtschaft
occupation-12 = Gartenbau und Floristik
occupation-21 = Rohstoffe, Glas und Keramik
occupation-22 = Kunststoff und Holz
occupation-23 = Papier, Druck und Mediengestaltung
occupation-24 = Metallberufe
occupation-25 = Maschinen- und Fahrzeugtechnik
occupation-26 = Mechatronik, Energie und Elektro
occupation-27 = Technische Entwicklung und Konstruktion
occupation-28 = Textil und Leder
occupation-29 = Lebensmittel
occupation-31 = Bauplanung, Architektur und Vermessung
occupation-32 = Hoch- und Tiefbau
occupation-33 = Innenausbau
occupation-34 = Gebäudetechnik
occupation-41 = Mathematik, Biologie, Chemie und Physik
occupation-42 = Geologie, Geografie und Umweltschutz
occupation-43 = Informatik
occupation-51 = Verkehr und Logistik
occupation-52 = Fahrzeugführung
occupation-53 = Schutz und Sicherheit
occupation-54 = Reinigung
occupation-61 = Einkauf, Vertrieb und Handel
occupation-62 = Verkauf
occupation-63 = Tourismus, Hotel und Gastronomie
occupation-71 = Unternehmensführung und -organisation
occupation-72 = Finanzen, Rechnungswesen und Steuern
occupation-73 = Recht und Verwaltung
occupation-81 = Medizinische Gesundheitsberufe
occupation-82 = Nichtmedizinische Gesundheitsberufe, Körperpflege und Medizintechnik
occupation-83 = Erziehung, Soziales und Hauswirtschaft
occupation-84 = Lehre und Ausbildung
occupation-91 = Sprach-, Geistes- und Gesellschaftswissenschaften
occupation-92 = Werbung, Marketing und Medien
occupation-93 = Design und Kunsthandwerk
occupation-94 = Darstellende und unterhaltende Berufe

# Berufsbereiche (erste Ziffer), kurz, für Codes mit nur einer Ziffer.
occupation-area-0 = Militär
occupation-area-1 = Landwirtschaft und Gartenbau
occupation-area-2 = Produktion und Fertigung
occupation-area-3 = Bau und Gebäudetechnik
occupation-area-4 = Naturwissenschaft und Informatik
occupation-area-5 = Verkehr, Logistik und Sicherheit
occupation-area-6 = Handel, Vertrieb und Tourismus
occupation-area-7 = Büro, Recht und Verwaltung
occupation-area-8 = Gesundheit, Soziales und Bildung
occupation-area-9 = Sprache, Medien, Kunst und Kultur
