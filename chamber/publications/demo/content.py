"""The demo's publications: a study, the annual report and a guide, in French, English
and Korean (the guide has no Korean text yet)."""

PUBLICATIONS = [
    {
        "slug_fr": "etude-marche-mobilite-electrique-coree-2025",
        "slug_en": "korean-electric-mobility-market-study-2025",
        "slug_ko": "한국-전기차-시장-연구-2025",
        "title_fr": "Étude de marché\u202f: la mobilité électrique en Corée 2025",
        "title_en": "Market study: electric mobility in Korea 2025",
        "title_ko": "시장 연구: 2025 한국 전기 모빌리티",
        "summary_fr": (
            "Les ventes, les acteurs et les règles du marché coréen des véhicules électriques, "
            "et les occasions qu'il ouvre aux équipementiers français."
        ),
        "summary_en": (
            "Sales, players and rules of the Korean electric vehicle market, and the openings "
            "it offers French suppliers."
        ),
        "summary_ko": (
            "한국 전기차 시장의 판매, 주요 기업과 규제, 그리고 프랑스 부품 기업에 열리는 "
            "기회를 정리했습니다."
        ),
        "category": "study",
        "days_ago": 40,
        "pdf_title": "Electric mobility in Korea 2025",
        "pdf_lines": ["A market study by the chamber.", "Sales, players, rules, openings."],
        "colors": ("#1d4e89", "#0b7a75"),
    },
    {
        "slug_fr": "rapport-annuel-2024",
        "slug_en": "annual-report-2024",
        "slug_ko": "2024-연차-보고서",
        "title_fr": "Rapport annuel 2024",
        "title_en": "Annual report 2024",
        "title_ko": "2024 연차 보고서",
        "summary_fr": (
            "Une année de la chambre\u202f: ses membres, ses délégations aux salons, les accords "
            "signés et ses comptes."
        ),
        "summary_en": (
            "A year of the chamber: its members, its trade-fair delegations, the agreements "
            "signed and its accounts."
        ),
        "summary_ko": (
            "회원사, 박람회 대표단, 체결된 협약, 재정 현황으로 돌아본 상공회의소의 한 해."
        ),
        "category": "annual_report",
        "days_ago": 120,
        "pdf_title": "Annual report 2024",
        "pdf_lines": ["Members, delegations, agreements, accounts."],
        "colors": ("#6a4c93", "#c8553d"),
    },
    {
        "slug_fr": "guide-creer-sa-filiale-en-coree",
        "slug_en": "guide-setting-up-a-subsidiary-in-korea",
        "title_fr": "Guide\u202f: créer sa filiale en Corée",
        "title_en": "Guide: setting up a subsidiary in Korea",
        "summary_fr": (
            "Les étapes, les formalités et les délais pour installer une filiale française en "
            "Corée, du choix de la forme juridique au premier recrutement."
        ),
        "summary_en": (
            "The steps, formalities and delays of setting up a French subsidiary in Korea, "
            "from choosing its legal form to the first hire."
        ),
        "category": "guide",
        "days_ago": 200,
        "pdf_title": "Setting up a subsidiary in Korea",
        "pdf_lines": ["Legal form, registration, bank account, first hire."],
        "colors": ("#8a5a44", "#1d4e89"),
    },
]
