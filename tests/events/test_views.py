"""Public pages: fairs, delegations, home page block, sitemap."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Registration
from tests.support.factories import DelegationFactory, FairFactory, RegistrationFactory
from tests.support.htmlpage import Page, absolute, assert_language_head, object_url, url_in
from tests.support.languages import LANGUAGES
from tests.support.sitemaps import read_sitemap

pytestmark = pytest.mark.django_db
Status = Registration.Status


def paths_of(obj):
    return {code: object_url(obj, code) for code in LANGUAGES}


class TestFairList:
    def test_upcoming_first_then_past_and_no_drafts(self, client):
        later = FairFactory(
            name_en="Later fair", starts_on=timezone.localdate() + datetime.timedelta(days=90)
        )
        sooner = FairFactory(name_en="Sooner fair")
        past = FairFactory(past=True, name_en="Past fair")
        FairFactory(draft=True, name_en="Draft fair")
        hidden = DelegationFactory(fair=sooner, draft=True, title_en="Hidden delegation")
        shown = DelegationFactory(fair=sooner, title_en="Shown delegation")
        response = client.get(url_in("en", "events:fair-list"))
        assert response.status_code == 200
        assert list(response.context["upcoming_fairs"]) == [sooner, later]
        assert list(response.context["past_fairs"]) == [past]
        content = response.content.decode()
        assert (
            content.index("Sooner fair") < content.index("Later fair") < content.index("Past fair")
        )
        assert "Draft fair" not in content
        assert shown.title_en in content and hidden.title_en not in content
        assert url_in("en", "events:calendar-feed") in content

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_in_both_languages(self, client, language):
        fair = FairFactory()
        response = client.get(url_in(language, "events:fair-list"))
        page = Page(response)
        assert page.lang == language
        assert getattr(fair, f"name_{language}") in response.content.decode()
        urls = {code: absolute(url_in(code, "events:fair-list")) for code in LANGUAGES}
        assert_language_head(page, language, urls)

    def test_query_count_does_not_grow_with_rows(self, client, django_assert_max_num_queries):
        url = url_in("en", "events:fair-list")
        for _ in range(2):
            DelegationFactory(fair=FairFactory())
            DelegationFactory(fair=FairFactory(past=True))
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for _ in range(6):
            fair = FairFactory()
            for _ in range(3):
                RegistrationFactory(delegation=DelegationFactory(fair=fair))
            DelegationFactory(fair=FairFactory(past=True))
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(url)
        assert len(response.context["upcoming_fairs"]) == 8
        assert len(few.captured_queries) <= 4 + 2  # the page tree and the menus


class TestFairDetail:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_fair_page(self, client, language):
        fair = FairFactory(website="https://www.maison-objet.com/")
        delegation = DelegationFactory(fair=fair)
        response = client.get(object_url(fair, language))
        page = Page(response)
        assert page.h1.text == getattr(fair, f"name_{language}")
        assert page.meta("og:title") == f"{getattr(fair, f'name_{language}')} · FKCCI"
        assert_language_head(
            page, language, {code: absolute(path) for code, path in paths_of(fair).items()}
        )
        assert page.find("a", href=object_url(delegation, language)) is not None
        with translation.override(language):
            ics = reverse("events:fair-calendar", kwargs={"slug": fair.slug})
        assert page.find("a", href=ics) is not None
        assert page.find("a", class_="share-facebook") is not None

    def test_draft_fair_is_for_staff_only(self, client, admin_client):
        fair = FairFactory(draft=True)
        assert client.get(object_url(fair, "en")).status_code == 404
        assert admin_client.get(object_url(fair, "en")).status_code == 200

    def test_slug_of_the_other_language_redirects(self, client):
        fair = FairFactory(slug_fr="salon-deco", slug_en="deco-fair")
        with translation.override("en"):
            url = reverse("events:fair-detail", kwargs={"slug": "salon-deco"})
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == object_url(fair, "en")


class TestDelegationPage:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_shows_fair_dates_offer_fee_places_share_links_and_form(
        self, client, delegation, language
    ):
        RegistrationFactory(delegation=delegation)
        response = client.get(object_url(delegation, language))
        assert response.status_code == 200
        page = Page(response)
        title = getattr(delegation, f"title_{language}")
        assert page.h1.text == title
        assert page.meta("og:title") == page.one("title").text == f"{title} · FKCCI"
        assert page.meta("og:description") == getattr(delegation, f"summary_{language}")
        assert page.meta("og:type") == "website"
        urls = {code: absolute(path) for code, path in paths_of(delegation).items()}
        assert_language_head(page, language, urls)
        assert page.find("a", href=object_url(delegation.fair, language)) is not None
        content = response.content.decode()
        assert delegation.fair.starts_on.strftime("%Y-%m-%d") in content
        assert getattr(delegation, f"fee_details_{language}") in content
        assert "1" in page.one("span", class_="availability-open").text  # 1 place left
        offer = [li.text for li in page.one("ul", class_="offer-list").find_all("li")]
        assert offer == getattr(delegation, f"offer_{language}").splitlines()
        assert page.share_href("linkedin")
        form = page.one("form", class_="registration-form")
        assert form.get("action") == object_url(delegation, language) + "#register"
        assert page.find("input", name="csrfmiddlewaretoken") is not None
        privacy = url_in(language, "site:privacy")
        assert form.find("a", href=privacy) is not None
        honeypot = form.one("div", class_="hp-field")
        assert honeypot.get("aria-hidden") == "true"
        trap = honeypot.one("input", name="homepage")
        assert (trap.get("tabindex"), trap.get("autocomplete")) == ("-1", "off")

    def test_full_delegation_says_wait_list_before_submitting(self, client, delegation):
        RegistrationFactory.create_batch(2, delegation=delegation, status=Status.ACCEPTED)
        with translation.override("en"):
            response = client.get(object_url(delegation, "en"))
        page = Page(response)
        assert page.one("span", class_="availability-waitlist")
        assert page.one("p", class_="notice-waitlist")
        form = page.one("form", class_="registration-form")
        assert "wait list" in form.one("button", type="submit").text.lower()

    @pytest.mark.parametrize("traits", [{"closed": True}, {"not_open": True}])
    def test_closed_or_not_yet_open_has_no_form(self, client, traits):
        delegation = DelegationFactory(**traits)
        page = Page(client.get(object_url(delegation, "en")))
        assert page.find("form", class_="registration-form") is None
        assert page.one("p", class_="notice-closed").text.strip()
        assert page.find("span", class_="availability-closed") or page.find(
            "span", class_="availability-soon"
        )

    def test_draft_delegation_is_for_staff_only(self, client, admin_client):
        delegation = DelegationFactory(draft=True)
        assert client.get(object_url(delegation, "en")).status_code == 404
        response = admin_client.get(object_url(delegation, "en"))
        assert response.status_code == 200
        assert Page(response).find("p", class_="preview-banner") is not None

    def test_query_count_does_not_grow_with_registrations(
        self, client, delegation, django_assert_max_num_queries
    ):
        url = object_url(delegation, "en")
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        RegistrationFactory.create_batch(8, delegation=delegation, status=Status.WAITLISTED)
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(url)
        assert len(few.captured_queries) <= 2 + 2  # the page tree and the menus


def test_home_page_lists_upcoming_delegations(client, delegation):
    DelegationFactory(fair=FairFactory(past=True), title_en="Old delegation")
    response = client.get(url_in("en", "site:home"))
    assert list(response.context["upcoming_delegations"]) == [delegation]


def test_home_page_queries_do_not_grow_with_delegations_or_registrations(
    client, delegation, django_assert_max_num_queries
):
    url = url_in("fr", "site:home")
    client.get(url)  # warm-up: nothing cached in the first request counts
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert len(response.context["upcoming_delegations"]) == 1
    for _ in range(2):
        other = DelegationFactory()
        RegistrationFactory.create_batch(3, delegation=other)
    RegistrationFactory.create_batch(5, delegation=delegation)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    shown = list(response.context["upcoming_delegations"])
    assert len(shown) == 3
    held = {d.pk: d.held_count for d in shown}
    assert held[delegation.pk] == 5  # the annotation, counted in the same query


def test_sitemap_lists_fairs_and_delegations_in_both_languages(client, delegation):
    DelegationFactory(draft=True, slug_en="secret-delegation")
    entries = read_sitemap(client)
    content = " ".join(
        [*entries, *(url for alternates in entries.values() for url in alternates.values())]
    )
    for language in LANGUAGES:
        assert absolute(object_url(delegation, language)) in content
        assert absolute(object_url(delegation.fair, language)) in content
        assert absolute(url_in(language, "events:fair-list")) in content
    assert "secret-delegation" not in content
