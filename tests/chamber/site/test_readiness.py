"""A page exists in a language once it is written in it: on every path a visitor takes
(lists, feeds, sitemap, search, home, hreflang, language switch), an article written in
French only is a French page, never a French text passed off as English or Korean."""

import pytest
from django.utils.html import escape

from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    CategoryFactory,
    DelegationFactory,
    OrganisationFactory,
)
from tests.support.htmlpage import Page, absolute, object_url, url_in
from tests.support.languages import LANGUAGES
from tests.support.sitemaps import read_sitemap

pytestmark = pytest.mark.django_db

OTHERS = [code for code in LANGUAGES if code != "fr"]
UNWRITTEN = {f"{field}_{code}": "" for field in ("title", "lead", "body") for code in OTHERS}
SITEMAP = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def french_only():
    return ArticleFactory(title_fr="Seulement en français", **UNWRITTEN)


@pytest.fixture
def everywhere(french_only):
    return ArticleFactory(category=french_only.category)


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize(
    "page",
    [
        ("news:article-list", {}),
        ("site:home", {}),
        ("news:feed-rss", {}),
        ("news:feed-atom", {}),
    ],
)
def test_lists_feeds_and_home_leave_it_out(client, french_only, everywhere, language, page):
    name, kwargs = page
    response = client.get(url_in(language, name, **kwargs))
    content = response.content.decode()
    assert "Seulement en français" not in content
    assert getattr(everywhere, f"title_{language}") in content
    french = client.get(url_in("fr", name, **kwargs)).content.decode()
    assert "Seulement en français" in french


@pytest.mark.parametrize("language", OTHERS)
def test_the_category_page_and_its_feed_leave_it_out(client, french_only, everywhere, language):
    category = french_only.category
    for path in (
        object_url(category, language),
        url_in(language, "news:category-feed-rss", slug=getattr(category, f"slug_{language}")),
    ):
        content = client.get(path).content.decode()
        assert "Seulement en français" not in content
        assert getattr(everywhere, f"title_{language}") in content


@pytest.mark.parametrize("language", OTHERS)
def test_search_does_not_find_it_in_another_language(client, french_only, language):
    response = client.get(url_in(language, "site:search"), {"q": "Seulement"})
    assert list(response.context["articles"]) == []
    french = client.get(url_in("fr", "site:search"), {"q": "Seulement"})
    assert list(french.context["articles"]) == [french_only]


def test_the_sitemap_lists_it_in_french_alone(client, french_only):
    entries = read_sitemap(client)
    french = absolute(object_url(french_only, "fr"))
    assert entries[french] == {"fr": french, "x-default": french}
    for code in OTHERS:
        assert absolute(object_url(french_only, code)) not in entries


def test_its_page_names_only_its_real_language_and_the_switch_says_why(client, french_only):
    page = Page(client.get(object_url(french_only, "fr")))
    french = absolute(object_url(french_only, "fr"))
    assert page.hreflang == {"fr": french, "x-default": french}
    assert page.meta_all("og:locale:alternate") == []
    for code in OTHERS:
        link = page.language_link(code)
        assert link == object_url(french_only, code)
        response = client.get(link)
        assert response.status_code == 404
        assert Page(response).lang == code
        assert object_url(french_only, "fr") in response.content.decode()


@pytest.mark.parametrize(
    ("factory", "unwritten", "page"),
    [
        (OrganisationFactory, {"name_en": ""}, "chamber:member-list"),
        (AgreementFactory, {"title_en": ""}, "chamber:agreement-list"),
        (DelegationFactory, {"title_en": ""}, "events:fair-list"),
    ],
)
def test_other_pages_follow_the_same_rule(client, factory, unwritten, page):
    obj = factory(**unwritten)
    name = next(iter(unwritten)).removesuffix("_en")
    french_text = escape(getattr(obj, f"{name}_fr"))
    assert french_text not in client.get(url_in("en", page)).content.decode()
    assert french_text in client.get(url_in("fr", page)).content.decode()
    assert client.get(object_url(obj, "en")).status_code == 404
    assert client.get(object_url(obj, "fr")).status_code == 200


def test_an_unnamed_category_leaves_the_english_menu(client):
    category = CategoryFactory(name_en="")
    ArticleFactory(category=category)
    menu = Page(client.get(url_in("en", "news:article-list"))).one("nav", class_="category-nav")
    assert category.name_fr not in menu.text
