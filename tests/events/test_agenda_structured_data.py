"""schema.org Event of delegations and events: its offers say what the page says."""

import datetime
import json
import re

import pytest
import time_machine
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from easy_thumbnails.files import get_thumbnailer

from chamber.models import Organisation
from events.models import Registration
from tests.events.factories import EventFactory
from tests.support.factories import (
    DelegationFactory,
    FairFactory,
    OrganisationFactory,
    RegistrationFactory,
    image_file,
)
from tests.support.htmlpage import Page, object_url, url_in

pytestmark = pytest.mark.django_db
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
ACCEPTED = Registration.Status.ACCEPTED

# What the page says in each state, and the availability that must go with it.
STATES = {
    "open": ("places left", "https://schema.org/InStock"),
    "full": ("Full: wait list open", "https://schema.org/SoldOut"),
    "not_open": ("Registration opens on", "https://schema.org/PreOrder"),
    "closed": ("Registration closed", "https://schema.org/SoldOut"),
}


def json_ld(html: str) -> dict:
    """The description of the event (beside a page's breadcrumb trail)."""
    blocks = [json.loads(block) for block in BLOCK.findall(html)]
    (data,) = [block for block in blocks if block["@type"] != "BreadcrumbList"]
    return data


def in_state(factory, state, **values):
    traits = {"not_open": {"not_open": True}, "closed": {"closed": True}}.get(state, {})
    occasion = factory(capacity=2, **traits, **values)
    if state == "full":
        field = "delegation" if factory is DelegationFactory else "event"
        other = "event" if field == "delegation" else "delegation"
        RegistrationFactory(**{field: occasion, other: None}, seats=2, status=ACCEPTED)
    return occasion


def event_ld(event, language="en") -> dict:
    request = RequestFactory().get("/")
    with translation.override(language):
        html = Template("{% load events_tags %}{% event_json_ld event %}").render(
            Context({"event": event, "request": request})
        )
    return json_ld(html)


def agenda_card_text(client, event) -> str:
    page = Page(client.get(url_in("en", "events:agenda")))
    (card,) = [card for card in page.find_all("article") if event.title_en in card.text]
    return " ".join(card.one("p", class_="agenda-availability").text.split())


@pytest.mark.parametrize("state", STATES)
def test_delegation_availability_matches_its_page(client, state):
    delegation = in_state(DelegationFactory, state)
    response = client.get(object_url(delegation, "en"))
    text, availability = STATES[state]
    assert text in Page(response).one("dl", class_="facts").text
    offer = json_ld(response.content.decode())["offers"]
    assert offer["availability"] == availability
    assert offer["validFrom"] == delegation.registration_opens_at.isoformat()
    assert offer["validThrough"] == delegation.registration_closes_at.isoformat()


@pytest.mark.parametrize("state", STATES)
def test_event_availability_matches_its_agenda_card(client, state):
    # A closed event that has not taken place yet is still in the agenda.
    event = in_state(EventFactory, state)
    text, availability = STATES[state]
    assert text in agenda_card_text(client, event)
    offers = event_ld(event)["offers"]
    assert {offer["availability"] for offer in offers} == {availability}


def test_event_offers_members_and_non_members(client):
    event = EventFactory(price_members=30000, price_non_members=50000, currency="KRW")
    members, others = event_ld(event)["offers"]
    assert (members["name"], members["price"], members["priceCurrency"]) == (
        "Members",
        "30000.00",
        "KRW",
    )
    assert (others["name"], others["price"]) == ("Non-members", "50000.00")
    url = "http://testserver" + object_url(event, "en")
    assert members["url"] == others["url"] == url
    assert members["validFrom"] == event.registration_opens_at.isoformat()


def test_members_only_event_has_one_offer_named_in_the_page_language():
    event = EventFactory(price_non_members=None, price_members=0)
    (offer,) = event_ld(event, "fr")["offers"]
    assert (offer["name"], offer["price"]) == ("Membres", "0.00")


def test_event_at_a_venue_has_its_full_address():
    data = event_ld(EventFactory(venue_name_en="River Hotel"))
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {
        "@type": "Place",
        "name": "River Hotel",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "120 Hangang-daero, Yongsan-gu",
            "postalCode": "04376",
            "addressLocality": "Seoul",
            "addressCountry": "KR",
        },
    }
    # Times with the offset of the event's own zone.
    assert data["startDate"].endswith("+09:00")


def test_online_event_is_a_virtual_location_without_its_private_link():
    event = EventFactory(online=True)
    data = event_ld(event)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "http://testserver" + object_url(event, "en"),
    }
    assert "meet.example.com" not in json.dumps(data)


def test_hybrid_event_has_both_locations():
    data = event_ld(EventFactory(online_url="https://meet.example.com/room"))
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]


def test_organizer_is_the_chamber_or_the_organiser_with_its_url():
    assert event_ld(EventFactory())["organizer"]["name"] == "FKCCI"
    organiser = OrganisationFactory(name_en="Busan Techno Park", website="https://btp.example.org/")
    data = event_ld(EventFactory(organiser=organiser))
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Busan Techno Park",
        "url": "https://btp.example.org/",
    }
    without_site = OrganisationFactory(website="", membership=Organisation.Membership.MEMBER)
    data = event_ld(EventFactory(organiser=without_site))
    assert data["organizer"]["url"] == "http://testserver" + object_url(without_site, "en")


def test_images_are_the_absolute_urls_of_its_three_thumbnails():
    event = EventFactory(image=image_file("evening.png", size=(1600, 1000)))
    urls = event_ld(event)["image"]
    thumbnailer = get_thumbnailer(event.image)
    sizes = [(1200, 675), (1200, 900), (1200, 1200)]
    for url, alias, size in zip(urls, ("rich_16x9", "rich_4x3", "rich_1x1"), sizes, strict=True):
        thumbnail = thumbnailer[alias]
        assert url == "http://testserver" + thumbnail.url
        assert (thumbnail.width, thumbnail.height) == size


def test_event_without_image_has_the_chambers_share_picture():
    urls = event_ld(EventFactory())["image"]
    assert [url.rsplit("/", 1)[-1] for url in urls] == [
        "share-16x9.png",
        "share-4x3.png",
        "share-1x1.png",
    ]


# One delegation and one event, followed through time: the page and the data change
# together, as registration opens, fills and closes.
OPENS = datetime.datetime(2031, 3, 2, 9, tzinfo=datetime.UTC)
CLOSES = datetime.datetime(2031, 4, 2, 9, tzinfo=datetime.UTC)
MOMENTS = {
    "not_open": OPENS - datetime.timedelta(days=1),
    "open": OPENS + datetime.timedelta(days=1),
    "closed": CLOSES + datetime.timedelta(minutes=1),
}


def page_and_offers(client, occasion) -> tuple[str, list[dict]]:
    response = client.get(object_url(occasion, "en"))
    facts = " ".join(Page(response).one("dl", class_="facts").text.split())
    offers = json_ld(response.content.decode())["offers"]
    return facts, offers if isinstance(offers, list) else [offers]


@pytest.mark.parametrize("factory", [DelegationFactory, EventFactory], ids=["delegation", "event"])
def test_availability_follows_the_page_through_time(client, factory):
    with time_machine.travel(OPENS - datetime.timedelta(days=30), tick=False):
        values = {"registration_opens_at": OPENS, "registration_closes_at": CLOSES}
        if factory is EventFactory:
            values |= {
                "starts_at": CLOSES + datetime.timedelta(days=5),
                "ends_at": CLOSES + datetime.timedelta(days=5, hours=3),
            }
        else:
            values["fair"] = FairFactory(starts_on=datetime.date(2031, 5, 1))
        occasion = factory(capacity=2, **values)
    field = "delegation" if factory is DelegationFactory else "event"
    other = "event" if field == "delegation" else "delegation"
    for state in ("not_open", "open", "full", "closed"):
        moment = MOMENTS.get(state, MOMENTS["open"])
        with time_machine.travel(moment, tick=False):
            if state == "full":
                RegistrationFactory(**{field: occasion, other: None}, seats=2, status=ACCEPTED)
            facts, offers = page_and_offers(client, occasion)
        text, availability = STATES[state]
        assert text in facts, state
        assert {offer["availability"] for offer in offers} == {availability}, state
        assert {offer["validFrom"] for offer in offers} == {OPENS.isoformat()}
