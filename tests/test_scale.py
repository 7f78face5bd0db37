"""Pages cost the same at 100,000 articles as at 1,000: the same number of queries on
every list, feed, search and sitemap page, and on PostgreSQL no query that reads the
whole article table (each one goes through an index).

The articles are written once for the module (committed, not inside a test's
transaction: ``tests.support.bulk``) and removed at the end.
"""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from chamber.models import Organisation
from news.models import Article, Category
from tests.support import bulk
from tests.support.databases import postgresql_only
from tests.support.htmlpage import url_in

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

SMALL = 1_000
LARGE = 100_000


def pages() -> dict[str, str]:
    """Every page whose content grows with the number of articles, by name."""
    category = Category.objects.order_by("position").first()
    urls = {}
    for language in ("fr", "en", "ko"):
        with translation.override(language):
            urls |= {
                f"home {language}": reverse("site:home"),
                f"news {language}": reverse("news:article-list"),
                f"news page 2 {language}": reverse("news:article-list") + "?page=2",
                f"news last page {language}": reverse("news:article-list") + "?page=last",
                f"category {language}": category.get_absolute_url(),
                f"category page 3 {language}": category.get_absolute_url() + "?page=3",
                f"category last page {language}": category.get_absolute_url() + "?page=last",
                f"rss {language}": reverse("news:feed-rss"),
                f"atom {language}": reverse("news:feed-atom"),
                f"category rss {language}": reverse(
                    "news:category-feed-rss", kwargs={"slug": category.slug}
                ),
                f"members {language}": reverse("chamber:member-list"),
                f"search busan {language}": url_in(language, "site:search") + "?q=busan",
                f"search rare {language}": url_in(language, "site:search") + "?q=nowhere",
                f"search page 5 {language}": url_in(language, "site:search") + "?q=busan&page=5",
                f"sitemap articles {language}": f"/sitemap-articles-{language}.xml",
            }
    urls["sitemap index"] = reverse("sitemap-index")
    return urls


def measure() -> dict[str, tuple[int, list[str]]]:
    """Each page's status, number of queries and queries' SQL, from an empty cache."""
    client = Client()
    measured = {}
    for name, url in pages().items():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        measured[name] = [query["sql"] for query in queries.captured_queries]
    return measured


def _remove_everything():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE news_article, news_article_organisations CASCADE")
        else:
            cursor.execute("DELETE FROM news_article_organisations")
            cursor.execute("DELETE FROM news_article")
    Category.objects.all().delete()
    Organisation.objects.all().delete()


@pytest.fixture(scope="module")
def queries_at(django_db_setup, django_db_blocker):
    """The queries of each page at SMALL articles, then LARGE; the module's tests run
    with LARGE articles in the database."""
    with django_db_blocker.unblock():
        try:
            bulk.organisations(60)
            bulk.articles(SMALL, paragraphs=1)
            small = measure()
            threads = 2 if connection.vendor == "postgresql" else 1
            bulk.articles(LARGE - SMALL, paragraphs=1, threads=threads)
            if connection.vendor == "postgresql":
                # What autovacuum does after a large write: statistics for the planner,
                # and the visibility map that lets a count read only an index.
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE news_article")
            assert Article.objects.count() == LARGE
            yield {SMALL: small, LARGE: measure()}
        finally:
            _remove_everything()


def test_every_page_makes_as_many_queries_at_100000_articles_as_at_1000(queries_at):
    small, large = queries_at[SMALL], queries_at[LARGE]
    grew = {
        name: (len(small[name]), len(large[name]))
        for name in small
        if len(large[name]) != len(small[name])
    }
    assert not grew, grew


def _plan_nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from _plan_nodes(child)


@postgresql_only
def test_no_query_reads_the_whole_article_table(queries_at):
    """EXPLAIN of every query of every page at 100,000 articles: the article table is
    read through an index, never scanned from end to end."""
    scanned = {}
    checked = 0
    with connection.cursor() as cursor:
        for name, statements in queries_at[LARGE].items():
            for sql in statements:
                if "news_article" not in sql or not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0]
                plan = json.loads(plan) if isinstance(plan, str) else plan
                checked += 1
                for node in _plan_nodes(plan[0]["Plan"]):
                    if node["Node Type"] == "Seq Scan" and node["Relation Name"] == "news_article":
                        scanned.setdefault(name, []).append(sql[:300])
    assert checked > 40
    assert not scanned, json.dumps(scanned, indent=1)


@postgresql_only
def test_lists_read_only_the_articles_they_show(queries_at):
    """EXPLAIN ANALYZE of the list, feed and sitemap queries at 100,000 articles: an
    index gives the rows in order, already restricted to the list (a category, a
    language); no plan reads thousands of articles to drop them. (Searches are bounded
    differently: see chamber.site.search.)"""
    wasteful = {}
    with connection.cursor() as cursor:
        for name, statements in queries_at[LARGE].items():
            if name.startswith("search"):
                continue
            for sql in statements:
                if "news_article" not in sql or not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0]
                plan = json.loads(plan) if isinstance(plan, str) else plan
                removed = sum(
                    node.get("Rows Removed by Filter", 0) * node.get("Actual Loops", 1)
                    for node in _plan_nodes(plan[0]["Plan"])
                    if node.get("Relation Name") == "news_article"
                )
                if removed > 100:
                    wasteful.setdefault(name, []).append((removed, sql[:300]))
    assert not wasteful, json.dumps(wasteful, indent=1)
