"""Demo content of the chamber's records, in French, English and Korean: organisations and
the Busan MOU with its parties and signatories.

The facts of the MOU (parties, signatories, place) come from a public press release of a
member company; every sentence here is written for the demo.
"""

import datetime

ORGANISATIONS = [
    {
        "slug": "renault-korea-motors",
        "name_fr": "Renault Korea Motors",
        "name_en": "Renault Korea Motors",
        "name_ko": "르노코리아",
        "short_name": "",
        "kind": "company",
        "membership": "patron",
        "member_since": datetime.date(2000, 9, 1),
        "sector_fr": "Construction automobile",
        "sector_en": "Car manufacturing",
        "sector_ko": "자동차 제조",
        "city_fr": "Busan",
        "city_en": "Busan",
        "city_ko": "부산",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "country_ko": "대한민국",
        "description_fr": (
            "Constructeur automobile installé à Busan, filiale du groupe Renault, qui "
            "produit dans son usine de la ville des véhicules pour la Corée et l'export."
        ),
        "description_en": (
            "A carmaker based in Busan and part of the Renault Group, building vehicles "
            "for Korea and for export at its plant in the city."
        ),
        "description_ko": (
            "르노그룹 계열의 완성차 기업으로, 부산공장에서 국내 판매용과 수출용 차량을 생산합니다."
        ),
        "logo": ("RKM", "#1b1f24"),
    },
    {
        "slug": "busan-metropolitan-city",
        "name_fr": "Ville métropolitaine de Busan",
        "name_en": "Busan Metropolitan City",
        "name_ko": "부산광역시",
        "short_name": "",
        "kind": "public_body",
        "membership": "",
        "sector_fr": "Administration publique",
        "sector_en": "Public administration",
        "sector_ko": "공공 행정",
        "city_fr": "Busan",
        "city_en": "Busan",
        "city_ko": "부산",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "country_ko": "대한민국",
        "description_fr": "La deuxième ville de Corée du Sud et son premier port.",
        "description_en": "South Korea's second city and its largest port.",
        "description_ko": "대한민국 제2의 도시이자 최대의 항만 도시입니다.",
        "logo": ("BUSAN", "#0b5fa5"),
    },
    {
        "slug": "baica",
        "name_fr": "Association coopérative des équipementiers automobiles de Busan",
        "name_en": "Busan Autoparts Industries Cooperative Association",
        "name_ko": "부산자동차부품공업협동조합",
        "short_name": "BAICA",
        "kind": "association",
        "membership": "",
        "sector_fr": "Équipement automobile",
        "sector_en": "Automotive parts",
        "sector_ko": "자동차 부품",
        "city_fr": "Busan",
        "city_en": "Busan",
        "city_ko": "부산",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "country_ko": "대한민국",
        "description_fr": (
            "L'association qui regroupe les fabricants de pièces automobiles de Busan."
        ),
        "description_en": "The association of the automotive parts makers of Busan.",
        "description_ko": "부산 지역 자동차 부품 제조기업들이 모인 협동조합입니다.",
        "logo": ("BAICA", "#2f6b3a"),
    },
    {
        "slug": "south-east-alliance-iacf",
        "name_fr": "Alliance du Sud-Est des fondations de coopération université-industrie",
        "name_en": "South East Alliance of the Industry Academy Cooperation Foundation",
        "name_ko": "부울경지역대학산학협력단장협의회",
        "short_name": "",
        "kind": "academic",
        "membership": "",
        "sector_fr": "Enseignement supérieur et recherche",
        "sector_en": "Higher education and research",
        "sector_ko": "고등교육 및 연구",
        "city_fr": "Busan",
        "city_en": "Busan",
        "city_ko": "부산",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "country_ko": "대한민국",
        "description_fr": (
            "Un réseau qui réunit les responsables des centres de coopération avec "
            "l'industrie des universités du sud-est de la Corée."
        ),
        "description_en": (
            "A network of the heads of the industry cooperation centres of universities "
            "in south-east Korea."
        ),
        "description_ko": "부산·울산·경남 지역 대학의 산학협력단장들이 함께하는 협의체입니다.",
        "logo": ("SEA", "#6b2f5f"),
    },
    {
        "slug": "busan-techno-park",
        "name_fr": "Busan Techno Park",
        "name_en": "Busan Techno Park",
        "name_ko": "부산테크노파크",
        "short_name": "",
        "kind": "techno_park",
        "membership": "member",
        "member_since": datetime.date(2015, 3, 1),
        "sector_fr": "Innovation et soutien aux entreprises",
        "sector_en": "Innovation and business support",
        "sector_ko": "혁신 및 기업 지원",
        "city_fr": "Busan",
        "city_en": "Busan",
        "city_ko": "부산",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "country_ko": "대한민국",
        "description_fr": (
            "Le parc technologique de Busan accompagne les entreprises innovantes de la "
            "région, de la recherche à l'industrialisation."
        ),
        "description_en": (
            "Busan's technology park supports the region's innovative companies, from "
            "research to production."
        ),
        "description_ko": (
            "연구개발부터 생산에 이르기까지 부산 지역 혁신 기업의 성장을 지원하는 기관입니다."
        ),
        "logo": ("BTP", "#b3122e"),
    },
]

AGREEMENT = {
    "slug_fr": "protocole-ecosysteme-automobile-du-futur-busan",
    "slug_en": "busan-future-car-ecosystem-mou",
    "slug_ko": "부산-미래차-생태계-업무협약",
    "title_fr": "Protocole d'accord pour l'écosystème de l'automobile du futur à Busan",
    "title_en": "MOU on an ecosystem for the future car industry in Busan",
    "title_ko": "부산 미래차 산업 생태계 구축을 위한 업무협약",
    "signed_on": datetime.date(2022, 10, 13),
    "place_fr": "Plateforme Eurasie, gare de Busan",
    "place_en": "Eurasia Platform, Busan Station",
    "place_ko": "부산역 유라시아플랫폼",
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
    "summary_ko": (
        "완성차 기업과 광역자치단체, 부품업계 협동조합, 대학 협의체, 테크노파크가 "
        "부산 자동차 산업의 친환경차 전환을 함께 준비하기로 뜻을 모았습니다."
    ),
}

# Each party's committed role, in the order of the agreement.
PARTIES = [
    {
        "organisation": "renault-korea-motors",
        "role_fr": (
            "Ouvre un «\u202fEco-Cluster Center\u202f» dans son usine de Busan et y conduit "
            "des projets "
            "communs avec les universités, les laboratoires et les équipementiers de la "
            "région, en recrutant sur place."
        ),
        "role_en": (
            "Opens an Eco-Cluster Center in its Busan factory, where it works on joint "
            "projects with the region's universities, laboratories and parts makers, hiring "
            "locally."
        ),
        "role_ko": (
            "부산공장에 ‘에코클러스터 센터’를 열고 지역 대학, 연구기관, 부품기업과 공동 "
            "사업을 추진하며, 지역 인재를 채용합니다."
        ),
    },
    {
        "organisation": "busan-metropolitan-city",
        "role_fr": (
            "Soutient l'essor de la filière par un appui administratif à la formation des "
            "talents et au développement de la recherche."
        ),
        "role_en": (
            "Backs the growth of the industry with administrative support for training "
            "talent and for more research and development."
        ),
        "role_ko": (
            "인재 양성과 연구개발 확대에 필요한 행정 지원으로 미래차 산업 육성을 뒷받침합니다."
        ),
    },
    {
        "organisation": "baica",
        "role_fr": (
            "Crée un pôle collaboratif pour l'écosystème de la voiture de demain et veille à "
            "la continuité de l'approvisionnement en pièces."
        ),
        "role_en": (
            "Sets up a shared hub for the next-generation car ecosystem and keeps the supply "
            "of parts flowing."
        ),
        "role_ko": "미래차 생태계 조성을 위한 협업단지를 구축하고 원활한 부품 공급을 책임집니다.",
    },
    {
        "organisation": "south-east-alliance-iacf",
        "role_fr": (
            "Lance des formations sur mesure et aide les entreprises à recruter grâce à des "
            "programmes menés en commun."
        ),
        "role_en": (
            "Launches tailored courses and helps companies recruit through jointly run programmes."
        ),
        "role_ko": (
            "맞춤형 교과를 신설하고, 공동으로 운영하는 산학협력 프로그램을 통해 기업의 "
            "인력 확보를 돕습니다."
        ),
    },
    {
        "organisation": "busan-techno-park",
        "role_fr": (
            "Pose les bases d'une coopération entre industrie, universités et instituts de "
            "recherche dans la mobilité du futur en pilotant l'Eco-Cluster Center."
        ),
        "role_en": (
            "Lays the groundwork for cooperation between industry, universities and research "
            "institutes in future mobility by running the Eco-Cluster Center."
        ),
        "role_ko": (
            "에코클러스터 센터를 운영하며 미래 모빌리티 분야의 산학연 협력 기반을 마련합니다."
        ),
    },
]

# The signatories, in the order of the agreement, each with their organisation's slug.
SIGNATORIES = [
    {
        "name": "Stéphane Deblaise",
        "title_fr": "Président-directeur général",
        "title_en": "Chief executive officer",
        "title_ko": "대표이사 사장",
        "organisation": "renault-korea-motors",
    },
    {
        "name": "Park Heong-joon",
        "title_fr": "Maire de Busan",
        "title_en": "Mayor of Busan",
        "title_ko": "부산광역시장",
        "organisation": "busan-metropolitan-city",
    },
    {
        "name": "Kim Hyung-gyun",
        "title_fr": "Président",
        "title_en": "President",
        "title_ko": "원장",
        "organisation": "busan-techno-park",
    },
]
