"""The partners page (by level, in the order staff chose, in each language), the home
page's strip (cached, its queries constant) and logos sharp on screens of 2x."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation
from django.utils.encoding import iri_to_uri
from PIL import Image

from chamber.partners.models import Partner
from chamber.partners.templatetags.partner_tags import partner_strip
from chamber.toolkit.cache import content_changed
from chamber.toolkit.publication import PublicationStatus
from tests.support.factories import OrganisationFactory, image_file
from tests.support.htmlpage import Page, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

LEVEL_TITLES = {
    "fr": ["Partenaire premium", "Partenaire", "Sponsor"],
    "en": ["Premium partner", "Partner", "Sponsor"],
    "ko": ["프리미엄 파트너", "파트너", "후원사"],
}


def make_partner(name, level, position=0, **values):
    return Partner.objects.create(
        name_fr=f"{name} (fr)",
        name_en=name,
        name_ko=f"{name} (ko)",
        level=level,
        position=position,
        logo=image_file(f"{name}.png", size=(600, 300)),
        **values,
    )


@pytest.fixture
def partners():
    return [
        make_partner("Sponsor A", Partner.Level.SPONSOR, link="https://a.example"),
        make_partner("Partner B", Partner.Level.PARTNER, position=2, link="https://b.example"),
        make_partner("Partner C", Partner.Level.PARTNER, position=1, link="https://c.example"),
        make_partner("Premium D", Partner.Level.PREMIUM, link="https://d.example"),
        make_partner("Hidden E", Partner.Level.PREMIUM, active=False),
    ]


def names_in(section, language):
    suffix = {"fr": " (fr)", "en": "", "ko": " (ko)"}[language]
    return [f"{name}{suffix}" for name in section]


@pytest.mark.parametrize("language", LANGUAGES)
def test_partners_page_groups_by_level_in_the_chosen_order(client, partners, language):
    response = client.get(url_in(language, "partners:partner-list"))
    assert response.status_code == 200
    page = Page(response)
    assert page.lang == language
    sections = page.find_all("section", class_="partner-level")
    assert [section.one("h2").text for section in sections] == LEVEL_TITLES[language]
    shown = [
        [span.text for span in section.find_all("span", class_="partner-name")]
        for section in sections
    ]
    assert shown == [
        names_in(["Premium D"], language),
        names_in(["Partner C", "Partner B"], language),
        names_in(["Sponsor A"], language),
    ]
    assert "Hidden E" not in response.content.decode()


def test_partners_path_is_translated():
    assert url_in("fr", "partners:partner-list") == "/fr/partenaires/"
    assert url_in("en", "partners:partner-list") == "/en/partners/"
    assert url_in("ko", "partners:partner-list") == iri_to_uri("/ko/파트너/")


def test_logo_links_to_the_site_else_the_published_organisation(client):
    organisation = OrganisationFactory()
    draft = OrganisationFactory(status=PublicationStatus.DRAFT)
    make_partner("With site", Partner.Level.PARTNER, link="https://site.example")
    make_partner("With member page", Partner.Level.PARTNER, organisation=organisation)
    make_partner("With draft page", Partner.Level.SPONSOR, organisation=draft)
    page = Page(client.get(url_in("en", "partners:partner-list")))
    hrefs = [a.get("href") for a in page.find_all("a", class_="partner-logo")]
    assert hrefs == ["https://site.example", organisation.get_absolute_url()]
    # A draft organisation's page would be a 404: the logo links nowhere.
    assert len(page.find_all("span", class_="partner-logo")) == 1


def image_size(url: str) -> tuple[int, int]:
    path = url.removeprefix(settings.MEDIA_URL)
    with Image.open(Path(settings.MEDIA_ROOT) / path) as picture:
        return picture.size


def test_logos_have_a_2x_source(client, partners):
    page = Page(client.get(url_in("en", "partners:partner-list")))
    image = page.find("img", alt="Premium D")
    src, srcset = image.get("src"), image.get("srcset")
    one, two = srcset.split(", ")
    assert one == f"{src} 1x"
    assert two.endswith(" 2x")
    assert image_size(src) == (200, 100)
    assert (image.get("width"), image.get("height")) == ("200", "100")
    assert image_size(two.removesuffix(" 2x")) == (400, 200)


def test_partners_page_queries_are_constant(client, django_assert_num_queries, partners):
    url = url_in("en", "partners:partner-list")
    client.get(url)  # thumbnails made once
    # The partners, then the page tree and the menu links (chamber/pages).
    with django_assert_num_queries(1 + 2):
        client.get(url)
    make_partner("Another", Partner.Level.SPONSOR, link="https://x.example")
    client.get(url)
    with django_assert_num_queries(1 + 2):
        client.get(url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_the_strip_in_order(client, partners, language):
    page = Page(client.get(url_in(language, "site:home")))
    strip = page.one("section", class_="partner-strip")
    alts = [img.get("alt") for img in strip.find_all("img")]
    assert alts == names_in(["Premium D", "Partner C", "Partner B", "Sponsor A"], language)
    assert strip.one("a", href=url_in(language, "partners:partner-list"))


def test_home_page_has_no_strip_without_partners(client):
    page = Page(client.get(url_in("en", "site:home")))
    assert page.find("section", class_="partner-strip") is None


def test_home_page_queries_do_not_grow_with_partners(client, partners):
    url = url_in("en", "site:home")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(5):
        make_partner(f"More {index}", Partner.Level.SPONSOR, link="https://m.example")
    client.get(url)  # the new logos' thumbnails made
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(many) == len(few)
    assert "More 4" in response.content.decode()


@override_settings(PAGE_CACHE_SECONDS=300)
def test_home_strip_is_read_from_the_cache(partners, django_assert_num_queries):
    with translation.override("en"):
        partner_strip()  # the thumbnails made
        content_changed()
        with CaptureQueriesContext(connection) as queries:
            first = partner_strip()
        # One query for the partners (the others ask when content next changes by itself).
        assert sum("partners_partner" in query["sql"] for query in queries.captured_queries) == 1
        with django_assert_num_queries(0):
            assert partner_strip() == first
        assert "Premium D" in first
        Partner.objects.filter(name_en="Premium D").update(active=False)
        content_changed()  # what the save's signal does once the transaction commits
        assert "Premium D" not in partner_strip()
