"""Page benchmark: time and query count of the public pages at two data sizes.

    make bench                      # SQLite
    DATABASE_URL=postgres://... make bench

Creates a throw-away test database, fills it with the demo content plus generated
articles, and requests each page repeatedly with Django's test client (no network, no
server): the figures are the view + template + database cost of a page.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from tests.support.languages import LANGUAGES  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))


def add_articles(count: int) -> None:
    from django.utils import timezone

    from chamber.models import Organisation
    from news.models import Article, Category

    category = Category.objects.first()
    organisations = list(Organisation.objects.all())
    start = Article.objects.count()
    for index in range(start, start + count):
        article = Article.objects.create(
            title_fr=f"Article de charge {index}",
            title_en=f"Load article {index}",
            slug_fr=f"article-de-charge-{index}",
            slug_en=f"load-article-{index}",
            lead_fr="Un chapeau.",
            lead_en="A lead.",
            body_fr="<p>Texte.</p>",
            body_en="<p>Text.</p>",
            category=category,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - timezone.timedelta(minutes=index),
        )
        article.organisations.set(organisations)


def pages() -> dict[str, str]:
    from events.models import Delegation
    from news.models import Article

    article = Article.objects.published().filter(agreement__isnull=False).first()
    delegation = Delegation.objects.published().upcoming().first()
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls[f"home ({language})"] = reverse("site:home")
            urls[f"news list ({language})"] = reverse("news:article-list")
            urls[f"article with MOU ({language})"] = article.get_absolute_url()
            urls[f"RSS feed ({language})"] = reverse("news:feed-rss")
            urls[f"members ({language})"] = reverse("chamber:member-list")
            urls[f"fairs ({language})"] = reverse("events:fair-list")
            urls[f"delegation ({language})"] = delegation.get_absolute_url()
            urls[f"search ({language})"] = reverse("site:search") + "?q=busan+mou"
    return urls


def measure(client: Client, url: str) -> tuple[float, float, int, int]:
    # Counted with a wrapper: the test client's request_started signal resets
    # connection.queries, so CaptureQueriesContext would see nothing here.
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95, len(queries), len(response.content)


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        from django.core.management import call_command

        call_command("load_demo", verbosity=0)
        client = Client()
        print(f"database: {connection.vendor}; {REPEAT} requests per page after a warm-up")
        print(f"{'page':32} {'rows':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KiB':>6}")
        from news.models import Article

        for extra in (0, 200):
            if extra:
                add_articles(extra)
            rows = Article.objects.count()
            for name, url in pages().items():
                median, p95, queries, size = measure(client, url)
                print(f"{name:32} {rows:>6} {median:>10.1f} {p95:>8.1f} {queries:>8} "
                      f"{size / 1024:>6.1f}")  # fmt: skip
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
