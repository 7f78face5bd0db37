"""Demo content of the events, in French, English and Korean: Maison & Objet with the
delegation of Korean startups that registers for it, and last year's VivaTech.

The dates are computed by the loader (the next edition of each fair); every sentence
here is written for the demo.
"""

from decimal import Decimal

from events.workflow import Status

# (French, English, Korean) month names, for the names and slugs of the editions.
MONTHS = {
    1: ("janvier", "January", "1월"),
    9: ("septembre", "September", "9월"),
}

# What does not change from one edition to the next (the loader adds names and dates).
MAISON_OBJET = {
    "venue_name_fr": "Parc des expositions Paris Nord Villepinte",
    "venue_name_en": "Paris Nord Villepinte exhibition centre",
    "venue_name_ko": "파리 노르 빌팽트 전시장",
    "street_address": "ZAC Paris Nord 2",
    "postal_code": "93420",
    "locality": "Villepinte",
    "country": "FR",
    "organiser_name": "SAFI",
    "website": "https://www.maison-objet.com/",
    # The demo's picture is a banner drawn by the loader, described as what it is.
    "image_alt_fr": "Bannière aux couleurs du salon Maison & Objet",
    "image_alt_en": "Banner in the colours of the Maison & Objet fair",
    "image_alt_ko": "메종&오브제 전시회 배너",
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
    "description_ko": (
        "메종&오브제는 인테리어 디자인과 장식, 라이프스타일 분야를 대표하는 파리의 "
        "전시회입니다. 매년 1월과 9월 두 차례, 전 세계의 디자이너와 브랜드, 바이어, "
        "업계 전문가들이 파리 북부에 모여 닷새 동안 교류합니다.\n\n"
        "신생 브랜드에게는 유럽의 백화점과 편집숍, 유통업체에 제품을 선보일 수 있는 "
        "기회입니다."
    ),
}

KOREAN_STARTUPS_DELEGATION = {
    "title_fr": "Délégation de startups coréennes à Maison & Objet",
    "title_en": "Korean startups delegation at Maison & Objet",
    "title_ko": "메종&오브제 한국 스타트업 사절단",
    "summary_fr": (
        "La chambre accompagne au salon, à Villepinte près de Paris, un petit groupe "
        "de jeunes entreprises coréennes du design et de la maison, pour qu'elles "
        "rencontrent acheteurs et "
        "distributeurs et posent les bases de leur développement en France."
    ),
    "summary_en": (
        "The chamber takes a small group of young Korean design and home companies "
        "to the fair at Villepinte, near Paris, so that they meet buyers and "
        "distributors and lay the ground for "
        "their growth in France."
    ),
    "summary_ko": (
        "상공회의소가 디자인·리빙 분야의 한국 신생 기업 몇 곳과 함께 파리 근교 빌팽트의 "
        "전시회를 찾습니다. "
        "참가 기업은 바이어와 유통업체를 만나 프랑스 시장 진출의 발판을 마련합니다."
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
    "audience_ko": (
        "가구, 조명, 테이블웨어, 텍스타일, 인테리어 소품, 스마트홈 분야의 한국 "
        "스타트업과 신생 기업 가운데, 수출 준비를 마친 제품을 갖추고 프랑스 시장 "
        "판매를 희망하는 기업을 대상으로 합니다."
    ),
    "offer_fr": (
        "Un espace d'exposition sur le stand collectif, avec une vitrine par "
        "entreprise\n"
        "Des rendez-vous préparés à l'avance avec des acheteurs, distributeurs et "
        "concept stores français\n"
        "Une demi-journée de préparation au marché français\u202f: distribution, prix, "
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
    "offer_ko": (
        "공동관 내 전시 공간과 기업별 진열대 제공\n"
        "프랑스 바이어, 유통업체, 편집숍과의 사전 주선 상담\n"
        "유통, 가격 책정, 라벨링, 규제 등 프랑스 시장 진출 반나절 교육\n"
        "부스 내 한국어·프랑스어·영어 통역 지원\n"
        "상공회의소 프랑스 회원사와의 네트워킹 리셉션"
    ),
    "fee": Decimal("1500.00"),
    "currency": "EUR",
    "fee_details_fr": "par entreprise\u202f; voyage et hébergement non compris",
    "fee_details_en": "per company; travel and accommodation not included",
    "fee_details_ko": "기업당 금액, 항공·숙박비 별도",
    "capacity": 6,
    "contact_email": "delegations@example.org",
}

VIVATECH = {
    "venue_name_fr": "Paris Expo Porte de Versailles",
    "venue_name_en": "Paris Expo Porte de Versailles",
    "venue_name_ko": "파리 엑스포 포르트 드 베르사유",
    "street_address": "1 place de la Porte de Versailles",
    "postal_code": "75015",
    "locality": "Paris",
    "country": "FR",
    "organiser_name": "Publicis Groupe & Les Echos-Le Parisien",
    "website": "https://vivatechnology.com/",
    "image_alt_fr": "Bannière aux couleurs du salon VivaTech",
    "image_alt_en": "Banner in the colours of the VivaTech fair",
    "image_alt_ko": "VivaTech 전시회 배너",
    "description_fr": (
        "Le salon parisien de l'innovation et des startups, où grands groupes, "
        "investisseurs et jeunes pousses du monde entier se rencontrent chaque "
        "printemps."
    ),
    "description_en": (
        "The Paris fair for innovation and startups, where large groups, investors "
        "and young companies from all over the world meet every spring."
    ),
    "description_ko": (
        "대기업과 투자자, 전 세계의 스타트업이 매년 봄 한자리에 모이는 파리의 혁신·"
        "스타트업 전시회입니다."
    ),
}

VIVATECH_DELEGATION = {
    "title_fr": "Startups technologiques coréennes à VivaTech",
    "title_en": "Korean tech startups at VivaTech",
    "title_ko": "VivaTech 한국 기술 스타트업 사절단",
    "summary_fr": "Une délégation de jeunes entreprises coréennes de la tech à Paris.",
    "summary_en": "A delegation of young Korean tech companies in Paris.",
    "summary_ko": "파리를 찾는 한국 기술 분야 신생 기업들의 사절단입니다.",
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


# The chamber's own events (the loader adds the dates, the registration windows and the
# pictures). Keyed on their English slug.

NETWORKING_EVENING = {
    "kind": "networking",
    "slug_fr": "soiree-networking-de-fin-d-annee-seoul",
    "slug_en": "year-end-networking-evening-seoul",
    "slug_ko": "서울-연말-네트워킹-행사",
    "title_fr": "Soirée networking de fin d'année à Séoul",
    "title_en": "Year-end networking evening in Seoul",
    "title_ko": "서울 연말 네트워킹 행사",
    "summary_fr": (
        "Membres, partenaires et invités se retrouvent autour d'un buffet franco-coréen "
        "pour clore l'année et préparer les projets de la suivante."
    ),
    "summary_en": (
        "Members, partners and guests meet over a French-Korean buffet to close the "
        "year and prepare the next one's projects."
    ),
    "summary_ko": (
        "회원사와 협력 기관, 초청 손님이 한불 뷔페를 함께하며 한 해를 마무리하고 "
        "새해의 사업을 준비합니다."
    ),
    "description_fr": (
        "Le rendez-vous le plus attendu de la communauté d'affaires franco-coréenne\u202f: "
        "dirigeants de filiales françaises, entrepreneurs coréens, représentants des "
        "institutions et nouveaux membres échangent dans une ambiance détendue.\n\n"
        "Au programme\u202f: mot d'accueil du président, présentation des nouveaux membres, "
        "buffet et tirage au sort au profit d'une association."
    ),
    "description_en": (
        "The most awaited gathering of the French-Korean business community: heads of "
        "French subsidiaries, Korean entrepreneurs, representatives of institutions and "
        "new members talk business in a relaxed setting.\n\n"
        "On the programme: a welcome from the president, the new members introduced, "
        "a buffet and a prize draw for a charity."
    ),
    "description_ko": (
        "한불 비즈니스 커뮤니티가 가장 기다리는 모임입니다. 프랑스 기업 한국 법인 "
        "대표, 한국 기업인, 유관 기관 관계자와 신규 회원사가 편안한 분위기에서 "
        "교류합니다.\n\n"
        "프로그램: 회장 환영사, 신규 회원사 소개, 뷔페, 자선 단체를 위한 경품 추첨."
    ),
    "time_zone": "Asia/Seoul",
    "venue_name_fr": "Salle Namsan, hôtel Hannam",
    "venue_name_en": "Namsan Hall, Hannam Hotel",
    "venue_name_ko": "한남 호텔 남산홀",
    "street_address": "45 Hannam-daero, Yongsan-gu",
    "postal_code": "04418",
    "locality": "Seoul",
    "country": "KR",
    "event_language": "multi",
    "audience": "members_and_guests",
    "price_members": Decimal("50000"),
    "price_non_members": Decimal("80000"),
    "currency": "KRW",
    "price_details_fr": "buffet et boissons compris\u202f; paiement sur facture",
    "price_details_en": "buffet and drinks included; paid on invoice",
    "price_details_ko": "뷔페 및 음료 포함, 청구서 결제",
    "image_alt_fr": "Bannière de la soirée networking de fin d'année",
    "image_alt_en": "Banner of the year-end networking evening",
    "image_alt_ko": "연말 네트워킹 행사 배너",
    "capacity": 120,
    "seats_per_company": 2,
    "contact_email": "events@example.org",
}

EXPORT_WEBINAR = {
    "kind": "webinar",
    "slug_fr": "webinaire-exporter-des-cosmetiques-en-france",
    "slug_en": "webinar-exporting-cosmetics-to-france",
    "slug_ko": "웨비나-화장품-프랑스-수출",
    "title_fr": "Webinaire\u202f: exporter des cosmétiques coréens en France",
    "title_en": "Webinar: exporting Korean cosmetics to France",
    "title_ko": "웨비나: 한국 화장품의 프랑스 수출",
    "summary_fr": (
        "Une heure pour comprendre les règles européennes des cosmétiques\u202f: personne "
        "responsable, notification, étiquetage et allégations."
    ),
    "summary_en": (
        "One hour to understand the European rules for cosmetics: the responsible "
        "person, notification, labelling and claims."
    ),
    "summary_ko": (
        "책임자 지정, 제품 신고, 라벨링, 효능 표시 등 유럽 화장품 규정을 한 시간 "
        "만에 이해하는 자리입니다."
    ),
    "description_fr": (
        "Une juriste spécialisée et une marque coréenne déjà présente en France "
        "répondent à vos questions. Le lien de connexion est envoyé aux inscrits "
        "acceptés la veille du webinaire."
    ),
    "description_en": (
        "A specialised lawyer and a Korean brand already sold in France answer your "
        "questions. The link to join is sent to accepted registrants the day before."
    ),
    "description_ko": (
        "전문 변호사와 이미 프랑스에 진출한 한국 브랜드가 질문에 답합니다. 접속 "
        "링크는 웨비나 전날 승인된 신청자에게 발송됩니다."
    ),
    "time_zone": "Asia/Seoul",
    "online_url": "https://meet.example.org/webinar-cosmetics",
    "event_language": "en",
    "audience": "public",
    "price_members": Decimal("0"),
    "price_non_members": Decimal("0"),
    "currency": "KRW",
    "capacity": 300,
    "contact_email": "events@example.org",
}

GENERAL_MEETING = {
    "kind": "general_meeting",
    "title_fr": "Assemblée générale annuelle {year}",
    "title_en": "Annual general meeting {year}",
    "title_ko": "{year}년 정기 총회",
    "summary_fr": (
        "Rapport d'activité, comptes de l'exercice, élection du conseil "
        "d'administration\u202f: les membres décident des orientations de la chambre."
    ),
    "summary_en": (
        "The activity report, the year's accounts, the election of the board: members "
        "decide the chamber's course."
    ),
    "summary_ko": "사업 보고, 결산 승인, 이사회 선출 등 회원사가 상공회의소의 방향을 결정합니다.",
    "description_fr": (
        "Réservée aux membres à jour de leur cotisation\u202f; chaque membre peut donner "
        "procuration à un autre membre. L'ordre du jour est envoyé trois semaines avant."
    ),
    "description_en": (
        "For members whose dues are paid; each member may give a proxy to another "
        "member. The agenda is sent three weeks before."
    ),
    "description_ko": (
        "회비를 납부한 회원사만 참석할 수 있으며, 다른 회원사에 의결권을 위임할 수 "
        "있습니다. 안건은 3주 전에 발송됩니다."
    ),
    "time_zone": "Asia/Seoul",
    "venue_name_fr": "Centre d'affaires de la chambre",
    "venue_name_en": "The chamber's business centre",
    "venue_name_ko": "상공회의소 비즈니스 센터",
    "street_address": "24 Sejong-daero, Jung-gu",
    "postal_code": "04519",
    "locality": "Seoul",
    "country": "KR",
    "event_language": "multi",
    "audience": "members",
    "price_members": Decimal("0"),
    "price_non_members": None,
    "currency": "KRW",
    "capacity": 150,
    "seats_per_company": 1,
    "contact_email": "events@example.org",
}

LABOUR_LAW_SEMINAR = {
    "kind": "seminar",
    "slug_fr": "seminaire-droit-du-travail-coreen",
    "slug_en": "seminar-korean-labour-law",
    "slug_ko": "세미나-한국-노동법",
    "title_fr": "Séminaire\u202f: le droit du travail coréen pour les employeurs français",
    "title_en": "Seminar: Korean labour law for French employers",
    "title_ko": "세미나: 프랑스 기업을 위한 한국 노동법",
    "summary_fr": "Contrats, temps de travail et fin de contrat\u202f: ce qui change en Corée.",
    "summary_en": "Contracts, working time and termination: what differs in Korea.",
    "summary_ko": "근로 계약, 근로 시간, 계약 종료에서 한국의 차이점을 살펴봅니다.",
    "time_zone": "Asia/Seoul",
    "venue_name_fr": "Centre d'affaires de la chambre",
    "venue_name_en": "The chamber's business centre",
    "venue_name_ko": "상공회의소 비즈니스 센터",
    "street_address": "24 Sejong-daero, Jung-gu",
    "postal_code": "04519",
    "locality": "Seoul",
    "country": "KR",
    "event_language": "fr",
    "audience": "public",
    "price_members": Decimal("0"),
    "price_non_members": Decimal("30000"),
    "currency": "KRW",
    "capacity": 40,
    "contact_email": "events@example.org",
}

# The questions of the Maison & Objet delegation's form, keyed on their kind.
PITCH_DECK_QUESTION = {
    "label_fr": "Présentation de l'entreprise (PDF)",
    "label_en": "Company pitch deck (PDF)",
    "label_ko": "회사 소개 자료(PDF)",
    "help_text_fr": (
        "Dix pages au plus\u202f: produits, prix, clients actuels, ambitions en France."
    ),
    "help_text_en": "Ten pages at most: products, prices, current customers, plans for France.",
    "help_text_ko": "10쪽 이내: 제품, 가격, 현재 고객, 프랑스 진출 계획.",
    "required": True,
    "position": 1,
}

PRODUCT_QUESTION = {
    "label_fr": "Quelle famille de produits exposerez-vous\u202f?",
    "label_en": "Which product family will you show?",
    "label_ko": "어떤 제품군을 전시하시겠습니까?",
    "choices_fr": "Mobilier\nLuminaire\nArts de la table\nTextile\nDécoration",
    "choices_en": "Furniture\nLighting\nTableware\nTextiles\nDecoration",
    "choices_ko": "가구\n조명\n테이블웨어\n텍스타일\n인테리어 소품",
    "required": True,
    "position": 2,
}

# Which choice (by its position) each startup of the delegation picked, by sector.
PRODUCT_BY_SECTOR = {
    "Furniture": 0,
    "Lighting": 1,
    "Tableware": 2,
    "Textiles": 3,
    "Decoration": 4,
    "Connected home": 0,
}

# Colleagues who come with the contact (job titles in English, as registrants wrote
# them), by company.
COLLEAGUES = {
    "Hanji Atelier": [("Kim Min-ji", "Founder"), ("Lee Do-yun", "Head of sales")],
    "Onggi Lab": [("Park Ji-hoon", "Chief executive")],
    "Seoul Loom": [("Lee Seo-yeon", "Designer")],
}

# Registrations for the networking evening: company, contact, e-mail, language,
# sector, pitch, status path, people coming.
EVENING_GUESTS = [
    (
        "Hanji Atelier",
        "Kim Min-ji",
        "minji.kim@example.com",
        "ko",
        "Lighting",
        "Glad to meet French buyers before the fair.",
        [Status.SUBMITTED, Status.ACCEPTED],
        ["Kim Min-ji", "Lee Do-yun"],
    ),
    (
        "Brasserie du Fleuve",
        "Claire Martin",
        "claire.martin@example.org",
        "fr",
        "Food and drink",
        "French restaurant group opening in Seoul, looking for suppliers.",
        [Status.SUBMITTED, Status.ACCEPTED],
        ["Claire Martin"],
    ),
    (
        "Hangang Logistics",
        "Choi Eun-woo",
        "eunwoo.choi@example.com",
        "en",
        "Logistics",
        "Freight between Busan and Le Havre.",
        [Status.SUBMITTED],
        ["Choi Eun-woo"],
    ),
]
