"""Hostile or broken URLs and queries get a 404 or a clear page, never a server error.

PostgreSQL refuses NUL characters in text, so a URL or query carrying one must be
stopped before it reaches the database.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.support.factories import ArticleFactory, DelegationFactory
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

HOSTILE = ["%00", "a%00b", "%F0%9F%92%A5", "' OR 1=1 --", "x" * 300, "%C3%A9t%C3%A9"]

SLUG_ROUTES = [
    ("news:article-detail", "slug"),
    ("news:category", "slug"),
    ("news:category-feed-rss", "slug"),
    ("news:category-feed-atom", "slug"),
    ("chamber:organisation-detail", "slug"),
    ("chamber:agreement-detail", "slug"),
    ("events:fair-detail", "slug"),
    ("events:delegation-detail", "slug"),
    ("events:fair-calendar", "slug"),
    ("events:delegation-calendar", "slug"),
    ("events:registration-detail", "token"),
    ("events:registration-cancel", "token"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "kwarg"), SLUG_ROUTES)
def test_hostile_slugs_are_not_found(client, language, name, kwarg):
    ArticleFactory()
    DelegationFactory()
    with translation.override(language):
        base = reverse(name, kwargs={kwarg: "placeholder"})
    for value in HOSTILE:
        response = client.get(base.replace("placeholder", value))
        assert response.status_code in (400, 404), (value, response.status_code)


@pytest.mark.parametrize(
    ("language", "message"), [("fr", "Requête incorrecte"), ("en", "Bad request")]
)
def test_a_nul_character_in_the_query_is_a_clear_bad_request(client, language, message):
    ArticleFactory(title_en="Busan")
    with translation.override(language):
        url = reverse("site:search")
    response = client.get(url + "?q=busan%00")
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("page", "status"), [("abc", 404), ("0", 404), ("-1", 404), ("99999", 404), ("%00", 400)]
)
def test_bad_page_numbers_are_refused(client, page, status):
    ArticleFactory()
    with translation.override("fr"):
        url = reverse("news:article-list")
    assert client.get(url + "?page=" + page).status_code == status
