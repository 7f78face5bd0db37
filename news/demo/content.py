"""Demo content of the news, in French and English: categories, the article that
reports the Busan MOU, and eleven more articles.

Every sentence here is written for the demo.
"""

CATEGORIES = [
    # (slug_fr, slug_en, name_fr, name_en)
    ("actus-des-entreprises", "company-news", "Actus des entreprises", "Company news"),
    ("actus-de-la-chambre", "chamber-news", "Actus de la Chambre", "Chamber news"),
    ("foire-et-salon", "trade-fairs", "Foire & Salon", "Trade fairs"),
    ("evenements", "events", "Événements", "Events"),
]

MOU_ARTICLE = {
    "slug_fr": "renault-korea-motors-ecosysteme-automobile-du-futur-busan",
    "slug_en": "renault-korea-motors-future-car-ecosystem-busan",
    "category": "actus-des-entreprises",
    "days_ago": 3,
    "title_fr": "Renault Korea Motors fédère Busan autour de l'automobile de demain",
    "title_en": "Renault Korea Motors rallies Busan around the car of tomorrow",
    "lead_fr": (
        "Le constructeur, la ville de Busan et trois institutions régionales ont signé un "
        "protocole d'accord : un centre de R&D verra le jour dans l'usine de Busan pour "
        "accompagner la filière vers les véhicules propres."
    ),
    "lead_en": (
        "The carmaker, the city of Busan and three regional institutions have signed an "
        "MOU: an R&D centre will open at the Busan plant to steer the local industry "
        "towards clean vehicles."
    ),
    "key_points_fr": (
        "Cinq partenaires publics, industriels et universitaires unissent leurs forces "
        "pour innover à Busan\n"
        "Un « Eco-Cluster Center » sera installé dans l'usine Renault Korea Motors de "
        "Busan pour réussir la transition vers l'automobile écologique"
    ),
    "key_points_en": (
        "Five public, industrial and academic partners join forces for innovation in "
        "Busan\n"
        "An Eco-Cluster Center will be set up at Renault Korea Motors' Busan plant to "
        "make the shift to green vehicles a success"
    ),
    "body_fr": (
        "<p>C'est sur la plateforme Eurasie de la gare de Busan que Renault Korea Motors a "
        "signé un protocole d'accord avec la ville métropolitaine de Busan, l'association "
        "des équipementiers automobiles de Busan (BAICA), l'Alliance du Sud-Est des "
        "fondations de coopération université-industrie et le Busan Techno Park.</p>"
        "<p>Stéphane Deblaise, président-directeur général de Renault Korea Motors, le "
        "maire de Busan Park Heong-joon et le président du Busan Techno Park Kim "
        "Hyung-gyun ont paraphé le texte aux côtés des autres partenaires. Il prévoit la "
        "création d'un Eco-Cluster Center dans l'usine du constructeur et une "
        "collaboration durable entre pouvoirs publics, entreprises et universités.</p>"
        "<p>Chaque signataire y précise sa part du travail, détaillée ci-dessous. "
        "L'accord prolonge l'engagement pris par le constructeur et la ville en septembre "
        "2021 de développer ensemble la filière de la voiture de demain et d'y créer des "
        "emplois.</p>"
        "<p>Pour Stéphane Deblaise, ce partenariat montre comment acteurs publics, "
        "industriels et académiques peuvent bâtir ensemble un écosystème local ; il "
        "compte aussi sur la poursuite du soutien de l'État à la voiture verte. Première "
        "étape de ce projet : un nouveau SUV hybride de taille moyenne, dont le "
        "lancement est prévu en 2024.</p>"
    ),
    "body_en": (
        "<p>At the Eurasia Platform in Busan Station, Renault Korea Motors signed a "
        "memorandum of understanding with Busan Metropolitan City, the Busan Autoparts "
        "Industries Cooperative Association (BAICA), the South East Alliance of the "
        "Industry Academy Cooperation Foundation and Busan Techno Park.</p>"
        "<p>Stéphane Deblaise, chief executive of Renault Korea Motors, Busan's mayor Park "
        "Heong-joon and Busan Techno Park's president Kim Hyung-gyun put their names to "
        "the text together with the other partners. It provides for an Eco-Cluster "
        "Center at the carmaker's plant and for lasting cooperation between the public "
        "sector, business and universities.</p>"
        "<p>Each party sets out its share of the work, listed below. The agreement "
        "follows up on the commitment made by the carmaker and the city in September "
        "2021 to grow the future-car industry together and to create jobs in it.</p>"
        "<p>Stéphane Deblaise sees the partnership as proof that public, industrial and "
        "academic players can build a local ecosystem together, and he counts on "
        "continued government support for green cars. The first step of the project is a "
        "new mid-size hybrid SUV, due to be launched in 2024.</p>"
    ),
    "image_alt_fr": "Bannière aux couleurs de la Chambre pour l'accord de Busan",
    "image_alt_en": "Banner in the chamber's colours for the Busan agreement",
    "image_caption_fr": "La signature s'est tenue sur la plateforme Eurasie de la gare de Busan.",
    "image_caption_en": "The signing took place on the Eurasia Platform at Busan Station.",
    "image_credit": "FKCCI",
    "seo_description_fr": (
        "Renault Korea Motors, la ville de Busan, BAICA, une alliance d'universités et le "
        "Busan Techno Park signent un protocole pour l'automobile de demain."
    ),
    "seo_description_en": (
        "Renault Korea Motors, Busan city, BAICA, a university alliance and Busan Techno "
        "Park sign an MOU for the car industry of the future."
    ),
    "colors": ("#0b2a4a", "#b3122e"),
    # The parties to the MOU, by their slugs in the chamber's demo.
    "organisations": [
        "renault-korea-motors",
        "busan-metropolitan-city",
        "baica",
        "south-east-alliance-iacf",
        "busan-techno-park",
    ],
}

# Shorter articles, so that the news list has several pages and categories.
# (category, days_ago, slug_fr, slug_en, title_fr, title_en, lead_fr, lead_en, body_fr, body_en)
OTHER_ARTICLES = [
    (
        "foire-et-salon", 5,
        "maison-et-objet-delegation-startups-coreennes",
        "maison-et-objet-korean-startup-delegation",
        "Maison & Objet : la Chambre emmène des startups coréennes à Paris",
        "Maison & Objet: the chamber takes Korean startups to Paris",
        "La Chambre conduira une délégation de jeunes pousses coréennes au salon Maison & "
        "Objet pour les aider à se faire connaître sur le marché français.",
        "The chamber will lead a delegation of young Korean companies to the Maison & "
        "Objet fair to help them make a name for themselves in France.",
        "<p>Stand partagé, rendez-vous avec des acheteurs et préparation en amont : les "
        "startups retenues bénéficieront d'un accompagnement complet. Les inscriptions "
        "se font en ligne, dans la limite des places disponibles.</p>",
        "<p>A shared stand, meetings with buyers and coaching beforehand: the selected "
        "startups will be supported all the way. Registration is online, while places "
        "last.</p>",
    ),
    (
        "actus-de-la-chambre", 9,
        "bienvenue-aux-nouveaux-membres", "welcome-to-our-new-members",
        "Bienvenue à nos nouveaux membres",
        "Welcome to our new members",
        "Huit entreprises ont rejoint la Chambre ce trimestre, de la cosmétique à "
        "l'ingénierie navale.",
        "Eight companies joined the chamber this quarter, from cosmetics to naval "
        "engineering.",
        "<p>Nous leur souhaitons la bienvenue et les retrouverons lors de nos prochaines "
        "rencontres. L'annuaire des membres présente chacune d'elles.</p>",
        "<p>We welcome them and look forward to meeting them at our coming events. The "
        "member directory introduces each of them.</p>",
    ),
    (
        "evenements", 12,
        "soiree-networking-seoul", "networking-evening-seoul",
        "Une soirée de networking réussie à Séoul",
        "A successful networking evening in Seoul",
        "Plus de cent cinquante dirigeants se sont retrouvés pour la soirée de rentrée de "
        "la Chambre.",
        "More than a hundred and fifty business leaders met at the chamber's autumn "
        "evening.",
        "<p>Les échanges ont porté sur les projets de l'année à venir et sur les "
        "occasions d'affaires entre la France et la Corée.</p>",
        "<p>Talk turned to the plans for the coming year and to business opportunities "
        "between France and Korea.</p>",
    ),
    (
        "actus-de-la-chambre", 16,
        "assemblee-generale-annuelle", "annual-general-meeting",
        "L'assemblée générale annuelle de la Chambre",
        "The chamber's annual general meeting",
        "Les membres ont approuvé les comptes et élu un conseil d'administration renouvelé.",
        "Members approved the accounts and elected a renewed board of directors.",
        "<p>Le rapport d'activité présenté à cette occasion est disponible sur demande "
        "auprès du secrétariat.</p>",
        "<p>The annual report presented at the meeting is available on request from the "
        "secretariat.</p>",
    ),
    (
        "actus-des-entreprises", 20,
        "pme-cosmetique-bureau-seoul", "cosmetics-sme-opens-seoul-office",
        "Une PME française de cosmétiques ouvre un bureau à Séoul",
        "A French cosmetics SME opens an office in Seoul",
        "Membre de la Chambre depuis deux ans, l'entreprise s'installe à Seongsu pour "
        "se rapprocher de ses distributeurs.",
        "A member of the chamber for two years, the company is moving into Seongsu to be "
        "closer to its distributors.",
        "<p>Elle prévoit de recruter une équipe locale de dix personnes d'ici la fin de "
        "l'année prochaine.</p>",
        "<p>It plans to hire a local team of ten by the end of next year.</p>",
    ),
    (
        "foire-et-salon", 25,
        "bilan-mission-salon-lyon", "lyon-trade-fair-mission-review",
        "Retour sur notre mission au salon de Lyon",
        "Looking back on our mission to the Lyon fair",
        "Douze entreprises coréennes ont rencontré près de trois cents visiteurs "
        "professionnels en quatre jours.",
        "Twelve Korean companies met nearly three hundred trade visitors in four days.",
        "<p>Plusieurs accords de distribution sont en cours de négociation à la suite du "
        "salon.</p>",
        "<p>Several distribution agreements are being negotiated after the fair.</p>",
    ),
    (
        "actus-de-la-chambre", 30,
        "guide-implantation-coree", "guide-to-setting-up-in-korea",
        "Un nouveau guide pour s'implanter en Corée",
        "A new guide to setting up in Korea",
        "Fiscalité, droit du travail, immobilier : le guide de la Chambre rassemble "
        "l'essentiel pour les entreprises françaises.",
        "Tax, labour law, premises: the chamber's guide gathers the essentials for French "
        "companies.",
        "<p>Le guide est offert aux membres et vendu aux autres entreprises.</p>",
        "<p>The guide is free for members and sold to other companies.</p>",
    ),
    (
        "evenements", 34,
        "petit-dejeuner-mobilite-electrique", "electric-mobility-breakfast",
        "Petit-déjeuner débat sur la mobilité électrique",
        "Breakfast debate on electric mobility",
        "Constructeurs et énergéticiens ont confronté leurs feuilles de route pour la "
        "recharge des véhicules.",
        "Carmakers and energy companies compared their road maps for vehicle charging.",
        "<p>La prochaine rencontre portera sur l'hydrogène.</p>",
        "<p>The next meeting will be about hydrogen.</p>",
    ),
    (
        "actus-des-entreprises", 40,
        "startup-daejeon-leve-des-fonds-paris", "daejeon-startup-raises-funds-paris",
        "Une startup de Daejeon lève des fonds à Paris",
        "A Daejeon startup raises funds in Paris",
        "Accompagnée par la Chambre, la jeune entreprise a convaincu deux fonds "
        "d'investissement français.",
        "Supported by the chamber, the young company won over two French investment "
        "funds.",
        "<p>Les fonds serviront à ouvrir une filiale en France l'an prochain.</p>",
        "<p>The money will be used to open a French subsidiary next year.</p>",
    ),
    (
        "actus-de-la-chambre", 45,
        "enquete-conjoncture-membres", "members-business-survey",
        "Enquête annuelle de conjoncture auprès des membres",
        "Annual business survey of members",
        "Deux tiers des entreprises interrogées prévoient d'augmenter leurs effectifs en "
        "Corée.",
        "Two thirds of the companies surveyed expect to grow their headcount in Korea.",
        "<p>Les résultats détaillés seront présentés lors d'un webinaire réservé aux "
        "membres.</p>",
        "<p>The detailed results will be presented in a members-only webinar.</p>",
    ),
    (
        "evenements", 52,
        "atelier-exporter-union-europeenne", "workshop-exporting-to-the-eu",
        "Atelier : exporter vers l'Union européenne",
        "Workshop: exporting to the European Union",
        "Normes, douanes et étiquetage : un atelier pratique pour les PME coréennes.",
        "Standards, customs and labelling: a hands-on workshop for Korean SMEs.",
        "<p>L'atelier est animé par des experts du commerce international membres de la "
        "Chambre.</p>",
        "<p>The workshop is led by international trade experts who are members of the "
        "chamber.</p>",
    ),
]  # fmt: skip

PALETTE = [
    ("#0b2a4a", "#1f6f8b"),
    ("#3b1f4a", "#b3122e"),
    ("#1f4a2f", "#c7a008"),
    ("#4a2a0b", "#0b5fa5"),
]

# One scheduled article and one draft, as an editor would have them in the admin.
UNPUBLISHED_ARTICLES = [
    {
        "slug_fr": "programme-du-semestre-prochain",
        "slug_en": "next-semester-programme",
        "title_fr": "Le programme du semestre prochain",
        "title_en": "Next semester's programme",
        "lead_fr": "Salons, missions et rencontres : le calendrier des six prochains mois.",
        "lead_en": "Fairs, missions and meetings: the calendar for the next six months.",
        "category": "actus-de-la-chambre",
        "status": "published",
        "days_ago": -7,
    },
    {
        "slug_fr": "brouillon-rapport-annuel",
        "slug_en": "draft-annual-report",
        "title_fr": "Rapport annuel (brouillon)",
        "title_en": "Annual report (draft)",
        "category": "actus-de-la-chambre",
        "status": "draft",
        "days_ago": 0,
    },
]
