"""The agenda: events and delegations in one list, its filters, its past, its month grid."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event, Registration
from tests.events.factories import EventFactory
from tests.support.factories import DelegationFactory, FairFactory, RegistrationFactory
from tests.support.htmlpage import Page, absolute, assert_language_head, object_url, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")
# The tests' clock stands on Thursday 26 November 2026, 10:30 in Seoul.
TODAY = datetime.date(2026, 11, 26)


def seoul(day: datetime.date, hour: int = 19) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), SEOUL)


def on(day: datetime.date, **values) -> Event:
    """A published event on ``day`` (19:00 to 22:00 in Seoul)."""
    return EventFactory(starts_at=seoul(day), ends_at=seoul(day, 22), **values)


def delegation_on(day: datetime.date, **values):
    fair = FairFactory(starts_on=day, ends_on=day + datetime.timedelta(days=4))
    return DelegationFactory(fair=fair, **values)


def titles(response) -> list[str]:
    return [entry.occasion.title for entry in response.context["entries"]]


def agenda(client, language="en", name="events:agenda", **params):
    cache.clear()  # the page cache would answer a second request of the same URL
    response = client.get(url_in(language, name), params)
    assert response.status_code == 200
    return response


class TestList:
    def test_events_and_delegations_upcoming_soonest_first(self, client):
        later = on(TODAY + datetime.timedelta(days=40), title_en="Later evening")
        sooner = on(TODAY + datetime.timedelta(days=5), title_en="Sooner evening")
        delegation = delegation_on(TODAY + datetime.timedelta(days=20), title_en="Delegation")
        on(TODAY - datetime.timedelta(days=5), title_en="Past evening")
        EventFactory(draft=True, title_en="Draft evening")
        DelegationFactory(draft=True, title_en="Draft delegation")
        response = agenda(client)
        assert titles(response) == ["Sooner evening", "Delegation", "Later evening"]
        content = response.content.decode()
        assert object_url(delegation, "en") in content and "Trade-fair delegation" in content
        assert object_url(sooner, "en") in content and object_url(later, "en") in content
        assert "Draft" not in content

    def test_an_event_in_progress_is_still_upcoming(self, client, frozen_clock):
        EventFactory(
            title_en="Going on",
            starts_at=seoul(TODAY, 9),
            ends_at=seoul(TODAY, 18),
        )
        assert titles(agenda(client)) == ["Going on"]
        assert titles(agenda(client, name="events:agenda-past")) == []

    def test_past_page_most_recent_first(self, client):
        on(TODAY - datetime.timedelta(days=60), title_en="Long ago")
        on(TODAY - datetime.timedelta(days=3), title_en="Recently")
        delegation_on(TODAY - datetime.timedelta(days=30), title_en="Last month's delegation")
        on(TODAY + datetime.timedelta(days=3), title_en="Soon")
        response = agenda(client, name="events:agenda-past")
        assert titles(response) == ["Recently", "Last month's delegation", "Long ago"]
        assert Page(response).h1.text.strip() == "Past events"

    def test_on_one_day_the_delegation_comes_first_then_events_by_time(self, client):
        day = TODAY + datetime.timedelta(days=10)
        EventFactory(title_en="Evening", starts_at=seoul(day, 19), ends_at=seoul(day, 21))
        EventFactory(title_en="Morning", starts_at=seoul(day, 9), ends_at=seoul(day, 11))
        delegation_on(day, title_en="Delegation")
        assert titles(agenda(client)) == ["Delegation", "Morning", "Evening"]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_an_item_is_listed_in_the_languages_it_is_ready_in(self, client, language):
        everywhere = EventFactory()
        english = EventFactory(title_fr="", slug_fr="", title_ko="", slug_ko="")
        delegation = DelegationFactory(title_fr="", slug_fr="")
        shown = [entry.occasion for entry in agenda(client, language).context["entries"]]
        assert everywhere in shown
        assert (english in shown) == (language == "en")
        assert (delegation in shown) == (language != "fr")

    def test_korean_page_shows_only_what_is_ready_in_korean(self, client):
        EventFactory(title_ko="한국어 행사")
        EventFactory(title_ko="", slug_ko="", title_en="Not in Korean")
        DelegationFactory(title_ko="", slug_ko="", title_en="Delegation not in Korean")
        assert titles(agenda(client, "ko")) == ["한국어 행사"]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_language_head(self, client, language):
        EventFactory()
        page = Page(agenda(client, language))
        assert page.lang == language
        urls = {code: absolute(url_in(code, "events:agenda")) for code in LANGUAGES}
        assert_language_head(page, language, urls)

    def test_card_shows_time_in_the_event_zone_place_audience_price_and_places(self, client):
        paris = ZoneInfo("Europe/Paris")
        event = EventFactory(
            title_en="Evening in Paris",
            time_zone="Europe/Paris",
            starts_at=datetime.datetime(2026, 12, 10, 18, 30, tzinfo=paris),
            ends_at=datetime.datetime(2026, 12, 10, 21, 0, tzinfo=paris),
            locality="Paris",
            capacity=5,
            audience=Event.Audience.PUBLIC,
        )
        RegistrationFactory(delegation=None, event=event, seats=2)
        EventFactory(online=True, title_en="Webinar", price_members=0, price_non_members=0)
        EventFactory(
            title_en="Members' meeting",
            audience=Event.Audience.MEMBERS,
            price_non_members=None,
            price_members=0,
        )
        page = Page(agenda(client))
        cards = {card.one("h3").text.strip(): card for card in page.find_all("article")}
        paris_card = cards["Evening in Paris"].text
        assert "10 December 2026, 18:30 to 21:00 (CET)" in paris_card
        times = [time.get("datetime") for time in cards["Evening in Paris"].find_all("time")]
        assert times == ["2026-12-10T18:30:00+01:00", "2026-12-10T21:00:00+01:00"]
        assert "Paris" in paris_card and "Open to all" in paris_card
        assert "Members: ₩30,000 · Non-members: ₩50,000" in " ".join(paris_card.split())
        assert "3 places left" in paris_card
        webinar = " ".join(cards["Webinar"].text.split())
        assert "Online" in webinar and "Members: Free · Non-members: Free" in webinar
        assert "meet.example.com" not in page.response.content.decode()  # for registrants only
        members = " ".join(cards["Members' meeting"].text.split())
        assert "Members only: Free" in members

    def test_full_event_says_wait_list(self, client):
        event = EventFactory(capacity=2)
        RegistrationFactory(
            delegation=None, event=event, seats=2, status=Registration.Status.ACCEPTED
        )
        assert "Full: wait list open" in agenda(client).content.decode()

    def test_paginated_twelve_a_page_with_filters_kept(self, client):
        for days in range(1, 15):
            on(TODAY + datetime.timedelta(days=days), kind=Event.Kind.SEMINAR)
        first = agenda(client, kind="seminar")
        assert len(first.context["entries"]) == 12
        next_link = Page(first).one("a", rel="next").get("href")
        assert "kind=seminar" in next_link and "page=2" in next_link
        second = agenda(client, kind="seminar", page=2)
        assert len(second.context["entries"]) == 2
        cache.clear()
        assert client.get(url_in("en", "events:agenda"), {"page": 9}).status_code == 404

    def test_query_count_does_not_grow_with_rows(self, client, django_assert_max_num_queries):
        def add(count):
            for index in range(count):
                event = on(TODAY + datetime.timedelta(days=index + 1))
                RegistrationFactory(delegation=None, event=event)
                RegistrationFactory(
                    delegation=delegation_on(TODAY + datetime.timedelta(days=index + 2))
                )

        add(1)
        cache.clear()
        with CaptureQueriesContext(connection) as few:
            client.get(url_in("en", "events:agenda"))
        add(10)
        for name in ("events:agenda", "events:agenda-past"):
            cache.clear()
            with django_assert_max_num_queries(len(few.captured_queries)):
                response = client.get(url_in("en", name))
            assert response.status_code == 200
        cache.clear()
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(url_in("en", "events:agenda-month", year=2026, month=12))
        assert len(response.context["entries"]) > 10
        assert len(few.captured_queries) <= 5 + 2  # the page tree and the menus


class TestFilters:
    def test_by_kind(self, client):
        on(TODAY + datetime.timedelta(days=3), kind=Event.Kind.WEBINAR, title_en="Webinar")
        on(TODAY + datetime.timedelta(days=4), kind=Event.Kind.GALA, title_en="Gala")
        delegation_on(TODAY + datetime.timedelta(days=5), title_en="Delegation")
        assert titles(agenda(client, kind="webinar")) == ["Webinar"]
        assert titles(agenda(client, kind="delegation")) == ["Delegation"]
        assert titles(agenda(client, kind="seminar")) == []

    def test_by_month(self, client):
        on(datetime.date(2026, 12, 3), title_en="December")
        on(datetime.date(2027, 1, 14), title_en="January")
        # A fair from the 29th of December to the 2nd of January is in both months.
        delegation_on(datetime.date(2026, 12, 29), title_en="Across the new year")
        assert titles(agenda(client, month="2026-12")) == ["December", "Across the new year"]
        assert titles(agenda(client, month="2027-01")) == ["Across the new year", "January"]

    def test_kind_and_month_together(self, client):
        on(datetime.date(2026, 12, 3), kind=Event.Kind.GALA, title_en="Gala")
        on(datetime.date(2026, 12, 4), title_en="Networking")
        on(datetime.date(2027, 1, 4), kind=Event.Kind.GALA, title_en="Later gala")
        assert titles(agenda(client, kind="gala", month="2026-12")) == ["Gala"]

    def test_links_work_without_javascript_mark_the_choice_and_are_not_followed(self, client):
        on(TODAY + datetime.timedelta(days=3), kind=Event.Kind.WEBINAR)
        page = Page(agenda(client, kind="webinar"))
        kinds = page.one("nav", aria_label="Kinds of events")
        current = kinds.one("a", aria_current="true")
        assert current.text.strip() == "Webinar"
        assert current.get("href") == url_in("en", "events:agenda") + "?kind=webinar"
        gala = next(a for a in kinds.find_all("a") if a.text.strip() == "Gala")
        assert gala.get("rel") == "nofollow"
        months = page.one("nav", aria_label="Months")
        december = next(a for a in months.find_all("a") if a.text.strip() == "December 2026")
        # A month link keeps the kind chosen.
        assert december.get("href").endswith("?kind=webinar&month=2026-12")
        assert page.meta("robots") == "noindex, follow"
        # The canonical page is the list without its filters.
        assert page.canonical == absolute(url_in("en", "events:agenda"))

    def test_unfiltered_list_is_indexed(self, client):
        assert Page(agenda(client)).meta("robots") is None

    @pytest.mark.parametrize(
        "params",
        [{"kind": "party"}, {"month": "2026-13"}, {"month": "december"}, {"month": "1999-01"}],
    )
    def test_unknown_filters_are_not_found(self, client, params):
        assert client.get(url_in("en", "events:agenda"), params).status_code == 404

    def test_filtered_pages_are_cached_each_under_its_own_address(self, client, settings):
        settings.PAGE_CACHE_SECONDS = 60
        on(TODAY + datetime.timedelta(days=3), kind=Event.Kind.WEBINAR, title_en="Tax webinar")
        on(TODAY + datetime.timedelta(days=4), kind=Event.Kind.GALA, title_en="Spring gala")
        cache.clear()
        url = url_in("en", "events:agenda")
        webinars = client.get(url, {"kind": "webinar"})
        assert "public" in webinars["Cache-Control"]
        assert "Tax webinar" in webinars.content.decode()
        galas = client.get(url, {"kind": "gala"})
        assert "Spring gala" in galas.content.decode()
        assert "Tax webinar" not in galas.content.decode()
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url, {"kind": "webinar"})
        assert again.content == webinars.content
        assert len(queries.captured_queries) == 0  # from the cache


class TestMonth:
    def test_grid_of_the_month_with_its_days_and_items(self, client):
        on(datetime.date(2026, 12, 3), title_en="Evening")
        delegation_on(datetime.date(2026, 12, 29), title_en="Delegation")
        cache.clear()
        response = client.get(url_in("en", "events:agenda-month", year=2026, month=12))
        assert response.status_code == 200
        page = Page(response)
        table = page.one("table")
        assert table.one("caption").text.strip() == "December 2026"
        headers = table.find_all("th")
        assert len(headers) == 7 and all(th.get("scope") == "col" for th in headers)
        assert headers[0].one("abbr").get("title") == "Monday"  # British weeks start on Monday
        cells = {
            cell.one("time").get("datetime"): cell
            for cell in table.find_all("td")
            if cell.find("time") is not None
        }
        assert len(cells) == 31
        assert "Evening" in cells["2026-12-03"].text
        for day in (29, 30, 31):
            assert "Delegation" in cells[f"2026-12-{day}"].text
        assert "Evening" not in cells["2026-12-04"].text
        # Each day says its full date to screen readers, and links to its items.
        assert "Thursday 3 December 2026" in cells["2026-12-03"].text
        assert cells["2026-12-03"].one("a").get("href").startswith("/en/events/agenda/")

    def test_french_weeks_start_on_monday(self, client):
        response = client.get(url_in("fr", "events:agenda-month", year=2026, month=12))
        assert Page(response).one("table").find_all("th")[0].one("abbr").get("title") == "lundi"

    def test_today_is_marked(self, client):
        response = client.get(url_in("en", "events:agenda-month", year=2026, month=11))
        (today,) = Page(response).find_all("td", aria_current="date")
        assert today.one("time").get("datetime") == "2026-11-26"

    def test_previous_and_next_months(self, client):
        page = Page(client.get(url_in("en", "events:agenda-month", year=2027, month=1)))
        previous = page.one("a", rel="prev nofollow")
        following = page.one("a", rel="next nofollow")
        assert previous.get("href") == url_in("en", "events:agenda-month", year=2026, month=12)
        assert following.get("href") == url_in("en", "events:agenda-month", year=2027, month=2)
        assert "December 2026" in previous.text
        assert page.meta("robots") == "noindex, follow"

    def test_months_out_of_range_are_not_found(self, client):
        assert (
            client.get(url_in("en", "events:agenda-month", year=2026, month=13)).status_code == 404
        )
        assert (
            client.get(url_in("en", "events:agenda-month", year=2099, month=1)).status_code == 404
        )

    def test_an_event_is_on_its_own_day_in_its_own_time_zone(self, client):
        paris = ZoneInfo("Europe/Paris")
        # 20:00 in Paris on the 10th is the 11th in Seoul: the grid says the 10th.
        EventFactory(
            title_en="Paris evening",
            time_zone="Europe/Paris",
            starts_at=datetime.datetime(2026, 12, 10, 20, tzinfo=paris),
            ends_at=datetime.datetime(2026, 12, 10, 23, tzinfo=paris),
        )
        table = Page(client.get(url_in("en", "events:agenda-month", year=2026, month=12))).one(
            "table"
        )
        cells = {
            cell.one("time").get("datetime"): cell
            for cell in table.find_all("td")
            if cell.find("time")
        }
        assert "Paris evening" in cells["2026-12-10"].text
        assert "Paris evening" not in cells["2026-12-11"].text

    def test_filtered_by_kind(self, client):
        on(datetime.date(2026, 12, 3), title_en="Evening")
        delegation_on(datetime.date(2026, 12, 20), title_en="Delegation")
        url = url_in("en", "events:agenda-month", year=2026, month=12)
        response = client.get(url, {"kind": "delegation"})
        assert [entry.occasion.title for entry in response.context["entries"]] == ["Delegation"]
        page = Page(response)
        assert page.one("a", rel="next nofollow").get("href").endswith("?kind=delegation")


class TestNavigation:
    def test_the_agenda_is_in_the_main_navigation(self, client):
        page = Page(client.get(url_in("en", "site:home")))
        nav = page.one("nav", class_="main-nav")
        links = {a.text.strip(): a.get("href") for a in nav.find_all("a")}
        assert links["Agenda"] == url_in("en", "events:agenda")

    def test_marked_current_on_the_agenda_only(self, client):
        nav = Page(agenda(client)).one("nav", class_="main-nav")
        assert nav.one("a", aria_current="page").text.strip() == "Agenda"
        nav = Page(client.get(url_in("en", "events:fair-list"))).one("nav", class_="main-nav")
        assert nav.one("a", aria_current="page").text.strip() == "Trade fairs"

    def test_agenda_links_to_its_feed_past_and_month(self, client):
        page = Page(agenda(client))
        feed = page.one("link", type="text/calendar")
        assert feed.get("href") == url_in("en", "events:agenda-feed")
        hrefs = {a.get("href") for a in page.find_all("a")}
        assert url_in("en", "events:agenda-past") in hrefs
        assert url_in("en", "events:agenda-month", year=2026, month=11) in hrefs

    def test_event_card_links_to_the_event(self, client):
        event = EventFactory()
        hrefs = {a.get("href") for a in Page(agenda(client)).find_all("a")}
        assert object_url(event, "en") in hrefs
