# Occupational main groups of the KldB 2010 (its first two digits): public pages name the
# occupation, never the code.

occupation-01 = Military
occupation-11 = Agriculture, animal husbandry and forestry
occupation-12 = Horticulture and floristry
occupation-21 = Raw materials, glass and ceramics
occupation-22 = Plastics and wood
occupation-23 = Paper, printing and media design
occupation-24 = Metalworking
occupation-25 = Mechanical and automotive engineering
occupation-26 = Mechatronics, energy and electrical work
occupation-27 = Technical development and design
occupation-28 = Textiles and leather
occupation-29 = Food production
occupation-31 = Construction planning, architecture and surveying
occupation-32 = Building and civil engineering
occupation-33 = Interior finishing
occupation-34 = Building services
occupation-41 = Mathematics, biology, chemistry and physics
occupation-42 = Geology, geography and environmental protection
occupation-43 = Computer science
occupation-51 = Transport and logistics
occupation-52 = Drivers and vehicle operators
occupation-53 = Safety and security
occupation-54 = Cleaning
occupation-61 = Purchasing, sales and trade
occupation-62 = Retail sales
occupation-63 = Tourism, hotels and restaurants
occupation-71 = Business management and organisation
occupation-72 = Finance, accounting and tax
occupation-73 = Law and administration
occupation-81 = Medical health care
occupation-82 = Non-medical health care, body care and medical technology
occupation-83 = Education, social work and housekeeping
occupation-84 = Teaching and training
occupation-91 = Languages, humanities and social sciences
occupation-92 = Advertising, marketing and media
occupation-93 = Design and crafts
occupation-94 = Performing arts and entertainment

# Occupational areas (first digit), short, for one-digit codes.
occupation-area-0 = Military
occupation-area-1 = Agriculture and gardening
occupation-area-2 = Production and manufacturing
occupation-area-3 = Construction and building services
occupation-area-4 = Science and computing
occupation-area-5 = Transport, logistics and security
occupation-area-6 = Trade, sales and tourism
occupation-area-7 = Office, law and administration
occupation-area-8 = Health, social work and education
occupation-area-9 = Languages, media, arts and culture
