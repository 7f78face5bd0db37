"""The demo's pages of the chamber and its menus, in French, English and Korean.

Facts from the chamber's public site: the French-Korean Chamber of Commerce and Industry
(FKCCI) in Seoul, its member companies (Renault Korea Motors ...), the Busan MOU for
the future car industry, the delegation of Korean startups to Maison & Objet in Paris.
"""

# Pages, parents before children; each matched on its French slug.
PAGES = [
    {
        "slug_fr": "a-propos",
        "parent": None,
        "title_fr": "À propos de la chambre",
        "title_en": "About the chamber",
        "title_ko": "상공회의소 소개",
        "slug_en": "about",
        "slug_ko": "소개",
        "body_fr": (
            "<p>La Chambre de commerce et d'industrie franco-coréenne (FKCCI) rassemble à "
            "Séoul les entreprises françaises et coréennes qui travaillent entre les deux "
            "pays.</p><h2>Notre rôle</h2><ul><li>Relayer l'actualité de nos membres, comme "
            "le protocole signé à Busan par Renault Korea Motors ;</li><li>accompagner des "
            "délégations sur les salons, de Maison &amp; Objet à Paris aux foires "
            "coréennes ;</li><li>ouvrir un réseau d'affaires aux nouveaux venus.</li></ul>"
        ),
        "body_en": (
            "<p>The French-Korean Chamber of Commerce and Industry (FKCCI) brings together, "
            "in Seoul, the French and Korean companies that do business between the two "
            "countries.</p><h2>What we do</h2><ul><li>Report our members' news, such as the "
            "agreement Renault Korea Motors signed in Busan;</li><li>lead delegations to "
            "trade fairs, from Maison &amp; Objet in Paris to Korean fairs;</li><li>open a "
            "business network to newcomers.</li></ul>"
        ),
        "body_ko": (
            "<p>한불상공회의소(FKCCI)는 서울에서 양국 간 사업을 하는 프랑스와 한국 기업을 "
            "한자리에 모읍니다.</p><h2>주요 활동</h2><ul><li>르노코리아가 부산에서 체결한 "
            "업무협약과 같은 회원사 소식 전달</li><li>파리 메종&amp;오브제부터 국내 "
            "박람회까지 전시회 대표단 운영</li><li>새로 진출하는 기업을 위한 비즈니스 "
            "네트워크 제공</li></ul>"
        ),
        "seo_description_fr": "La chambre franco-coréenne\u202f: ses membres, ses missions.",
        "seo_description_en": "The French-Korean chamber: its members and its work.",
        "seo_description_ko": "한불상공회의소의 회원과 활동을 소개합니다.",
    },
    {
        "slug_fr": "conseil",
        "parent": "a-propos",
        "title_fr": "Le conseil d'administration",
        "title_en": "The board",
        "title_ko": "이사회",
        "slug_en": "board",
        "slug_ko": "이사회",
        "body_fr": (
            "<p>Le conseil réunit des dirigeants d'entreprises membres, français et "
            "coréens. Il fixe les priorités de la chambre, valide son budget et suit les "
            "comités sectoriels, de l'automobile au design.</p>"
        ),
        "body_en": (
            "<p>The board gathers leaders of member companies, French and Korean. It sets "
            "the chamber's priorities, approves its budget and follows its industry "
            "committees, from cars to design.</p>"
        ),
        "body_ko": (
            "<p>이사회는 프랑스와 한국 회원사의 경영진으로 구성됩니다. 상공회의소의 우선 "
            "과제를 정하고 예산을 승인하며, 자동차에서 디자인까지 산업별 위원회를 "
            "살핍니다.</p>"
        ),
    },
    {
        "slug_fr": "services",
        "parent": None,
        "title_fr": "Nos services",
        "title_en": "Our services",
        "title_ko": "서비스",
        "slug_en": "services",
        "slug_ko": "서비스",
        "body_fr": (
            "<p>Pour s'implanter ou grandir en Corée comme en France :</p><ul><li>études "
            "de marché et recherche de partenaires ;</li><li>missions et délégations sur "
            "les salons professionnels ;</li><li>domiciliation et accueil de "
            "volontaires internationaux.</li></ul>"
        ),
        "body_en": (
            "<p>To set up or grow in Korea or in France:</p><ul><li>market studies and "
            "partner searches;</li><li>business missions and delegations to trade "
            "fairs;</li><li>office hosting and international interns.</li></ul>"
        ),
        "body_ko": (
            "<p>한국 또는 프랑스 진출과 성장을 위해:</p><ul><li>시장 조사와 파트너 "
            "발굴</li><li>전시회 참가 및 비즈니스 사절단</li><li>사무 공간 제공과 국제 "
            "인턴 지원</li></ul>"
        ),
    },
    {
        "slug_fr": "devenir-membre",
        "parent": None,
        "title_fr": "Devenir membre",
        "title_en": "Become a member",
        "title_ko": "회원 가입",
        "slug_en": "become-a-member",
        "slug_ko": "회원-가입",
        "body_fr": (
            "<p>Les membres reçoivent nos informations en avant-première, apparaissent "
            "dans l'annuaire, publient leurs actualités et rejoignent nos délégations à "
            "tarif réduit.</p><p>Écrivez-nous pour connaître la cotisation adaptée à "
            "votre entreprise.</p>"
        ),
        "body_en": (
            "<p>Members hear our news first, appear in the directory, publish their own "
            "news and join our delegations at a reduced fee.</p><p>Write to us to learn the "
            "membership fee that suits your company.</p>"
        ),
        "body_ko": (
            "<p>회원사는 소식을 가장 먼저 받고, 회원 명부에 소개되며, 자사 소식을 게시하고 "
            "할인된 비용으로 대표단에 참여할 수 있습니다.</p><p>귀사에 맞는 회비는 "
            "문의해 주십시오.</p>"
        ),
    },
]

# Menu links, matched on (menu, position): a page by its French slug, or a section.
MENUS = {
    "header": [
        {"page": "a-propos"},
        {
            "section": "news:article-list",
            "label_fr": "Actualités",
            "label_en": "News",
            "label_ko": "뉴스",
        },
        {
            "section": "events:agenda",
            "label_fr": "Agenda",
            "label_en": "Agenda",
            "label_ko": "일정",
        },
        {
            "section": "chamber:member-list",
            "label_fr": "Membres",
            "label_en": "Members",
            "label_ko": "회원사",
        },
        {
            "section": "chamber:agreement-list",
            "label_fr": "Protocoles",
            "label_en": "MOUs",
            "label_ko": "업무협약",
        },
        {"page": "services"},
        {"page": "devenir-membre"},
        {
            "section": "chamber:join",
            "label_fr": "Adhérer",
            "label_en": "Join",
            "label_ko": "가입 신청",
        },
    ],
    "footer": [
        {"page": "conseil"},
        {
            "section": "partners:partner-list",
            "label_fr": "Partenaires",
            "label_en": "Partners",
            "label_ko": "파트너",
        },
        {
            "section": "publications:publication-list",
            "label_fr": "Publications",
            "label_en": "Publications",
            "label_ko": "간행물",
        },
        {
            "section": "newsletter:subscribe",
            "label_fr": "Lettre d'information",
            "label_en": "Newsletter",
            "label_ko": "뉴스레터",
        },
        {
            "section": "site:privacy",
            "label_fr": "Confidentialité",
            "label_en": "Privacy notice",
            "label_ko": "개인정보 처리방침",
        },
        {
            "section": "news:feed-rss",
            "label_fr": "Flux RSS",
            "label_en": "RSS feed",
            "label_ko": "RSS 피드",
        },
    ],
}
