"""The agenda and the chamber's events in the sitemap, per language."""

import pytest

from tests.events.factories import EventFactory
from tests.support.htmlpage import absolute, object_url, url_in
from tests.support.languages import LANGUAGES
from tests.support.sitemaps import read_sitemap

pytestmark = pytest.mark.django_db


def test_events_are_listed_in_the_languages_they_are_ready_in(client):
    everywhere = EventFactory()
    english = EventFactory(title_fr="", slug_fr="", title_ko="", slug_ko="")
    draft = EventFactory(draft=True)
    past = EventFactory(past=True)
    entries = read_sitemap(client)
    paths = {code: absolute(object_url(everywhere, code)) for code in LANGUAGES}
    for code in LANGUAGES:
        assert entries[paths[code]] == {**paths, "x-default": paths["fr"]}
        assert absolute(object_url(draft, code)) not in entries
        # A past event keeps its page.
        assert absolute(object_url(past, code)) in entries
    english_url = absolute(object_url(english, "en"))
    assert entries[english_url] == {"en": english_url, "x-default": english_url}
    for code in ("fr", "ko"):
        with_slug = absolute(url_in(code, "events:event-detail", slug=english.slug_en))
        assert with_slug not in entries


def test_the_agenda_and_its_past_are_listed_in_every_language(client):
    entries = read_sitemap(client)
    for name in ("events:agenda", "events:agenda-past"):
        urls = {code: absolute(url_in(code, name)) for code in LANGUAGES}
        for code in LANGUAGES:
            assert entries[urls[code]] == {**urls, "x-default": urls["fr"]}


def test_filtered_and_month_pages_are_left_out(client):
    EventFactory()
    entries = read_sitemap(client)
    assert not [url for url in entries if "?" in url or "/2026/" in url]
