"""schema.org Event of delegations and events: its offers say what the page says."""

import json
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from easy_thumbnails.files import get_thumbnailer

from chamber.models import Organisation
from events.models import Registration
from tests.events.factories import EventFactory
from tests.support.factories import (
    DelegationFactory,
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


def test_image_is_the_absolute_url_of_a_1200_by_630_thumbnail():
    event = EventFactory(image=image_file("evening.png", size=(1600, 1000)))
    (url,) = event_ld(event)["image"]
    assert url.startswith("http://testserver/")
    hero = get_thumbnailer(event.image)["hero"]
    assert url.endswith(hero.url)
    assert (hero.width, hero.height) == (1200, 630)


def test_event_without_image_has_none():
    assert "image" not in event_ld(EventFactory())
