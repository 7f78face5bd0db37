import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from tests.support.factories import DelegationFactory, FairFactory
from tests.support.htmlpage import absolute, object_url, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")


def calendar_url(name, obj, language):
    with translation.override(language):
        return reverse(name, kwargs={"slug": obj.slug})


def fetch(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in response.content  # RFC 5545 lines end with CRLF
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    return calendar


@pytest.fixture
def fair():
    return FairFactory(
        name_fr="Maison & Objet Paris, janvier",
        name_en="Maison & Objet Paris, January",
        starts_on=datetime.date(2099, 1, 15),
        ends_on=datetime.date(2099, 1, 19),
        description_fr="Le salon, avec des virgules, et des points-virgules ; ici.",
        description_en="The fair, with commas, and semicolons; here.",
    )


class TestFairCalendar:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_fair_is_an_all_day_event_in_the_active_language(self, client, fair, language):
        response = client.get(calendar_url("events:fair-calendar", fair, language))
        assert "attachment" in response["Content-Disposition"]
        filename = quote(f"{getattr(fair, f'slug_{language}')}.ics")
        assert filename in response["Content-Disposition"]
        calendar = fetch(client, calendar_url("events:fair-calendar", fair, language))
        (event,) = calendar.walk("VEVENT")
        assert event.decoded("DTSTART") == datetime.date(2099, 1, 15)
        assert event.decoded("DTEND") == datetime.date(2099, 1, 20)  # the day after, exclusive
        assert (
            event["DTSTART"].params.get("VALUE") == "DATE"
            or "VALUE=DATE" in event.to_ical().decode()
        )
        assert str(event["SUMMARY"]) == getattr(fair, f"name_{language}")
        assert str(event["DESCRIPTION"]).startswith(getattr(fair, f"description_{language}"))
        assert str(event["LOCATION"]) == ", ".join(
            [getattr(fair, f"{part}_{language}") for part in ("venue", "city", "country")]
        )
        assert str(event["URL"]) == absolute(object_url(fair, language))
        assert str(event["UID"]) == f"fair-{fair.pk}@testserver"
        assert event.decoded("DTSTAMP").tzinfo is not None

    def test_uid_is_stable_across_languages_and_the_feed(self, client, fair):
        uids = {
            str(
                fetch(client, calendar_url("events:fair-calendar", fair, code)).walk("VEVENT")[0][
                    "UID"
                ]
            )
            for code in LANGUAGES
        }
        feed = fetch(client, url_in("en", "events:calendar-feed"))
        uids |= {str(event["UID"]) for event in feed.walk("VEVENT")}
        assert uids == {f"fair-{fair.pk}@testserver"}

    def test_draft_fair_has_no_calendar(self, client):
        fair = FairFactory(draft=True)
        assert client.get(calendar_url("events:fair-calendar", fair, "en")).status_code == 404


class TestDelegationCalendar:
    def test_days_at_the_fair_and_registration_window_with_time_zone(self, client, fair):
        opens = datetime.datetime(2098, 10, 1, 9, 0, tzinfo=SEOUL)
        closes = datetime.datetime(2098, 12, 15, 18, 0, tzinfo=SEOUL)
        delegation = DelegationFactory(
            fair=fair, registration_opens_at=opens, registration_closes_at=closes
        )
        calendar = fetch(client, calendar_url("events:delegation-calendar", delegation, "en"))
        at_fair, window = calendar.walk("VEVENT")
        assert at_fair.decoded("DTSTART") == fair.starts_on
        assert str(at_fair["SUMMARY"]) == f"{delegation.title_en} — {fair.name_en}"
        assert window.decoded("DTSTART") == opens
        assert window.decoded("DTEND") == closes
        assert window["DTSTART"].params["TZID"] == "Asia/Seoul"
        assert window["DTEND"].params["TZID"] == "Asia/Seoul"
        assert delegation.title_en in str(window["SUMMARY"])
        (vtimezone,) = calendar.walk("VTIMEZONE")
        assert str(vtimezone["TZID"]) == "Asia/Seoul"
        assert calendar.get_missing_tzids() == set()
        assert str(window["URL"]) == absolute(object_url(delegation, "en"))
        assert len({str(at_fair["UID"]), str(window["UID"])}) == 2

    def test_draft_delegation_has_no_calendar(self, client):
        delegation = DelegationFactory(draft=True)
        url = calendar_url("events:delegation-calendar", delegation, "en")
        assert client.get(url).status_code == 404


class TestFeed:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_feed_lists_upcoming_published_fairs(self, client, fair, language):
        in_progress = FairFactory(
            starts_on=timezone.localdate() - datetime.timedelta(days=1),
            ends_on=timezone.localdate() + datetime.timedelta(days=1),
        )
        FairFactory(past=True)
        FairFactory(draft=True)
        response = client.get(url_in(language, "events:calendar-feed"))
        assert "Content-Disposition" not in response  # subscribed to, not downloaded
        calendar = fetch(client, url_in(language, "events:calendar-feed"))
        summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
        assert summaries == [
            getattr(in_progress, f"name_{language}"),
            getattr(fair, f"name_{language}"),
        ]
        assert calendar["X-WR-CALNAME"]

    def test_empty_feed_is_still_a_valid_calendar(self, client):
        calendar = fetch(client, url_in("en", "events:calendar-feed"))
        assert calendar.walk("VEVENT") == []
