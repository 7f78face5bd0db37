"""Site search: both languages' text, published rows only, escaped query, fixed queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.factories import (
    ArticleFactory,
    DelegationFactory,
    FairFactory,
    OrganisationFactory,
)
from tests.support.htmlpage import Page, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db


def search(client, language, query, **params):
    return client.get(url_in(language, "site:search"), {"q": query, **params})


@pytest.mark.parametrize("language", LANGUAGES)
def test_finds_articles_by_words_of_either_language(client, language):
    article = ArticleFactory(title_fr="Coopération portuaire", title_en="Port cooperation")
    ArticleFactory(title_fr="Autre sujet", title_en="Another topic")
    for query in ("portuaire", "PORT cooperation"):
        response = search(client, language, query)
        assert response.status_code == 200
        assert list(response.context["articles"]) == [article]


def test_every_word_must_match(client):
    ArticleFactory(title_en="Hydrogen trucks in Busan")
    assert len(search(client, "en", "hydrogen busan").context["articles"]) == 1
    assert len(search(client, "en", "hydrogen seoul").context["articles"]) == 0


def test_drafts_scheduled_and_non_members_are_not_found(client):
    ArticleFactory(title_en="Secret hydrogen plan", draft=True)
    ArticleFactory(title_en="Future hydrogen plan", scheduled=True)
    OrganisationFactory(name_en="Hydrogen partner", membership="")
    member = OrganisationFactory(name_en="Hydrogen member")
    response = search(client, "en", "hydrogen")
    assert list(response.context["articles"]) == []
    assert list(response.context["organisations"]) == [member]


def test_finds_delegations_by_their_fair(client):
    delegation = DelegationFactory(fair=FairFactory(name_en="Maison & Objet"))
    DelegationFactory(draft=True, fair=FairFactory(name_en="Maison & Objet autumn"))
    response = search(client, "en", "objet")
    assert list(response.context["delegations"]) == [delegation]


def test_the_query_is_escaped_and_kept_in_page_links(client):
    ArticleFactory.create_batch(12, title_en="Trade mission <b>news</b>")
    response = search(client, "en", '<script>alert("x")</script> mission')
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content
    response = search(client, "en", "mission")
    links = [
        a.get("href") for a in Page(response).find_all("a") if "page=2" in (a.get("href") or "")
    ]
    assert links and all("q=mission" in link for link in links)


@pytest.mark.parametrize(("query", "message"), [("a", "two letters"), ("zzzz", "Nothing matches")])
def test_says_why_nothing_is_shown(client, query, message):
    response = search(client, "en", query)
    assert message in response.content.decode()


def test_query_count_does_not_grow_with_results(client):
    ArticleFactory(title_en="Busan news")
    OrganisationFactory(name_en="Busan member")
    DelegationFactory(title_en="Busan delegation")
    with CaptureQueriesContext(connection) as few:
        search(client, "en", "busan")
    ArticleFactory.create_batch(8, title_en="Busan news")
    OrganisationFactory.create_batch(5, name_en="Busan member")
    DelegationFactory.create_batch(4, title_en="Busan delegation")
    with CaptureQueriesContext(connection) as many:
        response = search(client, "en", "busan")
    assert len(response.context["articles"]) == 9
    assert len(many.captured_queries) == len(few.captured_queries)
