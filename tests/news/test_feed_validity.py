"""The news feeds are valid: Atom against RFC 4287's grammar (Appendix B, in RELAX NG)
and its rules that a grammar cannot say, RSS against RSS 2.0's required elements; both
name their authors, carry each article's picture as an enclosure whose size is the
stored file's, and cost the same number of queries whatever they list."""

import datetime
import email.utils
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from lxml import etree
from PIL import Image

from news import feeds
from tests.support.factories import ArticleFactory, CategoryFactory
from tests.support.htmlpage import absolute, object_url, parse, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

ATOM_NS = "http://www.w3.org/2005/Atom"
NS = {"atom": ATOM_NS}
ATOM_GRAMMAR = etree.RelaxNG(etree.parse(Path(__file__).parents[1] / "support" / "atom.rng"))
# RFC 822 dates as RSS 2.0 wants them (four-digit years, RFC 1123), e.g.
# "Tue, 10 Jun 2003 04:00:00 -0000".
RFC822_DATE = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)
FEEDS = ["news:feed-rss", "news:feed-atom", "news:category-feed-rss", "news:category-feed-atom"]


@pytest.fixture
def category():
    return CategoryFactory()


@pytest.fixture
def author():
    return get_user_model().objects.create_user(
        "writer", "writer@example.org", "x", first_name="Min-ji", last_name="Kim"
    )


@pytest.fixture
def articles(category, author):
    """One article with a picture (larger than its hero rendition) and an author, one
    with neither."""
    return [
        ArticleFactory(
            category=category,
            with_image=True,
            image__width=1600,
            image__height=900,
            author=author,
        ),
        ArticleFactory(
            category=category, published_at=datetime.datetime(2024, 3, 1, 9, tzinfo=datetime.UTC)
        ),
    ]


def feed_url(name, language, category):
    if name.startswith("news:category"):
        return url_in(language, name, slug=getattr(category, f"slug_{language}"))
    return url_in(language, name)


def get_feed(client, name, language, category):
    response = client.get(feed_url(name, language, category))
    assert response.status_code == 200
    return response


def hero_file(url: str) -> str:
    """The name in the storage of a media file at ``url`` (absolute, on this host)."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == absolute("")
    prefix = default_storage.base_url
    assert parts.path.startswith(prefix)
    return parts.path.removeprefix(prefix)


def check_enclosure(client, article, language, *, url, length, mime_type):
    """The enclosure is the article's hero picture: the file the article page shows,
    stored at that address, of that size and type."""
    name = hero_file(url)
    assert default_storage.exists(name)
    assert int(length) == default_storage.size(name)
    with default_storage.open(name) as file, Image.open(file) as image:
        assert image.size == settings.THUMBNAIL_ALIASES[""][feeds.ENCLOSURE_ALIAS]["size"]
        assert Image.MIME[image.format] == mime_type
    page = parse(client.get(object_url(article, language)).content)
    assert urlsplit(url).path in [img.get("src") for img in page.find_all("img")]


# Atom -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in FEEDS if n.endswith("atom")])
@pytest.mark.parametrize("language", LANGUAGES)
def test_atom_feeds_are_valid_rfc_4287(client, articles, category, author, name, language):
    response = get_feed(client, name, language, category)
    root = etree.fromstring(response.content)

    assert ATOM_GRAMMAR.validate(root), ATOM_GRAMMAR.error_log
    # The rules of Appendix B that are not grammar, and the feed's own metadata.
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert root.findtext("atom:id", namespaces=NS)
    assert root.findtext("atom:updated", namespaces=NS)
    self_link = root.find("atom:link[@rel='self']", NS)
    assert self_link.get("href") == absolute(feed_url(name, language, category))
    with translation.override(language):
        assert root.findtext("atom:author/atom:name", namespaces=NS) == settings.SITE_FULL_NAME
        assert root.findtext("atom:author/atom:uri", namespaces=NS) == absolute(
            url_in(language, "site:home")
        )
        chamber = str(settings.SITE_FULL_NAME)
    entries = root.findall("atom:entry", NS)
    assert len(entries) == len(articles)
    ids = [entry.findtext("atom:id", namespaces=NS) for entry in entries]
    assert len(set(ids)) == len(ids)
    authors = {}
    for entry, article in zip(entries, articles, strict=True):
        alternate = entry.find("atom:link[@rel='alternate']", NS)
        assert alternate.get("href") == absolute(object_url(article, language))
        assert entry.findtext("atom:updated", namespaces=NS)
        authors[article.pk] = entry.findtext("atom:author/atom:name", namespaces=NS)
        enclosures = entry.findall("atom:link[@rel='enclosure']", NS)
        if article.image:
            (enclosure,) = enclosures
            check_enclosure(
                client,
                article,
                language,
                url=enclosure.get("href"),
                length=enclosure.get("length"),
                mime_type=enclosure.get("type"),
            )
        else:
            assert enclosures == []
    assert authors == {articles[0].pk: author.get_full_name(), articles[1].pk: chamber}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_feed_without_entries_is_still_valid_atom(client, category, language):
    root = etree.fromstring(get_feed(client, "news:feed-atom", language, category).content)
    assert ATOM_GRAMMAR.validate(root), ATOM_GRAMMAR.error_log
    assert root.find("atom:author/atom:name", NS) is not None


def test_the_atom_grammar_refuses_a_feed_without_its_required_parts(client, articles, category):
    """The schema is not a rubber stamp: a feed missing its id, or an entry with a date
    that is not one, is refused."""
    content = get_feed(client, "news:feed-atom", "fr", category).content
    for broken in (
        re.sub(rb"<id>[^<]*</id>", b"", content, count=1),
        re.sub(rb"<updated>[^<]*</updated>", b"<updated>hier</updated>", content, count=1),
    ):
        assert not ATOM_GRAMMAR.validate(etree.fromstring(broken))


# RSS 2.0 --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in FEEDS if n.endswith("rss")])
@pytest.mark.parametrize("language", LANGUAGES)
def test_rss_feeds_have_what_rss_2_requires(client, articles, category, author, name, language):
    response = get_feed(client, name, language, category)
    root = etree.fromstring(response.content)

    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    (channel,) = root.findall("channel")
    for required in ("title", "link", "description"):
        assert (channel.findtext(required) or "").strip(), required
    assert channel.findtext("language") == language
    assert RFC822_DATE.match(channel.findtext("lastBuildDate"))
    items = channel.findall("item")
    assert len(items) == len(articles)
    with translation.override(language):
        chamber = str(settings.SITE_FULL_NAME)
    creators = []
    for item, article in zip(items, articles, strict=True):
        for required in ("title", "link", "description", "guid", "pubDate"):
            assert (item.findtext(required) or "").strip(), required
        assert item.findtext("link") == absolute(object_url(article, language))
        assert item.findtext("guid") == item.findtext("link")
        published = item.findtext("pubDate")
        assert RFC822_DATE.match(published), published
        assert email.utils.parsedate_to_datetime(published) == article.published_at.replace(
            microsecond=0
        )
        creators.append(item.findtext("{http://purl.org/dc/elements/1.1/}creator"))
        enclosures = item.findall("enclosure")
        if article.image:
            (enclosure,) = enclosures
            check_enclosure(
                client,
                article,
                language,
                url=enclosure.get("url"),
                length=enclosure.get("length"),
                mime_type=enclosure.get("type"),
            )
        else:
            assert enclosures == []
    assert creators == [author.get_full_name(), chamber]


# Any reader -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_feed_reader_reads_the_feeds_without_complaint(
    client, articles, category, author, name, language
):
    parsed = feedparser.parse(get_feed(client, name, language, category).content)

    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.language == language
    assert [entry.link for entry in parsed.entries] == [
        absolute(object_url(article, language)) for article in articles
    ]
    assert parsed.entries[0].author == author.get_full_name()
    (enclosure,) = parsed.entries[0].enclosures
    assert int(enclosure.length) == default_storage.size(hero_file(enclosure.href))
    assert parsed.entries[1].enclosures == []


# Cost -----------------------------------------------------------------------------------


def count_queries(client, path) -> int:
    client.get(path)  # warm up: the pictures' renditions are made once
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", FEEDS)
def test_feed_queries_do_not_grow_with_the_articles(client, category, author, name):
    def add(count):
        for _ in range(count):
            ArticleFactory(category=category, with_image=True, author=author)
            ArticleFactory(category=category)

    add(1)
    path = feed_url(name, "fr", category)
    few = count_queries(client, path)
    add(5)
    many = count_queries(client, path)

    assert len(feedparser.parse(client.get(path).content).entries) == 12
    assert few == many
