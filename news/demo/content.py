"""Demo content of the news, in French, English and Korean: categories, the article
that reports the Busan MOU, and eleven more articles (not all of them in Korean).

Every sentence here is written for the demo.
"""

# In the order of the news menu; articles name their category by its French slug.
CATEGORIES = [
    {
        "slug_fr": "actus-des-entreprises",
        "slug_en": "company-news",
        "slug_ko": "기업-소식",
        "name_fr": "Actus des entreprises",
        "name_en": "Company news",
        "name_ko": "기업 소식",
    },
    {
        "slug_fr": "actus-de-la-chambre",
        "slug_en": "chamber-news",
        "slug_ko": "상공회의소-소식",
        "name_fr": "Actus de la Chambre",
        "name_en": "Chamber news",
        "name_ko": "상공회의소 소식",
    },
    {
        "slug_fr": "foire-et-salon",
        "slug_en": "trade-fairs",
        "slug_ko": "전시회-박람회",
        "name_fr": "Foire & Salon",
        "name_en": "Trade fairs",
        "name_ko": "전시회·박람회",
    },
    {
        "slug_fr": "evenements",
        "slug_en": "events",
        "slug_ko": "행사",
        "name_fr": "Événements",
        "name_en": "Events",
        "name_ko": "행사",
    },
]

# The chamber's communication officer, who signs the MOU article (the others are signed
# by the chamber). An account that cannot sign in: it only names the author.
AUTHOR = {
    "username": "claire.moreau",
    "first_name": "Claire",
    "last_name": "Moreau",
    "email": "communication@example.org",
    "is_active": False,
}

MOU_ARTICLE = {
    "slug_fr": "renault-korea-motors-ecosysteme-automobile-du-futur-busan",
    "slug_en": "renault-korea-motors-future-car-ecosystem-busan",
    "slug_ko": "르노코리아-부산-미래차-생태계-구축",
    "category": "actus-des-entreprises",
    "days_ago": 3,
    "title_fr": "Renault Korea Motors fédère Busan autour de l'automobile de demain",
    "title_en": "Renault Korea Motors rallies Busan around the car of tomorrow",
    "title_ko": "르노코리아, 부산과 손잡고 미래차 생태계 구축 나선다",
    "lead_fr": (
        "Le constructeur, la ville de Busan et trois institutions régionales ont signé un "
        "protocole d'accord\u202f: un centre de R&D verra le jour dans l'usine de Busan pour "
        "accompagner la filière vers les véhicules propres."
    ),
    "lead_en": (
        "The carmaker, the city of Busan and three regional institutions have signed an "
        "MOU: an R&D centre will open at the Busan plant to steer the local industry "
        "towards clean vehicles."
    ),
    "lead_ko": (
        "르노코리아와 부산광역시, 지역 기관 세 곳이 업무협약을 체결했다. 르노코리아 "
        "부산공장에 연구개발센터를 세워 지역 자동차 산업의 친환경차 전환을 이끈다는 "
        "계획이다."
    ),
    "key_points_fr": (
        "Cinq partenaires publics, industriels et universitaires unissent leurs forces "
        "pour innover à Busan\n"
        "Un «\u202fEco-Cluster Center\u202f» sera installé dans l'usine Renault Korea Motors de "
        "Busan pour réussir la transition vers l'automobile écologique"
    ),
    "key_points_en": (
        "Five public, industrial and academic partners join forces for innovation in "
        "Busan\n"
        "An Eco-Cluster Center will be set up at Renault Korea Motors' Busan plant to "
        "make the shift to green vehicles a success"
    ),
    "key_points_ko": (
        "공공·산업·학계 5개 기관, 부산의 혁신을 위해 힘 모아\n"
        "르노코리아 부산공장에 ‘에코클러스터 센터’ 설립해 친환경차 전환 추진"
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
        "industriels et académiques peuvent bâtir ensemble un écosystème local\u202f; il "
        "compte aussi sur la poursuite du soutien de l'État à la voiture verte. Première "
        "étape de ce projet\u202f: un nouveau SUV hybride de taille moyenne, dont le "
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
    "body_ko": (
        "<p>르노코리아는 부산역 유라시아플랫폼에서 부산광역시, "
        "부산자동차부품공업협동조합(BAICA), 부울경지역대학산학협력단장협의회, "
        "부산테크노파크와 업무협약을 체결했다.</p>"
        "<p>협약식에는 스테판 드블레즈 르노코리아 대표이사 사장과 박형준 부산광역시장, "
        "김형균 부산테크노파크 원장이 다른 협약 기관 대표들과 함께 참석해 협약서에 "
        "서명했다. 협약에 따라 르노코리아 부산공장에 에코클러스터 센터가 들어서고, 공공 "
        "부문과 기업, 대학이 장기적인 협력 체계를 갖추게 된다.</p>"
        "<p>협약서에는 기관별로 맡을 역할이 구체적으로 담겼다(아래 참조). 이번 협약은 "
        "르노코리아와 부산광역시가 2021년 9월 미래차 산업을 함께 육성하고 일자리를 "
        "창출하기로 한 약속을 구체화한 것이다.</p>"
        "<p>드블레즈 사장은 이번 협력이 공공과 산업계, 학계가 힘을 모아 지역 생태계를 "
        "만들어 갈 수 있음을 보여 주는 사례라고 평가하며, 친환경차에 대한 정부의 지속적인 "
        "지원을 기대한다고 밝혔다. 사업의 첫 단계는 2024년 출시 예정인 신형 중형 "
        "하이브리드 SUV다.</p>"
    ),
    "image_alt_fr": "Bannière aux couleurs de la Chambre pour l'accord de Busan",
    "image_alt_en": "Banner in the chamber's colours for the Busan agreement",
    "image_alt_ko": "부산 업무협약을 알리는 상공회의소 상징색 배너",
    "image_caption_fr": "La signature s'est tenue sur la plateforme Eurasie de la gare de Busan.",
    "image_caption_en": "The signing took place on the Eurasia Platform at Busan Station.",
    "image_caption_ko": "협약식은 부산역 유라시아플랫폼에서 열렸다.",
    "image_credit": "FKCCI",
    "seo_description_fr": (
        "Renault Korea Motors, la ville de Busan, BAICA, une alliance d'universités et le "
        "Busan Techno Park signent un protocole pour l'automobile de demain."
    ),
    "seo_description_en": (
        "Renault Korea Motors, Busan city, BAICA, a university alliance and Busan Techno "
        "Park sign an MOU for the car industry of the future."
    ),
    "seo_description_ko": (
        "르노코리아와 부산광역시, 부산자동차부품공업협동조합, 부울경 대학 협의회, "
        "부산테크노파크가 미래차 산업 생태계 구축을 위한 업무협약을 체결했다."
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

# Shorter articles, so that the news list has several pages and categories. Three of them
# stay in French and English only, as a chamber does not translate everything: the annual
# general meeting, the guide to setting up in Korea and the members' business survey
# concern the French member companies, whose documents and webinars are in French and
# English. The site shows them in those two languages only.
OTHER_ARTICLES = [
    {
        "category": "foire-et-salon",
        "days_ago": 5,
        "slug_fr": "maison-et-objet-delegation-startups-coreennes",
        "slug_en": "maison-et-objet-korean-startup-delegation",
        "slug_ko": "메종-오브제-한국-스타트업-사절단",
        "title_fr": "Maison & Objet\u202f: la Chambre emmène des startups coréennes à Paris",
        "title_en": "Maison & Objet: the chamber takes Korean startups to Paris",
        "title_ko": "상공회의소, 한국 스타트업 이끌고 메종&오브제 간다",
        "lead_fr": (
            "La Chambre conduira une délégation de jeunes pousses coréennes au salon Maison & "
            "Objet pour les aider à se faire connaître sur le marché français."
        ),
        "lead_en": (
            "The chamber will lead a delegation of young Korean companies to the Maison & Objet "
            "fair to help them make a name for themselves in France."
        ),
        "lead_ko": (
            "상공회의소가 한국 신생 기업으로 구성된 사절단을 이끌고 파리 메종&오브제에 참가해, "
            "이들 기업이 프랑스 시장에 이름을 알리도록 돕는다."
        ),
        "body_fr": (
            "<p>Stand partagé, rendez-vous avec des acheteurs et préparation en amont\u202f: les "
            "startups retenues bénéficieront d'un accompagnement complet. Les inscriptions se font "
            "en ligne, dans la limite des places disponibles.</p>"
        ),
        "body_en": (
            "<p>A shared stand, meetings with buyers and coaching beforehand: the selected "
            "startups will be supported all the way. Registration is online, while places "
            "last.</p>"
        ),
        "body_ko": (
            "<p>공동관 부스 운영과 바이어 상담, 사전 준비 교육까지, 선정된 스타트업은 전 과정에 "
            "걸쳐 지원을 받는다. 참가 신청은 온라인으로 받으며, 모집 인원이 차면 마감된다.</p>"
        ),
    },
    {
        "category": "actus-de-la-chambre",
        "days_ago": 9,
        "slug_fr": "bienvenue-aux-nouveaux-membres",
        "slug_en": "welcome-to-our-new-members",
        "slug_ko": "신규-회원사를-환영합니다",
        "title_fr": "Bienvenue à nos nouveaux membres",
        "title_en": "Welcome to our new members",
        "title_ko": "신규 회원사를 환영합니다",
        "lead_fr": (
            "Huit entreprises ont rejoint la Chambre ce trimestre, de la cosmétique à l'ingénierie "
            "navale."
        ),
        "lead_en": (
            "Eight companies joined the chamber this quarter, from cosmetics to naval engineering."
        ),
        "lead_ko": (
            "이번 분기에 화장품부터 조선 엔지니어링까지 8개 기업이 상공회의소에 새로 가입했습니다."
        ),
        "body_fr": (
            "<p>Nous leur souhaitons la bienvenue et les retrouverons lors de nos prochaines "
            "rencontres. L'annuaire des membres présente chacune d'elles.</p>"
        ),
        "body_en": (
            "<p>We welcome them and look forward to meeting them at our coming events. The member "
            "directory introduces each of them.</p>"
        ),
        "body_ko": (
            "<p>새 회원사의 가입을 진심으로 환영하며, 앞으로 열릴 행사에서 뵙기를 기대합니다. 각 "
            "회원사에 대한 소개는 회원사 명부에서 확인하실 수 있습니다.</p>"
        ),
    },
    {
        "category": "evenements",
        "days_ago": 12,
        "slug_fr": "soiree-networking-seoul",
        "slug_en": "networking-evening-seoul",
        "slug_ko": "서울-네트워킹-리셉션",
        "title_fr": "Une soirée de networking réussie à Séoul",
        "title_en": "A successful networking evening in Seoul",
        "title_ko": "서울 네트워킹 리셉션 성황리에 열려",
        "lead_fr": (
            "Plus de cent cinquante dirigeants se sont retrouvés pour la soirée de rentrée de la "
            "Chambre."
        ),
        "lead_en": (
            "More than a hundred and fifty business leaders met at the chamber's autumn evening."
        ),
        "lead_ko": "상공회의소 가을 네트워킹 리셉션에 150명이 넘는 기업인이 참석했다.",
        "body_fr": (
            "<p>Les échanges ont porté sur les projets de l'année à venir et sur les occasions "
            "d'affaires entre la France et la Corée.</p>"
        ),
        "body_en": (
            "<p>Talk turned to the plans for the coming year and to business opportunities between "
            "France and Korea.</p>"
        ),
        "body_ko": (
            "<p>참석자들은 내년 사업 계획과 한국·프랑스 간 비즈니스 기회를 놓고 의견을 나눴다.</p>"
        ),
    },
    {
        "category": "actus-de-la-chambre",
        "days_ago": 16,
        "slug_fr": "assemblee-generale-annuelle",
        "slug_en": "annual-general-meeting",
        "title_fr": "L'assemblée générale annuelle de la Chambre",
        "title_en": "The chamber's annual general meeting",
        "lead_fr": (
            "Les membres ont approuvé les comptes et élu un conseil d'administration renouvelé."
        ),
        "lead_en": "Members approved the accounts and elected a renewed board of directors.",
        "body_fr": (
            "<p>Le rapport d'activité présenté à cette occasion est disponible sur demande auprès "
            "du secrétariat.</p>"
        ),
        "body_en": (
            "<p>The annual report presented at the meeting is available on request from the "
            "secretariat.</p>"
        ),
    },
    {
        "category": "actus-des-entreprises",
        "days_ago": 20,
        "slug_fr": "pme-cosmetique-bureau-seoul",
        "slug_en": "cosmetics-sme-opens-seoul-office",
        "slug_ko": "프랑스-화장품-중소기업-서울-사무소-개설",
        "title_fr": "Une PME française de cosmétiques ouvre un bureau à Séoul",
        "title_en": "A French cosmetics SME opens an office in Seoul",
        "title_ko": "프랑스 화장품 중소기업, 서울에 사무소 열어",
        "lead_fr": (
            "Membre de la Chambre depuis deux ans, l'entreprise s'installe à Seongsu pour se "
            "rapprocher de ses distributeurs."
        ),
        "lead_en": (
            "A member of the chamber for two years, the company is moving into Seongsu to be "
            "closer to its distributors."
        ),
        "lead_ko": (
            "2년 전 상공회의소에 가입한 이 기업은 국내 유통 협력사와 더 가까이에서 일하기 위해 "
            "성수동에 자리를 잡는다."
        ),
        "body_fr": (
            "<p>Elle prévoit de recruter une équipe locale de dix personnes d'ici la fin de "
            "l'année prochaine.</p>"
        ),
        "body_en": "<p>It plans to hire a local team of ten by the end of next year.</p>",
        "body_ko": "<p>회사는 내년 말까지 현지 인력 10명을 채용할 계획이다.</p>",
    },
    {
        "category": "foire-et-salon",
        "days_ago": 25,
        "slug_fr": "bilan-mission-salon-lyon",
        "slug_en": "lyon-trade-fair-mission-review",
        "slug_ko": "리옹-전시회-사절단-결산",
        "title_fr": "Retour sur notre mission au salon de Lyon",
        "title_en": "Looking back on our mission to the Lyon fair",
        "title_ko": "리옹 전시회 사절단 활동 결산",
        "lead_fr": (
            "Douze entreprises coréennes ont rencontré près de trois cents visiteurs "
            "professionnels en quatre jours."
        ),
        "lead_en": "Twelve Korean companies met nearly three hundred trade visitors in four days.",
        "lead_ko": "한국 기업 12곳이 나흘 동안 업계 방문객 300명가량을 만났다.",
        "body_fr": (
            "<p>Plusieurs accords de distribution sont en cours de négociation à la suite du "
            "salon.</p>"
        ),
        "body_en": "<p>Several distribution agreements are being negotiated after the fair.</p>",
        "body_ko": "<p>전시회 이후 여러 건의 유통 계약 협상이 진행되고 있다.</p>",
    },
    {
        "category": "actus-de-la-chambre",
        "days_ago": 30,
        "slug_fr": "guide-implantation-coree",
        "slug_en": "guide-to-setting-up-in-korea",
        "title_fr": "Un nouveau guide pour s'implanter en Corée",
        "title_en": "A new guide to setting up in Korea",
        "lead_fr": (
            "Fiscalité, droit du travail, immobilier\u202f: le guide de la Chambre rassemble "
            "l'essentiel pour les entreprises françaises."
        ),
        "lead_en": (
            "Tax, labour law, premises: the chamber's guide gathers the essentials for French "
            "companies."
        ),
        "body_fr": "<p>Le guide est offert aux membres et vendu aux autres entreprises.</p>",
        "body_en": "<p>The guide is free for members and sold to other companies.</p>",
    },
    {
        "category": "evenements",
        "days_ago": 34,
        "slug_fr": "petit-dejeuner-mobilite-electrique",
        "slug_en": "electric-mobility-breakfast",
        "slug_ko": "전기-모빌리티-조찬-토론회",
        "title_fr": "Petit-déjeuner débat sur la mobilité électrique",
        "title_en": "Breakfast debate on electric mobility",
        "title_ko": "전기 모빌리티 조찬 토론회 개최",
        "lead_fr": (
            "Constructeurs et énergéticiens ont confronté leurs feuilles de route pour la recharge "
            "des véhicules."
        ),
        "lead_en": "Carmakers and energy companies compared their road maps for vehicle charging.",
        "lead_ko": "완성차 업체와 에너지 기업들이 각자의 전기차 충전 로드맵을 공유하고 비교했다.",
        "body_fr": "<p>La prochaine rencontre portera sur l'hydrogène.</p>",
        "body_en": "<p>The next meeting will be about hydrogen.</p>",
        "body_ko": "<p>다음 모임에서는 수소를 주제로 다룰 예정이다.</p>",
    },
    {
        "category": "actus-des-entreprises",
        "days_ago": 40,
        "slug_fr": "startup-daejeon-leve-des-fonds-paris",
        "slug_en": "daejeon-startup-raises-funds-paris",
        "slug_ko": "대전-스타트업-파리에서-투자-유치",
        "title_fr": "Une startup de Daejeon lève des fonds à Paris",
        "title_en": "A Daejeon startup raises funds in Paris",
        "title_ko": "대전 스타트업, 파리에서 투자 유치",
        "lead_fr": (
            "Accompagnée par la Chambre, la jeune entreprise a convaincu deux fonds "
            "d'investissement français."
        ),
        "lead_en": (
            "Supported by the chamber, the young company won over two French investment funds."
        ),
        "lead_ko": (
            "상공회의소의 지원을 받은 이 신생 기업은 프랑스 투자 펀드 두 곳의 투자를 이끌어 냈다."
        ),
        "body_fr": "<p>Les fonds serviront à ouvrir une filiale en France l'an prochain.</p>",
        "body_en": "<p>The money will be used to open a French subsidiary next year.</p>",
        "body_ko": "<p>투자금은 내년 프랑스 현지 법인 설립에 쓰일 예정이다.</p>",
    },
    {
        "category": "actus-de-la-chambre",
        "days_ago": 45,
        "slug_fr": "enquete-conjoncture-membres",
        "slug_en": "members-business-survey",
        "title_fr": "Enquête annuelle de conjoncture auprès des membres",
        "title_en": "Annual business survey of members",
        "lead_fr": (
            "Deux tiers des entreprises interrogées prévoient d'augmenter leurs effectifs en Corée."
        ),
        "lead_en": "Two thirds of the companies surveyed expect to grow their headcount in Korea.",
        "body_fr": (
            "<p>Les résultats détaillés seront présentés lors d'un webinaire réservé aux "
            "membres.</p>"
        ),
        "body_en": "<p>The detailed results will be presented in a members-only webinar.</p>",
    },
    {
        "category": "evenements",
        "days_ago": 52,
        "slug_fr": "atelier-exporter-union-europeenne",
        "slug_en": "workshop-exporting-to-the-eu",
        "slug_ko": "유럽연합-수출-실무-워크숍",
        "title_fr": "Atelier\u202f: exporter vers l'Union européenne",
        "title_en": "Workshop: exporting to the European Union",
        "title_ko": "워크숍: 유럽연합 수출 실무",
        "lead_fr": (
            "Normes, douanes et étiquetage\u202f: un atelier pratique pour les PME coréennes."
        ),
        "lead_en": "Standards, customs and labelling: a hands-on workshop for Korean SMEs.",
        "lead_ko": (
            "규격과 통관, 라벨링 등 한국 중소기업이 알아야 할 수출 실무를 다루는 워크숍이다."
        ),
        "body_fr": (
            "<p>L'atelier est animé par des experts du commerce international membres de la "
            "Chambre.</p>"
        ),
        "body_en": (
            "<p>The workshop is led by international trade experts who are members of the "
            "chamber.</p>"
        ),
        "body_ko": "<p>워크숍은 상공회의소 회원으로 활동하는 국제통상 전문가들이 진행한다.</p>",
    },
]

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
        "slug_ko": "다음-반기-사업-일정",
        "title_fr": "Le programme du semestre prochain",
        "title_en": "Next semester's programme",
        "title_ko": "다음 반기 사업 일정",
        "lead_fr": "Salons, missions et rencontres\u202f: le calendrier des six prochains mois.",
        "lead_en": "Fairs, missions and meetings: the calendar for the next six months.",
        "lead_ko": "전시회와 사절단, 교류 행사까지 앞으로 6개월간의 일정을 소개합니다.",
        "category": "actus-de-la-chambre",
        "status": "published",
        "days_ago": -7,
    },
    {
        "slug_fr": "brouillon-rapport-annuel",
        "slug_en": "draft-annual-report",
        "slug_ko": "연차-보고서-초안",
        "title_fr": "Rapport annuel (brouillon)",
        "title_en": "Annual report (draft)",
        "title_ko": "연차 보고서(초안)",
        "category": "actus-de-la-chambre",
        "status": "draft",
        "days_ago": 0,
    },
]
