"""schema.org JSON-LD of article, event, fair and delegation pages, in every language:
every property Google's rich results require or recommend, saying what the page says."""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from easy_thumbnails.files import get_thumbnailer
from icalendar import Calendar
from PIL import Image

from chamber.toolkit import rich_images
from events.models import Registration
from tests.events.factories import EventFactory
from tests.support.factories import (
    ArticleFactory,
    DelegationFactory,
    FairFactory,
    OrganisationFactory,
    RegistrationFactory,
    image_file,
)
from tests.support.htmlpage import Page, object_url
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
SCHEMA = "https://schema.org/"
# Wide, standard and square, in this order.
RATIOS = (16 / 9, 4 / 3, 1)
# The byline in each language, before the author's name.
BY = {"fr": "Par", "en": "By", "ko": "글:"}
FRANCE = {"fr": "France", "en": "France", "ko": "프랑스"}


def json_ld(response) -> dict:
    """The page's own description (beside its breadcrumb trail)."""
    assert response.status_code == 200
    blocks = [json.loads(block) for block in BLOCK.findall(response.content.decode())]
    (data,) = [block for block in blocks if block["@type"] != "BreadcrumbList"]
    return data


def image_size(url: str) -> tuple[int, int]:
    """The size of the picture at ``url`` (a static file or an upload's thumbnail): it
    exists and Pillow reads it."""
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        with open(finders.find(path.removeprefix(settings.STATIC_URL)), "rb") as file:
            return Image.open(file).size
    with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as file:
        return Image.open(file).size


def assert_three_shapes(urls: list[str]):
    assert len(urls) == 3
    for url, ratio in zip(urls, RATIOS, strict=True):
        assert url.startswith("http://testserver/")
        width, height = image_size(url)
        assert width >= 1200
        assert width / height == pytest.approx(ratio, abs=0.01)


def rich_urls(image) -> list[str]:
    """The absolute URLs of ``image``'s three search pictures (uploads, not the
    chamber's)."""
    thumbnailer = get_thumbnailer(image)
    urls = ["http://testserver" + thumbnailer[alias].url for alias in rich_images.ALIASES]
    assert all(urlsplit(url).path.startswith(settings.MEDIA_URL) for url in urls)
    return urls


def assert_organization(data: dict):
    assert data["@type"] == "Organization"
    assert data["name"]
    assert data["url"].startswith(("http://", "https://"))


def assert_place(location: dict, **address):
    assert location["@type"] == "Place"
    assert location["name"]
    assert location["address"] == {"@type": "PostalAddress", **address}


def assert_offer(offer: dict, url: str, availability: str):
    assert offer["@type"] == "Offer"
    assert re.fullmatch(r"\d+\.\d\d", offer["price"])
    assert re.fullmatch(r"[A-Z]{3}", offer["priceCurrency"])
    assert offer["url"] == url
    assert offer["validFrom"]
    assert offer["availability"] == SCHEMA + availability


VILLEPINTE = {
    "streetAddress": "ZAC Paris Nord 2",
    "postalCode": "93420",
    "addressLocality": "Villepinte",
    "addressCountry": "FR",
}


# Articles ------------------------------------------------------------------------------


@pytest.fixture
def writer():
    return get_user_model().objects.create_user(
        username="writer", first_name="Min-ji", last_name="Kim", email="writer@example.org"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_is_a_news_article_by_the_author_its_byline_names(client, writer, language):
    article = ArticleFactory(with_image=True, author=writer)
    url = object_url(article, language)
    response = client.get(url)
    data = json_ld(response)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == getattr(article, f"title_{language}")
    assert data["description"] == getattr(article, f"lead_{language}")
    assert data["inLanguage"] == language
    assert data["mainEntityOfPage"] == "http://testserver" + url
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] == article.updated_at.isoformat()
    assert_organization(data["publisher"])
    assert data["publisher"]["logo"].startswith("http://testserver/")
    (author,) = data["author"]
    assert author == {"@type": "Person", "name": "Min-ji Kim"}
    byline = Page(response).one("span", class_="byline").text
    assert " ".join(byline.split()) == f"{BY[language]} {author['name']}"
    assert_three_shapes(data["image"])


def test_a_small_upload_is_enlarged_to_1200_pixels_in_each_shape(client):
    article = ArticleFactory(image=image_file("small.png", size=(400, 300)))
    assert_three_shapes(json_ld(client.get(object_url(article, "en")))["image"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_without_a_named_author_is_by_the_chamber(client, language):
    nameless = get_user_model().objects.create_user(username="nameless")
    for article in (ArticleFactory(), ArticleFactory(author=nameless)):
        response = client.get(object_url(article, language))
        data = json_ld(response)
        (author,) = data["author"]
        assert_organization(author)
        assert author["name"] == settings.SITE_NAME
        byline = Page(response).one("span", class_="byline").text
        assert " ".join(byline.split()) == f"{BY[language]} {settings.SITE_NAME}"
        # Without a picture of its own, the chamber's, in the three shapes.
        assert_three_shapes(data["image"])


def test_a_scheduled_article_is_not_modified_before_it_is_published(client):
    article = ArticleFactory(scheduled=True)
    with time_machine.travel(article.published_at + datetime.timedelta(minutes=1)):
        data = json_ld(client.get(object_url(article, "en")))
    assert data["dateModified"] == data["datePublished"] == article.published_at.isoformat()


def test_a_title_cannot_close_the_data_block(client):
    article = ArticleFactory(title_en='Safe </script><script>alert("x")</script> & co')
    content = client.get(object_url(article, "en")).content.decode()
    assert "<script>alert" not in content
    data = json_ld(client.get(object_url(article, "en")))
    assert data["headline"] == article.title_en


# Events ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_has_every_property_of_an_event_rich_result(client, language):
    partner = OrganisationFactory(website="https://partner.example.org/")
    event = EventFactory(image=image_file("evening.png", size=(1600, 1000)))
    event.partners.set([partner])
    url = object_url(event, language)
    data = json_ld(client.get(url))
    assert (data["@type"], data["name"]) == ("Event", getattr(event, f"title_{language}"))
    assert data["description"] == getattr(event, f"summary_{language}")
    assert data["startDate"].endswith("+09:00") and data["endDate"].endswith("+09:00")
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert data["inLanguage"] == language
    assert_place(
        data["location"],
        streetAddress="120 Hangang-daero, Yongsan-gu",
        postalCode="04376",
        addressLocality="Seoul",
        addressCountry="KR",
    )
    assert data["location"]["name"] == getattr(event, f"venue_name_{language}")
    assert_three_shapes(data["image"])
    assert_organization(data["organizer"])
    assert data["performer"] == [
        {
            "@type": "Organization",
            "name": getattr(partner, f"name_{language}"),
            "url": "https://partner.example.org/",
        }
    ]
    for offer in data["offers"]:
        assert_offer(offer, "http://testserver" + url, "InStock")


def test_event_without_picture_or_partner_has_the_chambers(client):
    data = json_ld(client.get(object_url(EventFactory(), "en")))
    assert_three_shapes(data["image"])
    assert data["performer"] == [data["organizer"]]
    assert data["organizer"]["name"] == settings.SITE_NAME


# Fairs and delegations -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_fair_at_villepinte_offers_its_delegations(client, language):
    fair = FairFactory(with_image=True)
    open_one = DelegationFactory(fair=fair, fee=1500, currency="EUR")
    full = DelegationFactory(fair=fair, capacity=1)
    RegistrationFactory(delegation=full, status=Registration.Status.ACCEPTED)
    DelegationFactory(fair=fair, draft=True)
    data = json_ld(client.get(object_url(fair, language)))
    assert (data["@type"], data["name"]) == ("Event", getattr(fair, f"name_{language}"))
    assert data["description"] == getattr(fair, f"description_{language}")
    assert (data["startDate"], data["endDate"]) == (
        fair.starts_on.isoformat(),
        fair.ends_on.isoformat(),
    )
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert_place(data["location"], **VILLEPINTE)
    assert data["location"]["name"] == getattr(fair, f"venue_name_{language}")
    # The fair's own picture, in the three shapes.
    assert data["image"] == rich_urls(fair.image)
    assert_three_shapes(data["image"])
    # The fair's own organiser, with its site; it presents the fair.
    organizer = {"@type": "Organization", "name": "SAFI", "url": fair.website}
    assert data["organizer"] == data["performer"] == organizer
    # The published delegations, each as its card says.
    offers = {offer["url"]: offer for offer in data["offers"]}
    open_url = "http://testserver" + object_url(open_one, language)
    full_url = "http://testserver" + object_url(full, language)
    assert set(offers) == {open_url, full_url}
    assert_offer(offers[open_url], open_url, "InStock")
    assert offers[open_url]["price"] == "1500.00"
    assert offers[open_url]["name"] == getattr(open_one, f"title_{language}")
    assert_offer(offers[full_url], full_url, "SoldOut")


def test_fair_without_delegation_organiser_or_picture_claims_none(client):
    data = json_ld(client.get(object_url(FairFactory(organiser_name=""), "en")))
    assert "offers" not in data
    assert "organizer" not in data
    assert "performer" not in data
    assert [urlsplit(url).path for url in data["image"]] == [
        settings.STATIC_URL + name
        for name in ("img/share-16x9.png", "img/share-4x3.png", "img/share-1x1.png")
    ]
    assert_three_shapes(data["image"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_delegation_is_an_event_led_by_the_chamber_at_the_fairs_place(client, language):
    delegation = DelegationFactory(fair__with_image=True)
    url = object_url(delegation, language)
    data = json_ld(client.get(url))
    assert data["@type"] == "Event"
    assert data["name"] == getattr(delegation, f"title_{language}")
    assert data["description"] == getattr(delegation, f"summary_{language}")
    assert data["startDate"] == delegation.fair.starts_on.isoformat()
    assert data["endDate"] == delegation.fair.ends_on.isoformat()
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert_place(data["location"], **VILLEPINTE)
    # A delegation has no picture of its own: its fair's.
    assert data["image"] == rich_urls(delegation.fair.image)
    assert_three_shapes(data["image"])
    assert_organization(data["organizer"])
    assert data["organizer"]["name"] == settings.SITE_NAME
    assert data["performer"] == data["organizer"]
    assert data["superEvent"]["url"] == "http://testserver" + object_url(delegation.fair, language)
    assert_offer(data["offers"], "http://testserver" + url, "InStock")
    assert data["offers"]["price"] == str(delegation.fee)
    assert data["offers"]["priceCurrency"] == delegation.currency


# The fair's address, written once, everywhere ---------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_fair_address_is_villepinte_on_the_page_in_the_data_and_in_the_calendar(client, language):
    delegation = DelegationFactory()
    fair = delegation.fair
    venue = getattr(fair, f"venue_name_{language}")
    address = f"{venue}, ZAC Paris Nord 2, 93420 Villepinte, {FRANCE[language]}"
    for page in (fair, delegation):
        response = client.get(object_url(page, language))
        facts = Page(response).one("dl", class_="facts").text
        assert address in " ".join(facts.split())
        assert json_ld(response)["location"]["address"]["addressLocality"] == "Villepinte"
    for name, obj in (("fair-calendar", fair), ("delegation-calendar", delegation)):
        with translation.override(language):
            calendar_url = reverse(f"events:{name}", kwargs={"slug": obj.slug})
        at_fair = Calendar.from_ical(client.get(calendar_url).content).walk("VEVENT")[0]
        assert str(at_fair["LOCATION"]) == address


# Descriptions --------------------------------------------------------------------------

# Rich text over 300 characters, in paragraphs: the description is one line of plain
# text, cut at a word's end.
LONG_TEXT = (
    "<p>" + "Design, d\u00e9coration et art de vivre. " * 6 + "</p>\n\n<p>" + "Salon " * 20 + "</p>"
)


def assert_cut_at_a_word(description: str, text: str):
    plain = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    assert "\n" not in description and "<" not in description
    assert len(description) <= 300
    assert description.endswith("\u2026")
    kept = description.removesuffix("\u2026")
    # What is kept is the text's start, up to a whole word.
    assert plain.startswith(kept)
    assert plain[len(kept)] in " ,.;:"


def test_long_descriptions_end_at_a_word(client):
    """A fair's, an event's and an article's (a delegation's summary is short enough)."""
    fair = FairFactory(description_en=LONG_TEXT)
    event = EventFactory(summary_fr="", summary_en="", summary_ko="", description_en=LONG_TEXT)
    article = ArticleFactory(lead_en=LONG_TEXT, seo_description_en="")
    for obj, text in (
        (fair, LONG_TEXT),
        (event, LONG_TEXT),
        (article, LONG_TEXT),
    ):
        assert_cut_at_a_word(json_ld(client.get(object_url(obj, "en")))["description"], text)
