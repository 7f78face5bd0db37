"""The cache of anonymous visitors' pages: headers a CDN or nginx can use, pages served
from the shared cache, forgotten when content on them is published, changed or
unpublished and when a scheduled article's time comes; private pages never cached."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events import links
from news.models import Article
from tests.support.databases import postgresql_only
from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    CategoryFactory,
    DelegationFactory,
    FairFactory,
    OrganisationFactory,
    RegistrationFactory,
)
from tests.support.htmlpage import object_url, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the cache's new generation)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_MAX_AGE = 60


@pytest.fixture
def content():
    category = CategoryFactory()
    article = ArticleFactory(category=category, title_en="Hydrogen in Busan")
    fair = FairFactory()
    delegation = DelegationFactory(fair=fair, closed=True)
    return {
        "home": url_in("en", "site:home"),
        "news": url_in("en", "news:article-list"),
        "news page 2": url_in("en", "news:article-list") + "?page=2",
        "article": object_url(article, "en"),
        "category": object_url(category, "en"),
        "rss": url_in("en", "news:feed-rss"),
        "atom": url_in("en", "news:feed-atom"),
        "members": url_in("en", "chamber:member-list"),
        "member": object_url(OrganisationFactory(), "en"),
        "agreements": url_in("en", "chamber:agreement-list"),
        "agreement": object_url(AgreementFactory(), "en"),
        "fairs": url_in("en", "events:fair-list"),
        "fair": object_url(fair, "en"),
        "closed delegation": object_url(delegation, "en"),
        "calendar": url_in("en", "events:calendar-feed"),
        "search": url_in("en", "site:search") + "?q=busan",
        "privacy": url_in("en", "site:privacy"),
        "sitemap index": reverse("sitemap-index"),
        "sitemap": "/sitemap-articles-en.xml",
        "missing page": "/en/nowhere/",
    }


PUBLIC_PAGES = [
    "home", "news", "news page 2", "article", "category", "rss", "atom", "members", "member",
    "agreements", "agreement", "fairs", "fair", "closed delegation", "calendar", "search",
    "privacy", "sitemap index", "sitemap", "missing page",
]  # fmt: skip


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_pages_are_public_and_served_from_the_cache(client, content, page):
    first = client.get(content[page])
    assert first.status_code in (200, 404)
    assert "public" in first["Cache-Control"]
    assert "max-age=60" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        second = client.get(content[page])
    assert queries.captured_queries == []
    assert second.content == first.content
    assert second.status_code == first.status_code
    assert second["Content-Type"] == first["Content-Type"]
    if first.status_code == 200:
        assert second["ETag"]
        assert (
            client.get(content[page], headers={"if-none-match": second["ETag"]}).status_code == 304
        )


def test_a_page_from_the_cache_keeps_the_security_and_language_headers(client, content):
    first = client.get(content["news"])
    second = client.get(content["news"])
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert second[header] == first[header]
    assert "default-src" in second["Content-Security-Policy"]
    assert second["Content-Language"] == "en"


def test_a_cached_page_is_not_served_to_another_host(client, content):
    client.get(content["news"])
    assert client.get(content["news"], headers={"host": "evil.example"}).status_code == 400
    # Its links are absolute: the https page is another page.
    with CaptureQueriesContext(connection) as queries:
        other = client.get(content["news"], secure=True)
    assert other.status_code == 200
    assert queries.captured_queries


def test_the_pages_of_a_sitemap_are_cached(client, content, monkeypatch):
    from chamber.toolkit.sitemaps import LanguageSitemap

    monkeypatch.setattr(LanguageSitemap, "limit", 1)
    ArticleFactory(title_en="Port logistics")
    first = client.get(content["sitemap"] + "?p=2")
    assert first.status_code == 200
    assert "public" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        second = client.get(content["sitemap"] + "?p=2")
    assert queries.captured_queries == []
    assert second.content == first.content


def test_other_parameters_are_not_cached(client, content):
    """A tracking tag would otherwise make one copy per visitor."""
    client.get(content["news"] + "?utm_source=mail")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(content["news"] + "?utm_source=mail")
    assert queries.captured_queries
    assert "private" in response["Cache-Control"]


def test_the_max_age_never_passes_the_next_scheduled_article(client, content, frozen_clock):
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(seconds=20))
    response = client.get(content["news"])
    assert "max-age=20" in response["Cache-Control"]


class TestPrivatePages:
    def test_the_registration_form_is_private_to_each_visitor(self, client):
        delegation = DelegationFactory()
        url = object_url(delegation, "en")
        first = client.get(url)
        assert "csrfmiddlewaretoken" in first.content.decode()
        assert "private" in first["Cache-Control"]
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert queries.captured_queries

    @pytest.mark.parametrize("name", ["events:registration-detail", "events:registration-cancel"])
    def test_a_registrants_pages_are_never_stored(self, client, name):
        registration = RegistrationFactory()
        token = links.private_path(registration).rstrip("/").split("/")[-1]
        with translation.override("en"):
            url = reverse(name, kwargs={"token": token})
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]

    def test_staff_see_their_pages_fresh(self, client, content, admin_user):
        client.get(content["home"])
        client.force_login(admin_user)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(content["home"])
        assert queries.captured_queries
        assert "private" in response["Cache-Control"]
        admin = client.get(reverse("admin:index"))
        assert "public" not in admin["Cache-Control"]

    def test_a_post_is_never_answered_from_the_cache(self, client, content):
        client.get(content["search"])
        response = client.post(content["search"])
        assert "public" not in response.get("Cache-Control", "")


class TestInvalidation:
    """Content changes reach the cached pages once their transaction commits."""

    def titles(self, client):
        return client.get(url_in("en", "news:article-list")).content.decode()

    def test_publishing_shows_the_article(self, client, content, commit):
        draft = ArticleFactory(title_en="Battery plant opens", draft=True)
        assert "Battery plant opens" not in self.titles(client)
        with commit():
            draft.status = Article.Status.PUBLISHED
            draft.save()
        assert "Battery plant opens" in self.titles(client)

    def test_an_edit_replaces_the_text(self, client, content, commit):
        article = Article.objects.get(title_en="Hydrogen in Busan")
        assert "Hydrogen in Busan" in self.titles(client)
        with commit():
            article.title_en = "Hydrogen in Ulsan"
            article.save()
        page = self.titles(client)
        assert "Hydrogen in Ulsan" in page
        assert "Hydrogen in Busan" not in page

    def test_unpublishing_and_deleting_hide_the_article(self, client, content, commit):
        article = Article.objects.get(title_en="Hydrogen in Busan")
        other = ArticleFactory(title_en="Port logistics")
        assert "Hydrogen in Busan" in self.titles(client)
        with commit():
            article.status = Article.Status.DRAFT
            article.save()
        assert "Hydrogen in Busan" not in self.titles(client)
        assert "Port logistics" in self.titles(client)
        with commit():
            other.delete()
        assert "Port logistics" not in self.titles(client)

    def test_a_change_that_is_rolled_back_keeps_the_cache(self, client, content, commit):
        self.titles(client)
        with commit():
            pass
        with CaptureQueriesContext(connection) as queries:
            self.titles(client)
        assert queries.captured_queries == []

    def test_a_scheduled_article_appears_at_its_time_not_before(
        self, client, content, frozen_clock
    ):
        ArticleFactory(
            title_en="Trade mission report",
            published_at=timezone.now() + datetime.timedelta(minutes=10),
        )
        assert "Trade mission report" not in self.titles(client)
        frozen_clock.shift(datetime.timedelta(minutes=9, seconds=59))
        assert "Trade mission report" not in self.titles(client)
        frozen_clock.shift(datetime.timedelta(seconds=1))
        assert "Trade mission report" in self.titles(client)


class TestArticleCards:
    """Visitors whose pages are rendered for them (with a session) get the article cards
    from the cache: each card is rendered once per language and content generation."""

    CARD = "includes/_article_card.html"

    @pytest.fixture
    def visitor(self, client):
        client.cookies["sessionid"] = "a-visitor-with-a-session"
        return client

    def cards_rendered(self, client, url):
        response = client.get(url)
        assert "public" not in response.get("Cache-Control", "")
        return [t.name for t in response.templates].count(self.CARD), response.content.decode()

    def test_cards_are_rendered_once_then_read_from_the_cache(self, visitor, content):
        ArticleFactory(title_en="Port logistics")
        news = url_in("en", "news:article-list")
        rendered, first = self.cards_rendered(visitor, news)
        assert rendered == 2
        rendered, second = self.cards_rendered(visitor, news)
        assert rendered == 0
        assert second == first
        # The home page lists the same articles: their cards are already there.
        rendered, home = self.cards_rendered(visitor, url_in("en", "site:home"))
        assert rendered == 0
        assert "Port logistics" in home

    def test_each_language_has_its_own_cards(self, visitor, content):
        ArticleFactory(title_en="Port logistics", title_fr="Logistique portuaire")
        self.cards_rendered(visitor, url_in("en", "news:article-list"))
        rendered, page = self.cards_rendered(visitor, url_in("fr", "news:article-list"))
        assert rendered == 2
        assert "Logistique portuaire" in page
        assert "Port logistics" not in page

    def test_an_edit_of_the_article_or_its_category_renders_the_card_again(
        self, visitor, content, commit
    ):
        article = Article.objects.get(title_en="Hydrogen in Busan")
        news = url_in("en", "news:article-list")
        self.cards_rendered(visitor, news)
        with commit():
            article.title_en = "Hydrogen in Ulsan"
            article.save()
        rendered, page = self.cards_rendered(visitor, news)
        assert rendered == 1
        assert "Hydrogen in Ulsan" in page
        assert "Hydrogen in Busan" not in page
        with commit():
            article.category.name_en = "Energy transition"
            article.category.save()
        rendered, page = self.cards_rendered(visitor, news)
        assert rendered == 1
        assert page.count("Energy transition") >= 2  # the category menu and the card

    def test_member_entries_are_kept_the_same_way(self, visitor, content, commit):
        members = url_in("en", "chamber:member-list")
        member = OrganisationFactory(name_en="Hanji Atelier")

        def entries():
            response = visitor.get(members)
            names = [t.name for t in response.templates]
            return names.count("includes/_member_card.html"), response.content.decode()

        rendered, _page = entries()
        assert rendered >= 2
        assert entries()[0] == 0
        with commit():
            member.name_en = "Hanji Lighting"
            member.save()
        rendered, page = entries()
        assert rendered >= 2
        assert "Hanji Lighting" in page
        assert "Hanji Atelier" not in page

    @postgresql_only  # matches are marked by PostgreSQL's ts_headline
    def test_search_results_are_rendered_with_their_marks_each_time(self, visitor, content):
        search = url_in("en", "site:search") + "?q=hydrogen"
        self.cards_rendered(visitor, url_in("en", "news:article-list"))
        for _ in range(2):
            rendered, page = self.cards_rendered(visitor, search)
            assert rendered == 1
            assert "<mark>Hydrogen</mark> in Busan" in page

    def test_nothing_is_kept_when_the_page_cache_is_off(self, visitor, content, settings):
        settings.PAGE_CACHE_SECONDS = 0
        news = url_in("en", "news:article-list")
        self.cards_rendered(visitor, news)
        rendered, _ = self.cards_rendered(visitor, news)
        assert rendered == 1
