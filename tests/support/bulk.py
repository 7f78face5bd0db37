"""Large amounts of content, written fast (one multi-row INSERT per batch, no model
instances), for the benchmark and the tests that check a page costs the same at 1,000
and at 100,000 articles.

Most articles exist in the three languages; one in twenty in French only; two in
twenty are not in Korean; one in fifty is a draft and one in ninety-seven is scheduled.
Every tenth is about "Busan" and "hydrogène", so that searches find something at any
size.
"""

import datetime
import functools
from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django.utils import timezone

from chamber.models import Organisation
from news.models import Article, Category

WORDS = {
    "fr": (
        "coopération industrie automobile batterie design startup export salon délégation "
        "investissement recherche université énergie port logistique culture mode santé"
    ).split(),
    "en": (
        "cooperation industry carmaker battery design startup export fair delegation "
        "investment research university energy port logistics culture fashion health"
    ).split(),
    "ko": (
        "협력 산업 자동차 배터리 디자인 스타트업 수출 전시회 사절단 투자 연구 대학 에너지 항만 물류"
    ).split(),
}
BUSAN = {"fr": "Busan et l'hydrogène :", "en": "Busan and hydrogen:", "ko": "부산 수소"}


def _words(language: str, seed: int, length: int) -> str:
    return _phrase(language, seed % len(WORDS[language]), length)


@functools.cache
def _phrase(language: str, seed: int, length: int) -> str:
    words = WORDS[language]
    return " ".join(words[(seed * 7 + step) % len(words)] for step in range(length))


@functools.cache
def _body(language: str, seed: int, paragraphs: int) -> str:
    return "".join(
        f"<p>{_words(language, seed + paragraph, 60)}</p>" for paragraph in range(paragraphs)
    )


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


TIERS = [
    Organisation.Membership.MEMBER,
    Organisation.Membership.CORPORATE,
    Organisation.Membership.PATRON,
]


def organisations(count: int) -> None:
    start = Organisation.objects.count()
    Organisation.objects.bulk_create(
        Organisation(
            name_fr=f"Entreprise {number}",
            name_en=f"Company {number}",
            name_ko=f"회사 {number}",
            slug=f"entreprise-{number}",
            membership=TIERS[number % len(TIERS)],
            member_since=datetime.date(2000, 1, 1) + datetime.timedelta(days=number * 7),
            kind=Organisation.Kind.values[number % len(Organisation.Kind.values)],
            status=Organisation.Status.PUBLISHED,
            sector_fr=WORDS["fr"][number % 17],
            sector_en=WORDS["en"][number % 17],
            city_fr="Séoul" if number % 2 else "Busan",
            city_en="Seoul" if number % 2 else "Busan",
        )
        for number in range(start, start + count)
    )


def _article(number: int, total: int, sections, now, paragraphs: int = 4) -> dict:
    languages = ["fr"]
    if number % 20 != 19:
        languages.append("en")
    if number % 10 < 8 and "en" in languages:
        languages.append("ko")
    busan = number % 10 == 0
    row = {
        "category_id": sections[number % len(sections)].pk,
        "status": "draft" if number % 50 == 49 else "published",
        "published_at": now
        - datetime.timedelta(minutes=total - number)
        + (datetime.timedelta(days=30) if number % 97 == 96 else datetime.timedelta()),
        "created_at": now,
        "updated_at": now,
        "image": "",
        "image_credit": "",
    }
    for code in ("fr", "en", "ko"):
        written = code in languages
        title = f"{BUSAN[code] + ' ' if busan else ''}{_words(code, number, 6)} {number}"
        row.update(
            {
                f"title_{code}": title if written else "",
                f"slug_{code}": f"article-{number}-{code}" if written else "",
                f"lead_{code}": _words(code, number + 1, 25) if written else "",
                f"key_points_{code}": "",
                f"body_{code}": _body(code, number % len(WORDS[code]), paragraphs)
                if written
                else "",
                f"image_alt_{code}": "",
                f"image_caption_{code}": "",
                f"seo_description_{code}": "",
            }
        )
    for field in ("title", "slug", "lead", "key_points", "body", "image_alt", "image_caption"):
        row[field] = row[f"{field}_fr"]
    row["seo_description"] = ""
    return row


def articles(count: int, *, batch: int = 1000, threads: int = 1, paragraphs: int = 4) -> None:
    """Add ``count`` articles, one a minute up to now, with bodies of ``paragraphs``
    paragraphs of sixty words.

    On PostgreSQL most of the time goes into the search vectors the database computes
    for each row: ``threads`` connections insert at once (outside any transaction of
    the caller: for a benchmark's database, not inside a test)."""
    sections = categories()
    start = Article.objects.count()
    now = timezone.now()
    columns = [
        field.column
        for field in Article._meta.concrete_fields
        if not field.primary_key
        and not field.generated
        and field.column not in ("author_id", "agreement_id")
    ]
    sql = f"INSERT INTO {Article._meta.db_table} ({', '.join(columns)}) VALUES "
    firsts = list(range(start, start + count, batch))

    def insert(share: list[int]) -> None:
        with connection.cursor() as cursor:
            for first in share:
                rows = [
                    _article(number, start + count, sections, now, paragraphs)
                    for number in range(first, min(first + batch, start + count))
                ]
                row = "(" + ", ".join(["%s"] * len(columns)) + ")"
                values = [row_[column] for row_ in rows for column in columns]
                cursor.execute(sql + ", ".join([row] * len(rows)), values)
        if threads > 1:
            connection.close()

    if threads == 1:
        insert(firsts)
        return
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(insert, [firsts[index::threads] for index in range(threads)]))
