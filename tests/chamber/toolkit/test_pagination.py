"""LongListPaginator: the same pages as Django's paginator, read from the nearer end of
the list and by ids past the first rows, with the total counted once per generation."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chamber.models import Organisation
from chamber.toolkit.cache import content_changed
from chamber.toolkit.pagination import LongListPaginator
from news.models import Article
from tests.support.factories import ArticleFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    now = timezone.now()
    # Pairs published at the same moment: the order relies on the id to break ties.
    for number in range(23):
        ArticleFactory(published_at=now - datetime.timedelta(hours=1 + number // 2))
    return Article.objects.visible().for_listing()


def pages(paginator) -> list[list[int]]:
    return [[row.pk for row in paginator.page(n).object_list] for n in paginator.page_range]


@pytest.mark.parametrize("direct_rows", [0, 4, 1000])
@pytest.mark.parametrize(("per_page", "orphans"), [(5, 0), (5, 2), (4, 0), (23, 0), (30, 0)])
def test_the_same_pages_as_djangos(articles, monkeypatch, direct_rows, per_page, orphans):
    monkeypatch.setattr(LongListPaginator, "DIRECT_ROWS", direct_rows)
    long_list = LongListPaginator(articles, per_page, orphans=orphans, count_key="test")
    assert pages(long_list) == pages(Paginator(articles, per_page, orphans=orphans))


def test_a_list_ordered_with_ties_is_read_from_its_start(monkeypatch):
    monkeypatch.setattr(LongListPaginator, "DIRECT_ROWS", 0)
    for name in ["Alpha", "Alpha", "Beta", "Beta", "Gamma", "Gamma", "Delta"]:
        OrganisationFactory(name_en=name, name_fr=name)
    members = Organisation.objects.order_by("name")
    paginator = LongListPaginator(members, 2, count_key="members")
    with CaptureQueriesContext(connection) as queries:
        last = paginator.page(paginator.num_pages)
    assert [row.pk for row in last] == [row.pk for row in Paginator(members, 2).page(4)]
    assert all(" DESC" not in query["sql"] for query in queries.captured_queries)


def test_deep_pages_read_ids_then_rows_from_the_nearer_end(articles, monkeypatch):
    monkeypatch.setattr(LongListPaginator, "DIRECT_ROWS", 4)
    paginator = LongListPaginator(articles, 5, count_key="news")
    paginator.count  # noqa: B018 (counted once, then from the cache)
    with CaptureQueriesContext(connection) as first:
        paginator.page(1)
    with CaptureQueriesContext(connection) as second:
        paginator.page(2)
    with CaptureQueriesContext(connection) as last:
        paginator.page(5)
    assert len(first.captured_queries) == 1
    # Five rows in: the ids, then the rows.
    assert len(second.captured_queries) == 2
    assert second.captured_queries[0]["sql"].startswith('SELECT "news_article"."id" AS "pk" FROM')
    # The last page is the start of the list in reverse.
    (query,) = last.captured_queries
    assert 'ORDER BY "news_article"."published_at" ASC' in query["sql"]


def test_the_count_is_kept_until_the_content_changes(
    articles, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    paginator = LongListPaginator(articles, 5, count_key="news")
    assert paginator.count == 23
    ArticleFactory()
    assert LongListPaginator(articles, 5, count_key="news").count == 23
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
    assert LongListPaginator(articles, 5, count_key="news").count == 24
