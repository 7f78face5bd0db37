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
    "venue_fr": "Parc des expositions Paris Nord Villepinte",
    "venue_en": "Paris Nord Villepinte exhibition centre",
    "venue_ko": "파리 노르 빌팽트 전시장",
    "city_fr": "Paris",
    "city_en": "Paris",
    "city_ko": "파리",
    "country_fr": "France",
    "country_en": "France",
    "country_ko": "프랑스",
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
        "La chambre accompagne à Paris un petit groupe de jeunes entreprises "
        "coréennes du design et de la maison, pour qu'elles rencontrent acheteurs et "
        "distributeurs et posent les bases de leur développement en France."
    ),
    "summary_en": (
        "The chamber takes a small group of young Korean design and home companies "
        "to Paris, so that they meet buyers and distributors and lay the ground for "
        "their growth in France."
    ),
    "summary_ko": (
        "상공회의소가 디자인·리빙 분야의 한국 신생 기업 몇 곳과 함께 파리를 찾습니다. "
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
    "offer_ko": (
        "공동관 내 전시 공간과 기업별 진열대 제공\n"
        "프랑스 바이어, 유통업체, 편집숍과의 사전 주선 상담\n"
        "유통, 가격 책정, 라벨링, 규제 등 프랑스 시장 진출 반나절 교육\n"
        "부스 내 한국어·프랑스어·영어 통역 지원\n"
        "상공회의소 프랑스 회원사와의 네트워킹 리셉션"
    ),
    "fee": Decimal("1500.00"),
    "currency": "EUR",
    "fee_details_fr": "par entreprise ; voyage et hébergement non compris",
    "fee_details_en": "per company; travel and accommodation not included",
    "fee_details_ko": "기업당 금액, 항공·숙박비 별도",
    "capacity": 6,
    "contact_email": "delegations@example.org",
}

VIVATECH = {
    "venue_fr": "Paris Expo Porte de Versailles",
    "venue_en": "Paris Expo Porte de Versailles",
    "venue_ko": "파리 엑스포 포르트 드 베르사유",
    "city_fr": "Paris",
    "city_en": "Paris",
    "city_ko": "파리",
    "country_fr": "France",
    "country_en": "France",
    "country_ko": "프랑스",
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
