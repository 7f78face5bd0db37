"""The list of agreements: newest first, parties named, in both languages, fixed queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.factories import AgreementFactory, PartyFactory
from tests.support.htmlpage import Page, object_url, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_agreements_newest_first_with_their_parties(client, language):
    old = AgreementFactory(signed_on=datetime.date(2020, 1, 1))
    new = AgreementFactory(signed_on=datetime.date(2024, 1, 1))
    party = PartyFactory(agreement=new)
    response = client.get(url_in(language, "chamber:agreement-list"))
    assert response.status_code == 200
    assert list(response.context["agreements"]) == [new, old]
    page = Page(response)
    assert page.lang == language
    links = {object_url(new, language), object_url(old, language)}
    titles = [a.text.strip() for a in page.find_all("a") if a.get("href") in links]
    assert titles == [getattr(new, f"title_{language}"), getattr(old, f"title_{language}")]
    assert getattr(party.organisation, f"name_{language}") in response.content.decode()


def test_query_count_does_not_grow_with_agreements_or_parties(client):
    url = url_in("en", "chamber:agreement-list")
    PartyFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for agreement in AgreementFactory.create_batch(6):
        PartyFactory.create_batch(3, agreement=agreement)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["agreements"]) == 8
    assert len(many.captured_queries) == len(few.captured_queries)
