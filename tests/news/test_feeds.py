import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from tests.support.factories import ArticleFactory
from tests.support.htmlpage import absolute, executable_parts, object_url, parse, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "description": item.findtext("description") or "",
            "categories": [c.text for c in item.findall("category")],
        }
        for item in root.iter("item")
    ]


def atom_entries(response):
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "description": entry.findtext(f"{ATOM}summary") or "",
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


@pytest.fixture
def articles():
    published = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)
    return published


@pytest.mark.parametrize("language", LANGUAGES)
def test_rss_lists_published_articles_in_the_language(client, articles, language):
    response = client.get(url_in(language, "news:feed-rss"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = rss_items(response)
    with translation.override(language):
        assert [item["title"] for item in items] == [articles.title]
        assert items[0]["categories"] == [articles.category.name]
        assert items[0]["description"] == articles.lead
    assert items[0]["link"] == absolute(object_url(articles, language))
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("link") == absolute(url_in(language, "news:article-list"))
    assert channel.findtext("language") == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_atom_lists_published_articles_in_the_language(client, articles, language):
    response = client.get(url_in(language, "news:feed-atom"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = atom_entries(response)
    root = ET.fromstring(response.content)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    with translation.override(language):
        assert [entry["title"] for entry in entries] == [articles.title]
    assert entries[0]["link"] == absolute(object_url(articles, language))


def test_the_feed_holds_the_twenty_latest(client):
    ArticleFactory.create_batch(21)
    assert len(rss_items(client.get(url_in("fr", "news:feed-rss")))) == 20


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_link_to_their_feeds(client, language):
    page = parse(client.get(url_in(language, "site:home")).content)
    feeds = {
        link.get("type"): link.get("href")
        for link in page.find_all("link", rel="alternate", type=True)
    }
    assert feeds == {
        "application/rss+xml": url_in(language, "news:feed-rss"),
        "application/atom+xml": url_in(language, "news:feed-atom"),
    }


@pytest.mark.parametrize("feed", ["news:feed-rss", "news:feed-atom"])
def test_script_in_an_article_never_reaches_a_feed(client, feed):
    attack = (
        "<p>Lead</p><script>alert(1)</script><img src=x onerror=alert(2)>"
        '<a href="javascript:alert(3)">x</a>'
    )
    ArticleFactory(lead_fr=attack, body_fr=attack, title_fr="Titre")

    response = client.get(url_in("fr", feed))

    parse_entries = rss_items if feed.endswith("rss") else atom_entries
    (entry,) = parse_entries(response)
    # The description is HTML escaped inside the XML: what a reader renders is this.
    rendered = parse(entry["description"])
    assert executable_parts(rendered) == []
    assert "Lead" in rendered.text
    for marker in ("<script", "onerror", "javascript:"):
        assert marker not in entry["description"]
        assert marker not in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_category_has_its_own_feeds(client, language):
    article = ArticleFactory()
    ArticleFactory()  # another category
    ArticleFactory(category=article.category, draft=True)
    category = article.category
    slug = getattr(category, f"slug_{language}")
    rss = client.get(url_in(language, "news:category-feed-rss", slug=slug))
    assert rss.status_code == 200
    items = rss_items(rss)
    assert [item["title"] for item in items] == [getattr(article, f"title_{language}")]
    assert items[0]["link"] == absolute(object_url(article, language))
    atom = client.get(url_in(language, "news:category-feed-atom", slug=slug))
    assert [entry["title"] for entry in atom_entries(atom)] == [
        getattr(article, f"title_{language}")
    ]
    # The category page announces its feeds.
    page = client.get(object_url(category, language)).content.decode()
    assert url_in(language, "news:category-feed-rss", slug=slug) in page


def test_an_unknown_category_feed_is_not_found(client):
    assert client.get(url_in("en", "news:category-feed-rss", slug="nothing")).status_code == 404
