"""Demo content of the events, in French and English: Maison & Objet with the
delegation of Korean startups that registers for it, and last year's VivaTech.

The dates are computed by the loader (the next edition of each fair); every sentence
here is written for the demo.
"""

from decimal import Decimal

from events.workflow import Status

MONTHS = {
    1: ("janvier", "January"),
    9: ("septembre", "September"),
}

# What does not change from one edition to the next (the loader adds names and dates).
MAISON_OBJET = {
    "venue_fr": "Parc des expositions Paris Nord Villepinte",
    "venue_en": "Paris Nord Villepinte exhibition centre",
    "city_fr": "Paris",
    "city_en": "Paris",
    "country_fr": "France",
    "country_en": "France",
    "website": "https://www.maison-objet.com/",
    "description_fr": (
        "Maison & Objet est le grand rendez-vous parisien de la décoration, du design "
        "d'intérieur et de l'art de vivre. Deux fois par an, en janvier et en "
        "septembre, créateurs, marques, acheteurs et prescripteurs du monde entier "
        "s'y retrouvent pendant cinq jours au nord de Paris.\n\n"
        "Pour une jeune marque, c'est l'occasion de présenter ses produits aux "
        "grands magasins, concept stores et distributeurs européens."
    ),
    "description_en": (
        "Maison & Objet is the major Paris meeting place for interior design, "
        "decoration and lifestyle. Twice a year, in January and September, designers, "
        "brands, buyers and specifiers from all over the world spend five days there, "
        "just north of Paris.\n\n"
        "For a young brand, it is the chance to show its products to European "
        "department stores, concept stores and distributors."
    ),
}

KOREAN_STARTUPS_DELEGATION = {
    "title_fr": "Délégation de startups coréennes à Maison & Objet",
    "title_en": "Korean startups delegation at Maison & Objet",
    "summary_fr": (
        "La chambre accompagne à Paris un petit groupe de jeunes entreprises "
        "coréennes du design et de la maison, pour qu'elles rencontrent acheteurs et "
        "distributeurs et posent les bases de leur développement en France."
    ),
    "summary_en": (
        "The chamber takes a small group of young Korean design and home companies "
        "to Paris, so that they meet buyers and distributors and lay the ground for "
        "their growth in France."
    ),
    "audience_fr": (
        "Les startups et jeunes entreprises coréennes du mobilier, du luminaire, des "
        "arts de la table, du textile, de la décoration ou de la maison connectée, "
        "qui ont un produit prêt à l'export et veulent vendre en France."
    ),
    "audience_en": (
        "Korean startups and young companies in furniture, lighting, tableware, "
        "textiles, decoration or the connected home, with a product ready for export "
        "and a wish to sell in France."
    ),
    "offer_fr": (
        "Un espace d'exposition sur le stand collectif, avec une vitrine par "
        "entreprise\n"
        "Des rendez-vous préparés à l'avance avec des acheteurs, distributeurs et "
        "concept stores français\n"
        "Une demi-journée de préparation au marché français : distribution, prix, "
        "étiquetage et réglementation\n"
        "Un interprète coréen-français-anglais sur le stand\n"
        "Une soirée de rencontres avec les membres français de la chambre"
    ),
    "offer_en": (
        "Exhibition space on the shared stand, with a showcase for each company\n"
        "Meetings arranged in advance with French buyers, distributors and concept "
        "stores\n"
        "A half-day briefing on the French market: distribution, pricing, labelling "
        "and regulations\n"
        "A Korean-French-English interpreter on the stand\n"
        "A networking evening with the chamber's French members"
    ),
    "fee": Decimal("1500.00"),
    "currency": "EUR",
    "fee_details_fr": "par entreprise ; voyage et hébergement non compris",
    "fee_details_en": "per company; travel and accommodation not included",
    "capacity": 6,
    "contact_email": "delegations@example.org",
}

VIVATECH = {
    "venue_fr": "Paris Expo Porte de Versailles",
    "venue_en": "Paris Expo Porte de Versailles",
    "city_fr": "Paris",
    "city_en": "Paris",
    "country_fr": "France",
    "country_en": "France",
    "website": "https://vivatechnology.com/",
    "description_fr": (
        "Le salon parisien de l'innovation et des startups, où grands groupes, "
        "investisseurs et jeunes pousses du monde entier se rencontrent chaque "
        "printemps."
    ),
    "description_en": (
        "The Paris fair for innovation and startups, where large groups, investors "
        "and young companies from all over the world meet every spring."
    ),
}

VIVATECH_DELEGATION = {
    "title_fr": "Startups technologiques coréennes à VivaTech",
    "title_en": "Korean tech startups at VivaTech",
    "summary_fr": "Une délégation de jeunes entreprises coréennes de la tech à Paris.",
    "summary_en": "A delegation of young Korean tech companies in Paris.",
    "fee": Decimal("0.00"),
    "capacity": 4,
    "contact_email": "delegations@example.org",
}

# company, contact, e-mail (example.com/org), language, sector, pitch, status path
KOREAN_STARTUPS = [
    (
        "Hanji Atelier",
        "Kim Min-ji",
        "minji.kim@example.com",
        "en",
        "Lighting",
        "Lamps made of hanji, the Korean mulberry paper, shaped by hand in Jeonju.",
        [Status.SUBMITTED, Status.ACCEPTED],
    ),
    (
        "Onggi Lab",
        "Park Ji-hoon",
        "jihoon.park@example.com",
        "fr",
        "Tableware",
        "Breathable onggi earthenware redesigned for modern kitchens and fermentation.",
        [Status.SUBMITTED, Status.ACCEPTED],
    ),
    (
        "Seoul Loom",
        "Lee Seo-yeon",
        "seoyeon.lee@example.org",
        "en",
        "Textiles",
        "Bedding and throws woven from organic cotton and ramie on restored looms.",
        [Status.SUBMITTED, Status.ACCEPTED],
    ),
    (
        "Baram Living",
        "Choi Dong-hyun",
        "donghyun.choi@example.com",
        "en",
        "Connected home",
        "Quiet air purifiers hidden in ceramic and wooden furniture.",
        [Status.SUBMITTED, Status.CANCELLED],
    ),
    (
        "Najeon Studio",
        "Jung Ha-eun",
        "haeun.jung@example.org",
        "fr",
        "Decoration",
        "Mother-of-pearl inlay (najeon) on contemporary trays, boxes and mirrors.",
        [Status.SUBMITTED],
    ),
    (
        "Dalbit Design",
        "Kang Tae-yang",
        "taeyang.kang@example.com",
        "en",
        "Furniture",
        "Modular stools and side tables in oak, inspired by the moon jar.",
        [Status.SUBMITTED],
    ),
    (
        "Jeju Stone Works",
        "Yoon Soo-ah",
        "sooah.yoon@example.com",
        "en",
        "Decoration",
        "Objects in Jeju basalt: candle holders, bookends and coasters.",
        [Status.SUBMITTED, Status.REJECTED],
    ),
    (
        "Moa Home",
        "Han Jae-won",
        "jaewon.han@example.org",
        "fr",
        "Tableware",
        "Stackable lacquered bowls and lunch boxes for everyday use.",
        [Status.SUBMITTED],
    ),
    (
        "Sori Sound Objects",
        "Oh Ye-jin",
        "yejin.oh@example.com",
        "en",
        "Connected home",
        "Speakers carved from walnut with a brass grille, made in Seoul.",
        [Status.WAITLISTED],
    ),
    (
        "Bom Ceramics",
        "Seo Jun-ho",
        "junho.seo@example.org",
        "en",
        "Tableware",
        "Celadon tableware with a matt glaze, fired in Icheon.",
        [Status.WAITLISTED],
    ),
]
