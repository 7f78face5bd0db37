"""schema.org JSON-LD on article, fair and delegation pages."""

import json
import re

import pytest

from tests.support.factories import ArticleFactory, DelegationFactory
from tests.support.htmlpage import object_url
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(response) -> dict:
    """The page's own description (beside its breadcrumb trail)."""
    blocks = [json.loads(block) for block in BLOCK.findall(response.content.decode())]
    (data,) = [block for block in blocks if block["@type"] != "BreadcrumbList"]
    return data


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_is_a_news_article_in_the_page_language(client, language):
    article = ArticleFactory(with_image=True)
    url = object_url(article, language)
    data = json_ld(client.get(url))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == getattr(article, f"title_{language}")
    assert data["inLanguage"] == language
    assert data["mainEntityOfPage"] == "http://testserver" + url
    assert data["image"][0].startswith("http://testserver/")
    assert data["datePublished"] == article.published_at.isoformat()


def test_a_title_cannot_close_the_data_block(client):
    article = ArticleFactory(title_en='Safe </script><script>alert("x")</script> & co')
    content = client.get(object_url(article, "en")).content.decode()
    assert "<script>alert" not in content
    data = json_ld(client.get(object_url(article, "en")))
    assert data["headline"] == article.title_en


def test_delegation_is_an_event_with_its_offer(client):
    delegation = DelegationFactory()
    data = json_ld(client.get(object_url(delegation, "en")))
    assert data["@type"] == "Event"
    assert data["name"] == delegation.title_en
    assert data["startDate"] == delegation.fair.starts_on.isoformat()
    assert data["location"]["address"]["addressLocality"] == delegation.fair.city_en
    assert data["offers"]["priceCurrency"] == delegation.currency
    assert data["offers"]["price"] == str(delegation.fee)


def test_fair_is_an_event(client):
    fair = DelegationFactory().fair
    data = json_ld(client.get(object_url(fair, "fr")))
    assert (data["@type"], data["name"], data["endDate"]) == (
        "Event",
        fair.name_fr,
        fair.ends_on.isoformat(),
    )
