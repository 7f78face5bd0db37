"""The member directory: search by name whatever the accents and case, filters, orders,
pages, and a cost that does not grow with the number of members."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from chamber.models import Organisation
from chamber.toolkit.middleware import PublicPageCacheMiddleware
from tests.support import bulk
from tests.support.factories import OrganisationFactory
from tests.support.htmlpage import Page, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db


def listed(client, language="fr", **params):
    response = client.get(url_in(language, "chamber:member-list"), params)
    assert response.status_code == 200
    return [organisation.pk for organisation in response.context["members"]]


@pytest.fixture
def hydrogen():
    return OrganisationFactory(
        name_fr="Hydrogène Énergie Côte",
        name_en="Hydrogène Energy Coast",
        name_ko="수소 에너지 부산의",
        short_name="HEC",
    )


@pytest.fixture
def other():
    return OrganisationFactory(
        name_fr="Batteries Séoul", name_en="Seoul Batteries", name_ko="서울 배터리"
    )


class TestSearch:
    @pytest.mark.parametrize(
        ("language", "query"),
        [
            ("fr", "hydrogene"),
            ("fr", "HYDROGÈNE côte"),
            ("fr", "energie cote"),
            ("en", "hydrogene energy"),
            ("en", "HEC"),
            ("ko", "수소"),
            ("ko", "부산"),  # a word's beginning in Korean
        ],
    )
    def test_finds_a_name_whatever_the_accents_and_the_case(
        self, client, hydrogen, other, language, query
    ):
        assert listed(client, language, q=query) == [hydrogen.pk]

    def test_every_word_must_match(self, client, hydrogen, other):
        assert listed(client, "fr", q="hydrogene seoul") == []
        assert listed(client, "fr", q="seoul") == [other.pk]

    def test_searches_only_the_page_language_names(self, client, hydrogen):
        assert listed(client, "en", q="Côte") == []
        assert listed(client, "en", q="coast") == [hydrogen.pk]

    def test_the_page_shows_the_search_and_how_many_match(self, client, hydrogen, other):
        with translation.override("fr"):
            page = Page(client.get(url_in("fr", "chamber:member-list"), {"q": "hydrogene"}))
        assert page.find("input", id="directory-q").get("value") == "hydrogene"
        status = page.find(class_="directory-current").text
        assert "hydrogene" in status
        assert "1" in status
        assert page.meta("robots") == "noindex, follow"

    def test_words_in_the_middle_of_a_name(self, client, hydrogen):
        # SQLite finds a word's letters anywhere; PostgreSQL at the start of a word.
        found = listed(client, "fr", q="ydrog")
        assert found == ([] if connection.vendor == "postgresql" else [hydrogen.pk])
        assert listed(client, "fr", q="hydro") == [hydrogen.pk]


class TestFilters:
    def test_by_sector_kind_city_and_tier(self, client):
        auto = OrganisationFactory(sector_fr="Automobile", city_fr="Busan")
        energy = OrganisationFactory(
            sector_fr="Énergie",
            city_fr="Séoul",
            kind=Organisation.Kind.PUBLIC_BODY,
            membership=Organisation.Membership.PATRON,
        )
        assert listed(client, sector="Énergie") == [energy.pk]
        assert listed(client, sector="Automobile") == [auto.pk]
        assert listed(client, city="Séoul") == [energy.pk]
        assert listed(client, kind="public_body") == [energy.pk]
        assert listed(client, tier="patron") == [energy.pk]
        assert listed(client, tier="member") == [auto.pk]
        assert listed(client, tier="patron", city="Busan") == []
        # Unknown values are ignored rather than failing.
        assert sorted(listed(client, kind="spaceship", tier="gold", sort="x")) == sorted(
            [auto.pk, energy.pk]
        )

    def test_the_choices_are_the_members_values_and_the_current_one_is_selected(self, client):
        OrganisationFactory(sector_fr="Énergie", city_fr="Séoul")
        OrganisationFactory(sector_fr="Automobile", city_fr="Busan")
        OrganisationFactory(sector_fr="Secret", membership=Organisation.Membership.NONE)
        page = Page(client.get(url_in("fr", "chamber:member-list"), {"sector": "Énergie"}))
        sectors = page.one("select", id="directory-sector")
        options = [option.text for option in sectors.find_all("option")]
        assert options[1:] == ["Automobile", "Énergie"]
        assert sectors.one("option", selected=True).text == "Énergie"
        city_select = page.one("select", id="directory-city")
        cities = [option.text for option in city_select.find_all("option")]
        assert cities[1:] == ["Busan", "Séoul"]


class TestOrder:
    def test_by_name_by_membership_date_and_newest_first(self, client):
        old = OrganisationFactory(name_fr="Zèbre", member_since=datetime.date(2001, 1, 1))
        new = OrganisationFactory(name_fr="Abeille", member_since=datetime.date(2024, 1, 1))
        unknown = OrganisationFactory(name_fr="Marmotte", member_since=None)
        assert listed(client) == [new.pk, unknown.pk, old.pk]
        assert listed(client, sort="since") == [old.pk, new.pk, unknown.pk]
        assert listed(client, sort="newest") == [new.pk, old.pk, unknown.pk]


class TestPages:
    def test_page_links_keep_the_filters_and_drop_other_parameters(self, client):
        OrganisationFactory.create_batch(30, sector_fr="Énergie")
        response = client.get(
            url_in("fr", "chamber:member-list"),
            {"sector": "Énergie", "sort": "newest", "utm_source": "x"},
        )
        link = Page(response).one("a", rel="next").get("href")
        assert "sector=%C3%89nergie" in link
        assert "sort=newest" in link
        assert "page=2" in link
        assert "utm_source" not in link
        second = client.get(url_in("fr", "chamber:member-list") + link)
        assert len(second.context["members"]) == 6

    def test_the_filters_are_kept_apart_by_the_page_cache(self):
        assert {"q", "sector", "kind", "city", "tier", "sort", "page"} <= (
            PublicPageCacheMiddleware.KEPT_PARAMETERS
        )

    def test_filtered_pages_are_cached_under_their_own_address(self, client, settings):
        OrganisationFactory(sector_fr="Énergie", name_fr="Énergie A")
        OrganisationFactory(sector_fr="Automobile", name_fr="Auto B")
        path = url_in("fr", "chamber:member-list")
        energy = client.get(path, {"sector": "Énergie"}).content.decode()
        auto = client.get(path, {"sector": "Automobile"}).content.decode()
        assert "Énergie A" in energy and "Auto B" not in energy
        assert "Auto B" in auto and "Énergie A" not in auto


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_costs_the_same_at_10_and_1000_members(client, language):
    path = url_in(language, "chamber:member-list")
    params = {"q": "1", "sector": bulk.WORDS["en"][1], "sort": "newest", "page": 2}
    bulk.organisations(10)

    def queries(**query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, query, HTTP_COOKIE="")
        assert response.status_code in (200, 404)
        return len(captured.captured_queries)

    few = [queries(), queries(q="entreprise"), queries(tier="corporate", sort="since")]
    bulk.organisations(990)
    assert Organisation.objects.members().count() == 1000
    many = [queries(), queries(q="entreprise"), queries(tier="corporate", sort="since")]
    assert many == few
    # Every filter at once, on a deep page.
    assert client.get(path, {**params, "page": 1}).status_code == 200


def test_the_benchmark_measures_the_directory_and_a_directory_search(client):
    from tests.bench import site

    source = open(site.__file__).read()
    assert "bulk.organisations(1000)" in source
    assert '"members search": reverse("chamber:member-list") + "?q=company+7"' in source
    bulk.organisations(20)
    with translation.override("en"):
        url = reverse("chamber:member-list") + "?q=company+7"
    response = client.get(url)
    assert "Company 7" in [member.name_en for member in response.context["members"]]
