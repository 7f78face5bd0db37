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
FRANCE = {"fr": "France", "en": "France", "ko": "프랑스"}


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
        # The venue's structured address, the country named in the file's language.
        venue = getattr(fair, f"venue_name_{language}")
        country = FRANCE[language]
        assert str(event["LOCATION"]) == f"{venue}, ZAC Paris Nord 2, 93420 Villepinte, {country}"
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
    def test_days_at_the_fair_and_the_last_day_to_register(self, client, fair):
        opens = datetime.datetime(2098, 10, 1, 9, 0, tzinfo=SEOUL)
        closes = datetime.datetime(2098, 12, 15, 18, 0, tzinfo=SEOUL)
        delegation = DelegationFactory(
            fair=fair, registration_opens_at=opens, registration_closes_at=closes
        )
        response = client.get(calendar_url("events:delegation-calendar", delegation, "en"))
        assert f'filename="{delegation.slug_en}.ics"' in response["Content-Disposition"]
        calendar = fetch(client, calendar_url("events:delegation-calendar", delegation, "en"))
        at_fair, deadline = calendar.walk("VEVENT")
        # The fair's days, all day (DTEND is the day after the last one), not weeks of
        # registration.
        assert at_fair.decoded("DTSTART") == fair.starts_on
        assert at_fair.decoded("DTEND") == fair.ends_on + datetime.timedelta(days=1)
        assert "VALUE=DATE" in at_fair.to_ical().decode()
        assert str(at_fair["SUMMARY"]) == f"{delegation.title_en} — {fair.name_en}"
        assert str(at_fair["URL"]) == absolute(object_url(delegation, "en"))
        # The last day to register: one day, the closing time in words.
        assert deadline.decoded("DTSTART") == datetime.date(2098, 12, 15)
        assert deadline.decoded("DTEND") == datetime.date(2098, 12, 16)
        assert str(deadline["SUMMARY"]) == f"Registration closes: {delegation.title_en}"
        assert "at 18:00" in str(deadline["DESCRIPTION"])
        assert "Asia/Seoul" in str(deadline["DESCRIPTION"])
        # It takes the place of the weeks-long window earlier files described.
        assert str(deadline["UID"]) == f"delegation-registration-{delegation.pk}@testserver"
        assert len({str(at_fair["UID"]), str(deadline["UID"])}) == 2

    def test_closing_at_midnight_makes_the_day_before_the_last_one(self, client, fair):
        delegation = DelegationFactory(
            fair=fair, registration_closes_at=datetime.datetime(2098, 12, 15, 0, 0, tzinfo=SEOUL)
        )
        calendar = fetch(client, calendar_url("events:delegation-calendar", delegation, "en"))
        _at_fair, deadline = calendar.walk("VEVENT")
        assert deadline.decoded("DTSTART") == datetime.date(2098, 12, 14)

    def test_once_registration_is_closed_only_the_fair_days_remain(self, client, fair):
        delegation = DelegationFactory(fair=fair, closed=True)
        calendar = fetch(client, calendar_url("events:delegation-calendar", delegation, "en"))
        (at_fair,) = calendar.walk("VEVENT")
        assert at_fair.decoded("DTSTART") == fair.starts_on

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
