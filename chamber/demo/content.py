"""Demo content of the chamber's records, in French and English: organisations and the
Busan MOU with its parties and signatories.

The facts of the MOU (parties, signatories, place) come from a public press release of a
member company; every sentence here is written for the demo.
"""

import datetime

ORGANISATIONS = [
    {
        "slug": "renault-korea-motors",
        "name_fr": "Renault Korea Motors",
        "name_en": "Renault Korea Motors",
        "short_name": "",
        "kind": "company",
        "membership": "patron",
        "member_since": datetime.date(2000, 9, 1),
        "sector_fr": "Construction automobile",
        "sector_en": "Car manufacturing",
        "city_fr": "Busan",
        "city_en": "Busan",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "description_fr": (
            "Constructeur automobile installé à Busan, filiale du groupe Renault, qui "
            "produit dans son usine de la ville des véhicules pour la Corée et l'export."
        ),
        "description_en": (
            "A carmaker based in Busan and part of the Renault Group, building vehicles "
            "for Korea and for export at its plant in the city."
        ),
        "logo": ("RKM", "#1b1f24"),
    },
    {
        "slug": "busan-metropolitan-city",
        "name_fr": "Ville métropolitaine de Busan",
        "name_en": "Busan Metropolitan City",
        "short_name": "",
        "kind": "public_body",
        "membership": "",
        "sector_fr": "Administration publique",
        "sector_en": "Public administration",
        "city_fr": "Busan",
        "city_en": "Busan",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "description_fr": "La deuxième ville de Corée du Sud et son premier port.",
        "description_en": "South Korea's second city and its largest port.",
        "logo": ("BUSAN", "#0b5fa5"),
    },
    {
        "slug": "baica",
        "name_fr": "Association coopérative des équipementiers automobiles de Busan",
        "name_en": "Busan Autoparts Industries Cooperative Association",
        "short_name": "BAICA",
        "kind": "association",
        "membership": "",
        "sector_fr": "Équipement automobile",
        "sector_en": "Automotive parts",
        "city_fr": "Busan",
        "city_en": "Busan",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "description_fr": (
            "L'association qui regroupe les fabricants de pièces automobiles de Busan."
        ),
        "description_en": "The association of the automotive parts makers of Busan.",
        "logo": ("BAICA", "#2f6b3a"),
    },
    {
        "slug": "south-east-alliance-iacf",
        "name_fr": "Alliance du Sud-Est des fondations de coopération université-industrie",
        "name_en": "South East Alliance of the Industry Academy Cooperation Foundation",
        "short_name": "",
        "kind": "academic",
        "membership": "",
        "sector_fr": "Enseignement supérieur et recherche",
        "sector_en": "Higher education and research",
        "city_fr": "Busan",
        "city_en": "Busan",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "description_fr": (
            "Un réseau qui réunit les responsables des centres de coopération avec "
            "l'industrie des universités du sud-est de la Corée."
        ),
        "description_en": (
            "A network of the heads of the industry cooperation centres of universities "
            "in south-east Korea."
        ),
        "logo": ("SEA", "#6b2f5f"),
    },
    {
        "slug": "busan-techno-park",
        "name_fr": "Busan Techno Park",
        "name_en": "Busan Techno Park",
        "short_name": "",
        "kind": "techno_park",
        "membership": "member",
        "member_since": datetime.date(2015, 3, 1),
        "sector_fr": "Innovation et soutien aux entreprises",
        "sector_en": "Innovation and business support",
        "city_fr": "Busan",
        "city_en": "Busan",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "description_fr": (
            "Le parc technologique de Busan accompagne les entreprises innovantes de la "
            "région, de la recherche à l'industrialisation."
        ),
        "description_en": (
            "Busan's technology park supports the region's innovative companies, from "
            "research to production."
        ),
        "logo": ("BTP", "#b3122e"),
    },
]

AGREEMENT = {
    "slug_fr": "protocole-ecosysteme-automobile-du-futur-busan",
    "slug_en": "busan-future-car-ecosystem-mou",
    "title_fr": "Protocole d'accord pour l'écosystème de l'automobile du futur à Busan",
    "title_en": "MOU on an ecosystem for the future car industry in Busan",
    "signed_on": datetime.date(2022, 10, 13),
    "place_fr": "Plateforme Eurasie, gare de Busan",
    "place_en": "Eurasia Platform, Busan Station",
    "summary_fr": (
        "Un constructeur, une ville, une association d'équipementiers, un réseau "
        "d'universités et un parc technologique s'engagent ensemble pour préparer "
        "l'industrie automobile de Busan aux véhicules propres."
    ),
    "summary_en": (
        "A carmaker, a city, a parts makers' association, a network of universities and "
        "a technology park commit together to prepare Busan's car industry for clean "
        "vehicles."
    ),
}

# (organisation slug, role_fr, role_en)
PARTIES = [
    (
        "renault-korea-motors",
        "Ouvre un « Eco-Cluster Center » dans son usine de Busan et y conduit des projets "
        "communs avec les universités, les laboratoires et les équipementiers de la "
        "région, en recrutant sur place.",
        "Opens an Eco-Cluster Center in its Busan factory, where it works on joint projects "
        "with the region's universities, laboratories and parts makers, hiring locally.",
    ),
    (
        "busan-metropolitan-city",
        "Soutient l'essor de la filière par un appui administratif à la formation des "
        "talents et au développement de la recherche.",
        "Backs the growth of the industry with administrative support for training "
        "talent and for more research and development.",
    ),
    (
        "baica",
        "Crée un pôle collaboratif pour l'écosystème de la voiture de demain et veille à "
        "la continuité de l'approvisionnement en pièces.",
        "Sets up a shared hub for the next-generation car ecosystem and keeps the supply "
        "of parts flowing.",
    ),
    (
        "south-east-alliance-iacf",
        "Lance des formations sur mesure et aide les entreprises à recruter grâce à des "
        "programmes menés en commun.",
        "Launches tailored courses and helps companies recruit through jointly run programmes.",
    ),
    (
        "busan-techno-park",
        "Pose les bases d'une coopération entre industrie, universités et instituts de "
        "recherche dans la mobilité du futur en pilotant l'Eco-Cluster Center.",
        "Lays the groundwork for cooperation between industry, universities and research "
        "institutes in future mobility by running the Eco-Cluster Center.",
    ),
]

# (name, title_fr, title_en, organisation slug)
SIGNATORIES = [
    (
        "Stéphane Deblaise",
        "Président-directeur général",
        "Chief executive officer",
        "renault-korea-motors",
    ),
    ("Park Heong-joon", "Maire de Busan", "Mayor of Busan", "busan-metropolitan-city"),
    ("Kim Hyung-gyun", "Président", "President", "busan-techno-park"),
]
