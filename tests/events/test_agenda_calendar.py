"""An event's .ics file and the agenda's calendar feed, per language."""

import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from tests.events.factories import EventFactory
from tests.support.factories import DelegationFactory, FairFactory
from tests.support.htmlpage import absolute, object_url, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def event_calendar_url(event, language):
    with translation.override(language):
        return reverse("events:event-calendar", kwargs={"slug": event.slug})


def read(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@pytest.fixture
def evening():
    return EventFactory(
        title_fr="Soirée à Paris",
        title_en="Evening in Paris",
        title_ko="파리의 저녁",
        summary_en="Members meet in Paris.",
        description_en="<p>Drinks and <strong>talks</strong>.</p>",
        time_zone="Europe/Paris",
        starts_at=datetime.datetime(2027, 3, 10, 19, 0, tzinfo=PARIS),
        ends_at=datetime.datetime(2027, 3, 10, 22, 30, tzinfo=PARIS),
        venue_name_en="Maison de la Corée",
        street_address="12 rue de Lille",
        postal_code="75007",
        locality="Paris",
        country="FR",
    )


class TestEventFile:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_times_in_the_event_zone_with_its_vtimezone(self, client, evening, language):
        response = client.get(event_calendar_url(evening, language))
        disposition = response["Content-Disposition"]
        assert "attachment" in disposition
        assert quote(f"{getattr(evening, f'slug_{language}')}.ics") in disposition
        calendar = read(response)
        (event,) = calendar.walk("VEVENT")
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
        assert event["DTEND"].params["TZID"] == "Europe/Paris"
        assert "DTSTART;TZID=Europe/Paris:20270310T190000" in response.content.decode()
        assert event.decoded("DTEND") == datetime.datetime(2027, 3, 10, 22, 30, tzinfo=PARIS)
        (vtimezone,) = calendar.walk("VTIMEZONE")
        assert str(vtimezone["TZID"]) == "Europe/Paris"
        assert calendar.get_missing_tzids() == set()
        assert str(event["SUMMARY"]) == getattr(evening, f"title_{language}")
        assert str(event["URL"]) == absolute(object_url(evening, language))
        assert str(event["UID"]) == f"event-{evening.pk}@testserver"

    def test_location_is_the_structured_address_and_text_has_no_markup(self, client, evening):
        (event,) = read(client.get(event_calendar_url(evening, "en"))).walk("VEVENT")
        assert str(event["LOCATION"]) == "Maison de la Corée, 12 rue de Lille, 75007 Paris, France"
        description = str(event["DESCRIPTION"])
        assert description.startswith("Members meet in Paris.")
        assert "Drinks and talks." in description and "<" not in description
        assert description.endswith(absolute(object_url(evening, "en")))

    def test_an_online_event_says_online_and_never_gives_its_link(self, client):
        webinar = EventFactory(online=True)
        response = client.get(event_calendar_url(webinar, "en"))
        (event,) = read(response).walk("VEVENT")
        assert str(event["LOCATION"]) == "Online"
        assert b"meet.example.com" not in response.content

    def test_a_draft_or_untranslated_event_has_no_file(self, client):
        assert client.get(event_calendar_url(EventFactory(draft=True), "en")).status_code == 404
        english_only = EventFactory(title_ko="", slug_ko="")
        with translation.override("ko"):
            url = reverse("events:event-calendar", kwargs={"slug": english_only.slug_en})
        assert client.get(url).status_code == 404


class TestAgendaFeed:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_upcoming_events_and_delegations_ready_in_the_language(self, client, language):
        event = EventFactory()
        english_event = EventFactory(title_fr="", slug_fr="", title_ko="", slug_ko="")
        fair = FairFactory(starts_on=datetime.date(2027, 1, 20), ends_on=datetime.date(2027, 1, 24))
        delegation = DelegationFactory(fair=fair)
        EventFactory(past=True)
        EventFactory(draft=True)
        DelegationFactory(fair=FairFactory(past=True))
        response = client.get(url_in(language, "events:agenda-feed"))
        assert "Content-Disposition" not in response  # subscribed to, not downloaded
        calendar = read(response)
        assert calendar["X-WR-CALNAME"]
        events = {str(item["UID"]): item for item in calendar.walk("VEVENT")}
        expected = {f"event-{event.pk}@testserver", f"delegation-{delegation.pk}@testserver"}
        if language == "en":
            expected.add(f"event-{english_event.pk}@testserver")
        assert set(events) == expected
        at_fair = events[f"delegation-{delegation.pk}@testserver"]
        # A delegation is there at its fair's dates, all day.
        assert at_fair.decoded("DTSTART") == datetime.date(2027, 1, 20)
        assert at_fair.decoded("DTEND") == datetime.date(2027, 1, 25)
        summary = str(events[f"event-{event.pk}@testserver"]["SUMMARY"])
        assert summary == getattr(event, f"title_{language}")

    def test_french_feed_speaks_french(self, client):
        EventFactory(online=True)
        calendar = read(client.get(url_in("fr", "events:agenda-feed")))
        (event,) = calendar.walk("VEVENT")
        assert str(event["LOCATION"]) == "En ligne"
        assert str(event["CATEGORIES"].cats[0]) == "Webinaire"

    def test_empty_feed_is_still_a_valid_calendar(self, client):
        assert read(client.get(url_in("en", "events:agenda-feed"))).walk("VEVENT") == []
