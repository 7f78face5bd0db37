"""The head of every public page, in every language: its own title and description,
the same for the browser, search engines, OpenGraph and Twitter, and unique on the site;
a share picture that exists, absolute and large enough; the chamber, the site and each
page's breadcrumb trail described in JSON-LD; error pages kept out of search engines."""

import io
import json
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.template import loader
from django.utils import translation
from easy_thumbnails.files import get_thumbnailer
from PIL import Image

from tests.support.factories import (
    ArticleFactory,
    DelegationFactory,
    FairFactory,
    OrganisationFactory,
)
from tests.support.htmlpage import Page, absolute, object_url, parse, url_in
from tests.support.languages import LANGUAGES
from tests.support.public_pages import NOT_FOUND, public_pages

pytestmark = pytest.mark.django_db

SUFFIX = f" · {settings.SITE_NAME}"
# The smallest picture share previews show large (Facebook, LinkedIn, X).
SHARE_SIZE = (1200, 630)


def image_size(client, url: str) -> tuple[int, int]:
    """The size of the picture at ``url``: a static file as the site serves it, an
    upload as its storage holds it."""
    assert url.startswith("http://testserver/"), url
    path = unquote(urlsplit(url).path)
    if path.startswith(settings.STATIC_URL):
        response = client.get(path)
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content)
    else:
        assert path.startswith(settings.MEDIA_URL), url
        with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as file:
            content = file.read()
    with Image.open(io.BytesIO(content)) as image:
        return image.size


def json_ld(page: Page) -> list[dict]:
    return [json.loads(s.text) for s in page.find_all("script", type="application/ld+json")]


def of_type(blocks: list[dict], kind: str) -> list[dict]:
    return [block for block in blocks if block.get("@type") == kind]


def head(page: Page) -> tuple[str, str]:
    """The page's title and description, checked to be the same in every tag."""
    title = page.one("title").text
    description = page.meta("description")
    assert title == page.meta("og:title") == page.meta("twitter:title")
    assert description == page.meta("og:description") == page.meta("twitter:description")
    return title, description


def check_organization(client, data: dict, sizes: dict) -> None:
    assert data["name"]
    assert data["url"].startswith("http")
    assert data["logo"].startswith("http://testserver/")
    if data["logo"] not in sizes:
        sizes[data["logo"]] = image_size(client, data["logo"])


def check_breadcrumbs(page: Page, blocks: list[dict], language: str) -> list[dict]:
    (trail,) = of_type(blocks, "BreadcrumbList")
    items = trail["itemListElement"]
    assert len(items) >= 2
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    with translation.override(language):
        assert items[0]["name"] == translation.gettext("Home")
    assert items[0]["item"] == absolute(url_in(language, "site:home"))
    for item in items:
        assert item["@type"] == "ListItem"
        assert item["name"].strip()
    for item in items[:-1]:
        assert item["item"].startswith("http://testserver/")
    # The last crumb is the page itself.
    assert items[-1].get("item", page.canonical) == page.canonical
    return items


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_has_its_own_head_and_descriptions(client, language):
    call_command("load_demo", verbosity=0)
    titles, descriptions, sizes = {}, {}, {}
    for name, path in public_pages(language).items():
        response = client.get(path)
        assert response.status_code == (404 if name == NOT_FOUND else 200), name
        page = Page(response)
        assert page.lang == language

        title, description = head(page)
        assert title.endswith(SUFFIX) and title.removesuffix(SUFFIX).strip(), (name, title)
        assert description and len(description) <= 200, (name, description)
        titles.setdefault(title, []).append(name)
        descriptions.setdefault(description, []).append(name)

        image = page.meta("og:image")
        assert image == page.meta("twitter:image"), name
        assert page.meta("twitter:card") == "summary_large_image"
        assert page.meta("og:image:alt") == page.meta("twitter:image:alt") != ""
        if image not in sizes:
            sizes[image] = image_size(client, image)
        width, height = sizes[image]
        assert width >= SHARE_SIZE[0] and height >= SHARE_SIZE[1], (name, image, sizes[image])
        assert (page.meta("og:image:width"), page.meta("og:image:height")) == (
            str(width),
            str(height),
        ), name

        blocks = json_ld(page)
        for data in blocks:
            assert data["@context"] == "https://schema.org", name
            if "@type" in data.get("publisher", {}):  # else a reference to the chamber
                check_organization(client, data["publisher"], sizes)
        for data in of_type(blocks, "Organization"):
            check_organization(client, data, sizes)

        if name == NOT_FOUND:
            assert page.one("meta", name="robots").get("content") == "noindex"
            assert page.find("link", rel="canonical") is None
            assert page.hreflang == {}
            assert page.meta("og:url") is None
            assert page.meta_all("og:locale:alternate") == []
            assert of_type(blocks, "BreadcrumbList") == []
            continue
        assert page.meta("og:url") == page.canonical == absolute(urlsplit(path).path)
        if name == "home":
            assert of_type(blocks, "BreadcrumbList") == []
            (chamber,) = of_type(blocks, "Organization")
            assert chamber["name"] == settings.SITE_NAME
            with translation.override(language):
                assert chamber["alternateName"] == str(settings.SITE_FULL_NAME)
            (site,) = of_type(blocks, "WebSite")
            assert site["inLanguage"] == language
            assert site["url"] == absolute(path)
            action = site["potentialAction"]
            assert action["@type"] == "SearchAction"
            template = action["target"]["urlTemplate"]
            assert template == absolute(url_in(language, "site:search")) + "?q={search_term_string}"
            assert action["query-input"] == "required name=search_term_string"
        else:
            items = check_breadcrumbs(page, blocks, language)
            if name == "member":
                (member,) = of_type(blocks, "Organization")
                assert member["name"] == page.h1.text
                assert items[-1]["name"] == member["name"]
                assert member["memberOf"]["name"] == settings.SITE_NAME

    assert {title: names for title, names in titles.items() if len(names) > 1} == {}
    assert {text: names for text, names in descriptions.items() if len(names) > 1} == {}
    # The chamber's logo: square, large enough for search engines.
    logo = absolute(f"{settings.STATIC_URL}img/logo.png")
    assert sizes[logo][0] == sizes[logo][1] >= 512


def test_the_visible_breadcrumb_is_the_trail_search_engines_read(client):
    call_command("load_demo", verbosity=0)
    page = Page(client.get(public_pages("en")["page"]))
    nav = page.one("nav", class_="breadcrumbs")
    visible = [" ".join(item.text.split()) for item in nav.find_all("li")]
    (trail,) = of_type(json_ld(page), "BreadcrumbList")
    assert visible == [item["name"] for item in trail["itemListElement"]]
    links = [absolute(link.get("href")) for link in nav.find_all("a")]
    assert links == [item["item"] for item in trail["itemListElement"][:-1]]


def test_a_later_page_of_a_list_says_which_page_it_is(client):
    ArticleFactory.create_batch(10)  # nine a page
    url = url_in("en", "news:article-list")
    first_title, first_description = head(Page(client.get(url)))
    title, description = head(Page(client.get(url + "?page=2")))
    assert title == f"News — page 2{SUFFIX}"
    assert description.endswith(" Page 2.")
    assert first_title == f"News{SUFFIX}"
    assert description == f"{first_description} Page 2."


@pytest.mark.parametrize(
    ("name", "query", "expected"),
    [
        ("chamber:member-list", "?sector=Logistics&kind=company", "Members (Logistics, Company)"),
        ("events:agenda", "?kind=seminar", "Agenda (Seminar)"),
        ("publications:publication-list", "?category=study", "Publications (Study)"),
    ],
)
def test_a_filtered_list_names_its_filters(client, name, query, expected):
    url = url_in("en", name)
    title, description = head(Page(client.get(url + query)))
    assert title == expected + SUFFIX
    _plain_title, plain_description = head(Page(client.get(url)))
    assert description != plain_description


def test_a_small_picture_is_enlarged_for_share_previews(client):
    article = ArticleFactory(with_image=True)  # 320 × 180
    page = Page(client.get(object_url(article, "fr")))
    assert image_size(client, page.meta("og:image")) == SHARE_SIZE


def test_a_member_is_described_with_its_logo_site_and_place(client):
    organisation = OrganisationFactory(
        with_logo=True, website="https://example.org/", description_en="Parts for cars."
    )
    page = Page(client.get(object_url(organisation, "en")))
    (data,) = of_type(json_ld(page), "Organization")
    assert data["name"] == organisation.name_en
    assert data["url"] == "https://example.org/"
    assert data["description"] == "Parts for cars."
    assert data["address"]["addressLocality"] == "Busan"
    assert image_size(client, data["logo"]) == (240, 120)
    assert page.meta("description") == "Parts for cars."


def stored_image(url: str) -> Image.Image:
    """The upload (or its thumbnail) at the absolute ``url``, opened with Pillow."""
    path = unquote(urlsplit(url).path)
    assert path.startswith(settings.MEDIA_URL), url
    with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image.convert("RGB")


def test_a_member_shares_its_whole_logo_on_a_white_ground(client):
    organisation = OrganisationFactory(with_logo=True)  # 240 × 120, all blue
    page = Page(client.get(object_url(organisation, "en")))
    url = page.meta("og:image")
    assert url == page.meta("twitter:image")
    image = stored_image(url)
    assert image.size == SHARE_SIZE
    assert (page.meta("og:image:width"), page.meta("og:image:height")) == ("1200", "630")
    assert page.meta("og:image:alt") == f"Logo of {organisation.name_en}"
    with Image.open(organisation.logo.open()) as logo:
        logo_colour = logo.convert("RGB").getpixel((120, 60))
    # The logo at its own size in the middle, white all around it.
    assert image.getpixel((0, 0)) == image.getpixel((1199, 629)) == (255, 255, 255)
    assert image.getpixel((600 - 125, 315)) == (255, 255, 255)
    assert image.getpixel((600 + 125, 315)) == (255, 255, 255)
    for point in ((600, 315), (600 - 110, 315 - 50), (600 + 110, 315 + 50)):
        assert max(abs(a - b) for a, b in zip(image.getpixel(point), logo_colour, strict=True)) <= 8


def test_a_member_without_a_logo_shares_the_chambers_picture(client):
    page = Page(client.get(object_url(OrganisationFactory(), "en")))
    assert page.meta("og:image") == absolute(f"{settings.STATIC_URL}img/share-default.png")


def test_a_fair_shares_its_picture_and_its_delegations_too(client):
    fair = FairFactory(with_image=True)
    delegation = DelegationFactory(fair=fair)
    shared = {}
    for obj in (fair, delegation):
        page = Page(client.get(object_url(obj, "en")))
        shared[obj] = page.meta("og:image")
        assert shared[obj] == page.meta("twitter:image")
        assert page.meta("og:image:alt") == "The fair's hall"
    assert shared[fair] == shared[delegation]
    assert shared[fair] == absolute(get_thumbnailer(fair.image)["hero"].url)
    assert stored_image(shared[fair]).size == SHARE_SIZE


def test_a_fair_without_a_picture_shares_the_chambers(client):
    delegation = DelegationFactory()
    for obj in (delegation.fair, delegation):
        page = Page(client.get(object_url(obj, "en")))
        assert page.meta("og:image") == absolute(f"{settings.STATIC_URL}img/share-default.png")


def test_the_chamber_names_its_pages_elsewhere_when_configured(client, settings):
    settings.CHAMBER_SAME_AS = ["https://www.linkedin.com/company/example"]
    settings.CHAMBER_LEGAL_NAME = "Association Example"
    settings.CHAMBER_POSTAL_ADDRESS = "1 Example-ro, Jung-gu, Seoul"
    page = Page(client.get(url_in("ko", "site:home")))
    (chamber,) = of_type(json_ld(page), "Organization")
    assert chamber["sameAs"] == ["https://www.linkedin.com/company/example"]
    assert chamber["email"] == settings.CHAMBER_CONTACT_EMAIL
    assert chamber["telephone"] == settings.CHAMBER_CONTACT_PHONE
    # The controller the privacy notice names.
    assert chamber["legalName"] == "Association Example"
    assert chamber["address"] == "1 Example-ro, Jung-gu, Seoul"


def test_without_a_legal_name_the_chamber_is_named_in_the_default_language(client, settings):
    settings.CHAMBER_LEGAL_NAME = ""
    settings.CHAMBER_POSTAL_ADDRESS = ""
    page = Page(client.get(url_in("ko", "site:home")))
    (chamber,) = of_type(json_ld(page), "Organization")
    with translation.override(settings.LANGUAGE_CODE):
        assert chamber["legalName"] == str(settings.SITE_FULL_NAME)
    assert "address" not in chamber


def error_head(page: Page) -> None:
    assert page.one("meta", name="robots").get("content") == "noindex"
    assert page.find("link", rel="canonical") is None
    assert page.hreflang == {}
    assert page.meta("og:url") is None


def test_a_page_not_written_in_the_language_is_kept_out_of_search_engines(client):
    article = ArticleFactory(title_ko="", lead_ko="", key_points_ko="", body_ko="")
    response = client.get(object_url(article, "ko"))
    assert response.status_code == 404
    error_head(Page(response))


def test_a_bad_request_is_kept_out_of_search_engines(client):
    response = client.get(url_in("en", "site:search") + "?q=busan%00")
    assert response.status_code == 400
    error_head(Page(response))


def test_the_server_error_page_is_kept_out_of_search_engines():
    doc = parse(loader.get_template("500.html").render())
    assert doc.one("meta", name="robots").get("content") == "noindex"
    assert doc.find("link", rel="canonical") is None
