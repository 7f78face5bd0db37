"""The number of database queries of a page must not grow with what it lists.

Each test renders a page, adds more of what the page shows, renders it again and
compares the two counts. A first request is made before each measure, so work done
once (thumbnails generated and recorded) does not count.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    CategoryFactory,
    OrganisationFactory,
    PartyFactory,
    SignatoryFactory,
)
from tests.support.htmlpage import object_url, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 8


def count_queries(client, path) -> int:
    client.get(path)  # warm up: thumbnails
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


def measure(client, path, grow) -> tuple[int, int]:
    """Queries of ``path`` before and after ``grow()`` adds more rows to it."""
    before = count_queries(client, path)
    grow()
    after = count_queries(client, path)
    print(f"{path}: {before} queries, then {after}")  # noqa: T201 -- shown with pytest -s
    return before, after


def rich_article(agreement=None, **kwargs):
    """An article with an image, an agreement of two parties and two organisations."""
    if agreement is None:
        agreement = AgreementFactory()
        PartyFactory.create_batch(SMALL, agreement=agreement)
    return ArticleFactory(
        with_image=True,
        agreement=agreement,
        organisations=OrganisationFactory.create_batch(SMALL),
        **kwargs,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_list(client, language):
    for _ in range(SMALL):
        rich_article()
    path = url_in(language, "news:article-list")

    before, after = measure(client, path, lambda: [rich_article() for _ in range(LARGE - SMALL)])

    assert before == after


def test_news_list_with_more_categories(client):
    rich_article()
    path = url_in("fr", "news:article-list")
    before, after = measure(client, path, lambda: CategoryFactory.create_batch(LARGE))
    assert before == after


def test_category_page(client):
    category = CategoryFactory()
    for _ in range(SMALL):
        rich_article(category=category)
    path = object_url(category, "en")

    before, after = measure(
        client, path, lambda: [rich_article(category=category) for _ in range(LARGE - SMALL)]
    )

    assert before == after


def test_home_page(client):
    for _ in range(SMALL):
        rich_article()
    path = url_in("fr", "site:home")
    # The home page shows seven articles; stay below to count what it shows.
    before, after = measure(client, path, lambda: [rich_article() for _ in range(6 - SMALL)])
    assert before == after


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_page_with_more_parties_and_signatories(client, language):
    article = rich_article()
    agreement = article.agreement
    SignatoryFactory.create_batch(SMALL, agreement=agreement)
    path = object_url(article, language)

    def grow():
        PartyFactory.create_batch(LARGE - SMALL, agreement=agreement)
        SignatoryFactory.create_batch(LARGE - SMALL, agreement=agreement)

    before, after = measure(client, path, grow)

    assert agreement.parties.count() == LARGE
    assert agreement.signatories.count() == LARGE
    assert before == after


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_page_with_more_organisations(client, language):
    article = rich_article()
    path = object_url(article, language)

    def grow():
        article.organisations.add(*OrganisationFactory.create_batch(LARGE - SMALL))

    before, after = measure(client, path, grow)

    assert article.organisations.count() == LARGE
    assert before == after


def test_article_page_with_more_articles_on_the_site(client):
    article = rich_article()
    path = object_url(article, "fr")
    before, after = measure(client, path, lambda: [rich_article() for _ in range(LARGE)])
    assert before == after


def test_agreement_page(client):
    article = rich_article()
    agreement = article.agreement
    SignatoryFactory.create_batch(SMALL, agreement=agreement)
    path = object_url(agreement, "en")

    def grow():
        PartyFactory.create_batch(LARGE - SMALL, agreement=agreement)
        SignatoryFactory.create_batch(LARGE - SMALL, agreement=agreement)
        for _ in range(LARGE - 1):
            rich_article(agreement=agreement)

    before, after = measure(client, path, grow)

    assert before == after


def test_organisation_page(client):
    organisation = OrganisationFactory()
    for _ in range(SMALL):
        rich_article().organisations.add(organisation)
        PartyFactory(organisation=organisation)
    path = object_url(organisation, "fr")

    def grow():
        for _ in range(LARGE - SMALL):
            rich_article().organisations.add(organisation)
            PartyFactory(organisation=organisation)

    before, after = measure(client, path, grow)

    assert before == after


def test_member_directory(client):
    OrganisationFactory.create_batch(SMALL, with_logo=True)
    path = url_in("en", "chamber:member-list")
    before, after = measure(
        client, path, lambda: OrganisationFactory.create_batch(LARGE - SMALL, with_logo=True)
    )
    assert before == after


@pytest.mark.parametrize("feed", ["news:feed-rss", "news:feed-atom"])
def test_feeds(client, feed):
    for _ in range(SMALL):
        rich_article()
    path = url_in("fr", feed)
    before, after = measure(client, path, lambda: [rich_article() for _ in range(LARGE)])
    assert before == after


def test_sitemap(client):
    for _ in range(SMALL):
        rich_article()
    for path in (reverse("sitemap-index"), reverse("sitemap-section", args=["articles-fr"])):
        before, after = measure(client, path, lambda: [rich_article() for _ in range(LARGE)])
        assert before == after
