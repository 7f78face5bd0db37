"""A fair's structured address: the migration from free text, the page in the
visitor's language, the admin."""

import datetime
import importlib

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from tests.support.factories import FairFactory
from tests.support.htmlpage import Page, object_url
from tests.support.languages import LANGUAGES

BEFORE = [("events", "0007_attendee_checkin_permission")]
AFTER = [("events", "0008_fair_address_and_organiser")]
migration = importlib.import_module("events.migrations.0008_fair_address_and_organiser")


@pytest.mark.parametrize(
    ("names", "code"),
    [
        (["France"], "FR"),
        (["  FRANCE "], "FR"),
        (["프랑스"], "FR"),
        (["Corée du Sud"], "KR"),
        (["Corée"], "KR"),
        (["République de Corée"], "KR"),
        (["South Korea"], "KR"),
        (["Korea"], "KR"),
        (["Republic of Korea"], "KR"),
        (["대한민국"], "KR"),
        (["한국"], "KR"),
        (["Allemagne"], "DE"),
        (["Japan"], "JP"),
        (["États-Unis"], "US"),
        (["USA"], "US"),
        (["kr"], "KR"),
        (["", "Atlantis", "Italie"], "IT"),
        (["Atlantis", "", None], ""),
        (["Europe"], ""),
    ],
)
def test_country_names_in_any_language_become_their_code(names, code):
    assert migration.country_code(names, migration.country_codes()) == code


@pytest.mark.django_db(transaction=True)
def test_migration_maps_free_text_to_the_address_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("events", "Fair")
    texts = {
        "seoul": ("Séoul", "Seoul", "서울", "Corée du Sud", "Korea", "한국"),
        "nowhere": ("Ys", "", "", "Atlantide", "Atlantis", ""),
    }
    for slug, (city_fr, city_en, city_ko, country_fr, country_en, country_ko) in texts.items():
        old.objects.create(
            name=slug,
            slug=slug,
            starts_on=datetime.date(2030, 1, 1),
            ends_on=datetime.date(2030, 1, 2),
            venue="COEX",
            venue_fr="COEX",
            city=city_fr,
            city_fr=city_fr,
            city_en=city_en,
            city_ko=city_ko,
            country=country_fr,
            country_fr=country_fr,
            country_en=country_en,
            country_ko=country_ko,
        )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("events", "Fair")
    seoul, nowhere = new.objects.get(slug="seoul"), new.objects.get(slug="nowhere")
    # The city as addresses spell it in Latin letters; the country as its code.
    assert (seoul.venue_name_fr, seoul.locality, seoul.country) == ("COEX", "Seoul", "KR")
    # An unknown country is left for staff to fill in; the city is kept.
    assert (nowhere.locality, nowhere.country) == ("Ys", "")

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("events", "Fair")
    seoul = old.objects.get(slug="seoul")
    assert (seoul.city_fr, seoul.city_ko, seoul.venue_fr) == ("Seoul", "Seoul", "COEX")
    assert (seoul.country_fr, seoul.country_en, seoul.country_ko) == (
        "Corée du Sud",
        "South Korea",
        "대한민국",
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


KOREA = {"fr": "Corée du Sud", "en": "South Korea", "ko": "대한민국"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_fair_page_names_the_country_in_the_visitors_language(client, language):
    fair = FairFactory(
        venue_name_fr="COEX",
        venue_name_en="COEX",
        venue_name_ko="코엑스",
        street_address="513 Yeongdong-daero, Gangnam-gu",
        postal_code="06164",
        locality="Seoul",
        country="KR",
    )
    page = Page(client.get(object_url(fair, language)))
    place = " ".join(page.one("dl", class_="facts").text.split())
    venue = fair.venue_name_ko if language == "ko" else "COEX"
    assert f"{venue}, 513 Yeongdong-daero, Gangnam-gu, 06164 Seoul, {KOREA[language]}" in place


@pytest.mark.django_db
def test_fair_list_shows_the_city_and_the_country(client):
    FairFactory()
    with_country = reverse("events:fair-list")
    text = " ".join(Page(client.get(with_country)).one("p", class_="card-meta").text.split())
    assert "Villepinte, France" in text


@pytest.mark.django_db
def test_admin_groups_the_address_fields(admin_client):
    fair = FairFactory()
    page = Page(admin_client.get(reverse("admin:events_fair_change", args=[fair.pk])))
    (where,) = [
        fieldset
        for fieldset in page.find_all("fieldset")
        if fieldset.find("input", name="street_address")
    ]
    names = {element.get("name") for tag in ("input", "select") for element in where.find_all(tag)}
    assert {"venue_name_fr", "street_address", "postal_code", "locality", "country"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_names_countries_in_the_staff_members_language(admin_client, language):
    url = reverse("admin:events_fair_change", args=[FairFactory().pk])
    page = Page(admin_client.get(url, headers={"accept-language": language}))
    menu = page.one("select", name="country")
    options = {option.get("value"): option.text for option in menu.find_all("option")}
    assert options["KR"] == KOREA[language]
    assert menu.one("option", selected=True).get("value") == "FR"
    assert "EU" not in options and "ZZ" not in options


@pytest.mark.django_db
def test_a_fair_needs_its_city_and_country():
    fair = FairFactory.build(locality="", country="")
    with pytest.raises(ValidationError) as error:
        fair.clean()
    assert set(error.value.message_dict) == {"locality", "country"}
