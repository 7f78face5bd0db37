"""The benchmark's work inside the site's Django (one command per run, in the database
of ``DATABASE_URL``), called by ``tests.bench.http``:

    python -m tests.bench.site build 100000   # demo content, then generated articles
    python -m tests.bench.site pages          # JSON: each page's URL and query count
    python -m tests.bench.site searches       # JSON: searches timed one at a time
    python -m tests.bench.site delegation     # a new delegation of 10 places: its URL
    python -m tests.bench.site count ID       # JSON: its registrations by status
"""

import datetime
import json
import os
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chamber.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from events.models import Delegation, Fair  # noqa: E402
from news.models import Article, Category  # noqa: E402
from tests.support import bulk  # noqa: E402

PLACES = 10
LANGUAGE = "en"


def build(size: int) -> None:
    """The demo content, then generated articles up to ``size``; statistics and the
    visibility map as autovacuum leaves them."""
    if not Article.objects.exists():
        call_command("load_demo", verbosity=0)
        bulk.organisations(1000)
    missing = size - Article.objects.count()
    if missing > 0:
        bulk.articles(missing, threads=2)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def pages() -> dict[str, str]:
    """The public pages measured, in English, by name."""
    with translation.override(LANGUAGE):
        article = Article.objects.visible().filter(agreement__isnull=False).first()
        # The largest category: the one whose list grows with the articles.
        category = (
            Category.objects.ready_in()
            .annotate(size=Count("articles"))
            .order_by("-size", "position")
            .first()
        )
        news = reverse("news:article-list")
        visible = Article.objects.visible().count()
        middle = max(1, visible // 20 // 2)
        return {
            "home": reverse("site:home"),
            "article with MOU": article.get_absolute_url(),
            "news list": news,
            f"news page {middle}": f"{news}?page={middle}",
            "news last page": f"{news}?page=last",
            "category": category.get_absolute_url(),
            "members": reverse("chamber:member-list"),
            "members search": reverse("chamber:member-list") + "?q=company+7",
            "search Busan": reverse("site:search") + "?q=Busan",
            "sitemap index": "/sitemap.xml",
            "sitemap last page": f"/sitemap-articles-{LANGUAGE}.xml?p=last",
        }


def count_queries() -> None:
    """Each page's URL and number of queries (uncached), as JSON on stdout."""
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    # As measured: rendered for each request (the page cache serves only visitors with
    # no session cookie).
    client.cookies["sessionid"] = "benchmarkvisitor"
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    result = {}
    for name, url in pages().items():
        if url.endswith("?p=last"):
            url = _last_sitemap_page(client, url)
        client.get(url)  # warm: counts and lookups the cache keeps
        queries.clear()
        with connection.execute_wrapper(record):
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        result[name] = {"url": url, "queries": len(queries)}
    print(json.dumps(result))


SEARCHES = {
    "Busan (in titles)": ("en", "Busan"),
    "hydrogene (accent left out)": ("fr", "hydrogene"),
    "battery (in every article)": ("en", "battery"),
    "배터리 (Korean, common)": ("ko", "배터리"),
    "zeppelin (no match)": ("en", "zeppelin"),
}


def searches() -> None:
    """The searches timed one at a time: URL and number of articles found, as JSON."""
    from chamber.site.search import FoundArticles, search_terms

    result = {}
    for name, (language, words) in SEARCHES.items():
        with translation.override(language):
            url = f"{reverse('site:search')}?{urlencode({'q': words})}"
            found = FoundArticles(search_terms(words), language).found
        result[name] = {"url": quote(url, safe="/?=&%"), "found": found}
    print(json.dumps(result))


def _last_sitemap_page(client, url: str) -> str:
    import xml.etree.ElementTree as ET

    section = url.split("?")[0]
    index = ET.fromstring(client.get("/sitemap.xml").content)
    pages = [
        loc.text.split("127.0.0.1", 1)[-1]
        for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        if loc.text.split("?")[0].endswith(section)
    ]
    return pages[-1]


def delegation() -> None:
    """A delegation of PLACES places, open for registration now: its id and URL."""
    fair = Fair.objects.visible().order_by("-starts_on").first()
    now = timezone.now()
    number = Delegation.objects.count() + 1
    created = Delegation.objects.create(
        fair=fair,
        title_fr=f"Délégation de mesure {number}",
        title_en=f"Benchmark delegation {number}",
        slug_fr=f"delegation-de-mesure-{number}",
        slug_en=f"benchmark-delegation-{number}",
        capacity=PLACES,
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=10),
        contact_email="delegations@example.org",
        status="published",
    )
    with translation.override(LANGUAGE):
        print(json.dumps({"id": created.pk, "url": created.get_absolute_url()}))


def count(delegation_id: int) -> None:
    """The delegation's registrations by status, as JSON."""
    rows = (
        Delegation.objects.get(pk=delegation_id)
        .registrations.values("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    print(json.dumps({row["status"]: row["n"] for row in rows}))


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "build":
        build(int(arguments[0]))
    elif command == "pages":
        count_queries()
    elif command == "searches":
        searches()
    elif command == "delegation":
        delegation()
    elif command == "count":
        count(int(arguments[0]))
    else:
        raise SystemExit(f"unknown command {command}")
