"""Large amounts of content, written fast (bulk inserts), for the benchmark and the tests
that check a page costs the same at 1,000 and at 100,000 articles.

Most articles exist in the three languages; some in French and English only, a few in
French only; a few are drafts or scheduled. Every tenth mentions "Busan" and "hydrogène"
so that searches find something at any size.
"""

import datetime

from django.utils import timezone

from chamber.models import Organisation
from news.models import Article, Category

WORDS = (
    "coopération industrie automobile batterie design startup export salon délégation "
    "investissement recherche université énergie port logistique culture mode santé"
).split()
WORDS_EN = (
    "cooperation industry carmaker battery design startup export fair delegation "
    "investment research university energy port logistics culture fashion health"
).split()
WORDS_KO = "협력 산업 자동차 배터리 디자인 스타트업 수출 전시회 사절단 투자 연구 대학 에너지 항만 물류".split()


def _text(words, index, length):
    return " ".join(words[(index * 7 + step) % len(words)] for step in range(length))


def categories() -> list[Category]:
    made = []
    for number in range(6):
        category, _created = Category.objects.get_or_create(
            slug_fr=f"rubrique-{number}",
            defaults={
                "name_fr": f"Rubrique {number}",
                "name_en": f"Section {number}",
                "name_ko": f"분류 {number}",
                "slug_en": f"section-{number}",
                "slug_ko": f"분류-{number}",
                "position": number,
            },
        )
        made.append(category)
    return made


def organisations(count: int) -> None:
    start = Organisation.objects.count()
    Organisation.objects.bulk_create(
        Organisation(
            name_fr=f"Entreprise {number}",
            name_en=f"Company {number}",
            name_ko=f"회사 {number}",
            slug=f"entreprise-{number}",
            membership=Organisation.Membership.MEMBER,
            status=Organisation.Status.PUBLISHED,
            sector_fr=WORDS[number % len(WORDS)],
            sector_en=WORDS_EN[number % len(WORDS_EN)],
            city_fr="Séoul" if number % 2 else "Busan",
            city_en="Seoul" if number % 2 else "Busan",
        )
        for number in range(start, start + count)
    )


def articles(count: int, *, batch: int = 2000) -> None:
    """Add ``count`` articles after those already there (newest first by number)."""
    sections = categories()
    start = Article.objects.count()
    now = timezone.now()
    rows = []
    for number in range(start, start + count):
        busan = number % 10 == 0
        korean = number % 10 < 7
        english = number % 20 != 19
        status = Article.Status.DRAFT if number % 50 == 49 else Article.Status.PUBLISHED
        title_fr = f"{'Busan et l’hydrogène : ' if busan else ''}{_text(WORDS, number, 6)} {number}"
        rows.append(
            Article(
                title_fr=title_fr,
                title_en=f"{'Busan and hydrogen: ' if busan else ''}{_text(WORDS_EN, number, 6)} {number}"
                if english
                else "",
                title_ko=f"{'부산 수소 ' if busan else ''}{_text(WORDS_KO, number, 5)} {number}"
                if korean
                else "",
                slug_fr=f"article-{number}",
                slug_en=f"article-{number}-en" if english else "",
                slug_ko=f"기사-{number}" if korean else "",
                lead_fr=_text(WORDS, number + 1, 25),
                lead_en=_text(WORDS_EN, number + 1, 25) if english else "",
                lead_ko=_text(WORDS_KO, number + 1, 20) if korean else "",
                body_fr="".join(f"<p>{_text(WORDS, number + p, 60)}</p>" for p in range(4)),
                body_en="".join(f"<p>{_text(WORDS_EN, number + p, 60)}</p>" for p in range(4))
                if english
                else "",
                body_ko="".join(f"<p>{_text(WORDS_KO, number + p, 50)}</p>" for p in range(4))
                if korean
                else "",
                category=sections[number % len(sections)],
                status=status,
                published_at=now
                - datetime.timedelta(minutes=count + start - number)
                + (datetime.timedelta(days=30) if number % 97 == 96 else datetime.timedelta()),
            )
        )
        if len(rows) >= batch:
            Article.objects.bulk_create(rows)
            rows = []
    Article.objects.bulk_create(rows)
