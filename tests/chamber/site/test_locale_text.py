"""Every public page writes dates, prices and punctuation as its language does: French
spacing and "1er", British dates in English, Korean dates in Korean."""

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from events.models import Event
from tests.events.factories import EventFactory
from tests.support.factories import ArticleFactory, DelegationFactory, FairFactory
from tests.support.htmlpage import Page, object_url
from tests.support.public_pages import public_pages

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"
NBSP = "\u00a0"
SEOUL = ZoneInfo("Asia/Seoul")
FRENCH_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
ENGLISH_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _VisibleText(HTMLParser):
    """The text nodes of a page with the language they are written in (the nearest lang
    attribute), without scripts, styles and code."""

    HIDDEN = {"script", "style", "code", "pre", "template"}

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, lang)
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
        self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not data.strip() or any(tag in self.HIDDEN for tag, _lang in self.stack):
            return
        self.texts.append((self.stack[-1][1] if self.stack else "", data))


def visible_text(response, language: str) -> str:
    """The page's text written in ``language``, addresses left out."""
    parser = _VisibleText()
    parser.feed(response.content.decode())
    text = " ".join(data for lang, data in parser.texts if lang.split("-")[0] == language)
    return re.sub(r"\S+://\S*|[\w.+-]+@[\w.-]+", " ", text)


def squeeze(text: str) -> str:
    """Runs of ordinary white space as one space (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def french_typography_faults(text: str) -> list[str]:
    """What French typesetting would refuse in ``text``: a mark of ``: ; ! ?`` or »
    after a plain space or glued to a word, « without its space, a first of a month
    without "er". A time (19:30) is fine."""
    faults = [
        r"[ \u00a0][:;!?»]",
        r"[^\s\u202f\d]:(?!\d)",
        r"[^\s\u202f][;!?](?=\s|$)",
        r"«(?!\u202f)",
        r"(?<!\u202f)»",
        rf"(?<![\d])1 (?:{FRENCH_MONTHS})",
    ]
    found = []
    for pattern in faults:
        for match in re.finditer(pattern, text):
            found.append(text[max(0, match.start() - 30) : match.end() + 10])
    return found


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_french_pages_space_their_punctuation_and_write_1er(client, demo):
    faults = {}
    for name, path in public_pages("fr").items():
        text = visible_text(client.get(path), "fr")
        assert text.strip(), name
        if found := french_typography_faults(text):
            faults[name] = found
    assert faults == {}


def test_english_pages_write_british_dates(client, demo):
    american = re.compile(
        rf"\b(?:{ENGLISH_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{{1,2}}"
        r"(?:st|nd|rd|th)?,? \d{4}|\b\d{1,2}:\d\d ?[ap]\.?m\.?|\b\d{1,2} ?[ap]\.m\."
        r"|\bnoon\b|\bmidnight\b"
    )
    british = re.compile(rf"\b\d{{1,2}} (?:{ENGLISH_MONTHS}) \d{{4}}\b")
    faults, dated = {}, []
    for name, path in public_pages("en").items():
        text = visible_text(client.get(path), "en")
        if found := american.findall(text):
            faults[name] = found
        if british.search(text):
            dated.append(name)
    assert faults == {}
    assert {"article", "agenda", "event", "fair", "delegation"} <= set(dated)


def test_korean_pages_write_korean_dates(client, demo):
    english = re.compile(rf"\b(?:{ENGLISH_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")
    korean = re.compile(r"\d{4}년 \d{1,2}월 \d{1,2}일")
    faults, dated = {}, []
    for name, path in public_pages("ko").items():
        text = visible_text(client.get(path), "ko")
        if found := english.findall(text):
            faults[name] = found
        if korean.search(text):
            dated.append(name)
    assert faults == {}
    assert {"article", "agenda", "event", "fair", "delegation"} <= set(dated)


@pytest.fixture
def first_of_november():
    """An evening on 1 November 2026 in Seoul, 1 500 € for members, 2 500 € for others,
    seen a month before."""
    with time_machine.travel(datetime.datetime(2026, 10, 1, 12, tzinfo=SEOUL), tick=False):
        yield EventFactory(
            starts_at=datetime.datetime(2026, 11, 1, 19, 30, tzinfo=SEOUL),
            ends_at=datetime.datetime(2026, 11, 1, 22, 0, tzinfo=SEOUL),
            price_members=Decimal("1500.00"),
            price_non_members=Decimal("2500"),
            currency="EUR",
            audience=Event.Audience.MEMBERS_AND_GUESTS,
        )


@pytest.mark.parametrize(
    ("language", "when", "prices"),
    [
        (
            "fr",
            "1er novembre 2026, 19:30",
            f"Membres{NNBSP}: 1{NNBSP}500{NBSP}€{NNBSP}; Non-membres{NNBSP}: 2{NNBSP}500{NBSP}€",
        ),
        ("en", "1 November 2026, 19:30", "Members: €1,500; Non-members: €2,500"),
        ("ko", "2026년 11월 1일 19:30", ": €1,500"),
    ],
)
def test_an_event_page_writes_its_date_and_prices_in_the_language(
    client, first_of_november, language, when, prices
):
    with time_machine.travel(datetime.datetime(2026, 10, 1, 12, tzinfo=SEOUL), tick=False):
        page = Page(client.get(object_url(first_of_november, language)))
    facts = page.one("dl", class_="facts")
    when_text = squeeze(facts.one("dd", class_="event-when").text)
    assert when_text.startswith(when + " – 22:00")
    assert prices in squeeze(facts.one("dd", class_="event-prices").text)
    # The machine-readable date stays ISO.
    assert facts.find_all("time")[0].get("datetime") == "2026-11-01T19:30:00+09:00"


@pytest.mark.parametrize(
    ("language", "dates", "fee"),
    [
        ("fr", "14–18 janvier 2027", f"1{NNBSP}500{NBSP}€"),
        ("en", "14–18 January 2027", "€1,500"),
        ("ko", "2027년 1월 14일~18일", "€1,500"),
    ],
)
def test_a_delegation_page_writes_the_fair_dates_as_one_range_and_its_fee(
    client, language, dates, fee
):
    with time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=SEOUL), tick=False):
        fair = FairFactory(starts_on=datetime.date(2027, 1, 14), ends_on=datetime.date(2027, 1, 18))
        delegation = DelegationFactory(fair=fair, fee=Decimal("1500.00"), currency="EUR")
        page = Page(client.get(object_url(delegation, language)))
    facts = page.one("dl", class_="facts")
    text = squeeze(facts.text)
    assert dates in text
    assert fee in text
    times = [time.get("datetime") for time in facts.find_all("time")]
    assert times[:2] == ["2027-01-14", "2027-01-18"]


def test_an_article_body_in_french_gets_french_spacing_and_other_languages_do_not(client):
    article = ArticleFactory(
        body_fr="<p>Au programme : visite ; <code>x ? y</code></p>",
        body_en="<p>On the programme: a visit; <code>x ? y</code></p>",
    )
    french = Page(client.get(object_url(article, "fr"))).one("div", class_="article-body")
    english = Page(client.get(object_url(article, "en"))).one("div", class_="article-body")
    assert squeeze(french.text) == f"Au programme{NNBSP}: visite{NNBSP}; x ? y"
    assert squeeze(english.text) == "On the programme: a visit; x ? y"
