"""Dates, amounts and punctuation as each language writes them (chamber.toolkit.l10n and
Django's formats in chamber/formats)."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, translation

from chamber.toolkit import l10n
from chamber.toolkit.mail import templated_message

NNBSP = "\u202f"
NBSP = "\u00a0"
FIRST = datetime.date(2026, 11, 1)
THURSDAY_EVENING = datetime.datetime(2026, 11, 26, 19, 30)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "1er novembre 2026"), ("en", "1 November 2026"), ("ko", "2026년 11월 1일")],
)
def test_the_first_of_a_month_is_1er_in_french_only(language, expected):
    assert l10n.long_date(FIRST, language) == expected


def test_other_days_have_no_ordinal_in_french():
    assert l10n.long_date(datetime.date(2026, 11, 26), "fr") == "26 novembre 2026"
    assert l10n.long_date(datetime.date(2026, 11, 11), "fr") == "11 novembre 2026"


@pytest.mark.parametrize(
    ("language", "weekday", "with_time"),
    [
        ("fr", "jeudi 26 novembre 2026", "26 novembre 2026, 19:30"),
        ("en", "Thursday 26 November 2026", "26 November 2026, 19:30"),
        ("ko", "2026년 11월 26일 (목)", "2026년 11월 26일 19:30"),
    ],
)
def test_dates_with_weekday_and_time(language, weekday, with_time):
    assert l10n.weekday_date(THURSDAY_EVENING, language) == weekday
    assert l10n.long_datetime(THURSDAY_EVENING, language) == with_time


def test_the_active_language_is_the_default():
    with translation.override("en"):
        assert l10n.long_date(FIRST) == "1 November 2026"
    with translation.override("fr"):
        assert l10n.long_datetime(datetime.datetime(2026, 11, 1, 9, 5)) == (
            "1er novembre 2026, 09:05"
        )


@pytest.mark.parametrize(
    ("language", "same_month", "across_months", "across_years"),
    [
        (
            "fr",
            "14–18 janvier 2027",
            "30 janvier – 1er février 2027",
            "30 décembre 2026 – 2 janvier 2027",
        ),
        (
            "en",
            "14–18 January 2027",
            "30 January – 1 February 2027",
            "30 December 2026 – 2 January 2027",
        ),
        (
            "ko",
            "2027년 1월 14일~18일",
            "2027년 1월 30일 ~ 2월 1일",
            "2026년 12월 30일 ~ 2027년 1월 2일",
        ),
    ],
)
def test_date_ranges_say_what_the_days_share_once(
    language, same_month, across_months, across_years
):
    date = datetime.date
    assert l10n.date_range(date(2027, 1, 14), date(2027, 1, 18), language) == same_month
    assert l10n.date_range(date(2027, 1, 30), date(2027, 2, 1), language) == across_months
    assert l10n.date_range(date(2026, 12, 30), date(2027, 1, 2), language) == across_years
    assert l10n.date_range(FIRST, FIRST, language) == l10n.long_date(FIRST, language)


@pytest.mark.parametrize(
    ("amount", "currency", "language", "expected"),
    [
        (1500, "EUR", "fr", f"1{NNBSP}500{NBSP}€"),
        (1500, "EUR", "en", "€1,500"),
        (1500, "EUR", "ko", "€1,500"),
        (Decimal("1500.50"), "EUR", "fr", f"1{NNBSP}500,50{NBSP}€"),
        (Decimal("1500.50"), "EUR", "en", "€1,500.50"),
        (Decimal("1500000"), "KRW", "ko", "₩1,500,000"),
        (Decimal("30000.00"), "KRW", "en", "₩30,000"),
        (Decimal("30000"), "KRW", "fr", f"30{NNBSP}000{NBSP}₩"),
        (250, "USD", "en", "US$250"),
    ],
)
def test_amounts_are_written_with_their_currency_sign(amount, currency, language, expected):
    assert l10n.money(amount, currency, language) == expected


def test_a_price_of_zero_is_free():
    with translation.override("fr"):
        assert l10n.price(0, "EUR") == "Gratuit"
    with translation.override("en"):
        assert l10n.price(Decimal("0.00"), "EUR") == "Free"
        assert l10n.price(None, "EUR") == ""


@pytest.mark.parametrize(
    ("language", "label", "quote"),
    [("fr", f"Membres{NNBSP}:", f"«{NNBSP}Busan{NNBSP}»"), ("en", "Members:", "“Busan”")],
)
def test_labels_and_quotations(language, label, quote):
    with translation.override(language):
        rendered = Template('{{ _("Members")|colon }} {{ "Busan"|quoted }}').render(Context())
    assert rendered == f"{label} {quote}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Questions : écrivez-nous !", f"Questions{NNBSP}: écrivez-nous{NNBSP}!"),
        ("Au programme: accueil; buffet?", f"Au programme{NNBSP}: accueil{NNBSP}; buffet{NNBSP}?"),
        (f"le champ «{NBSP}vide{NBSP}»", f"le champ «{NNBSP}vide{NNBSP}»"),
        ("le statut “%(status)s”", f"le statut «{NNBSP}%(status)s{NNBSP}»"),
        ("Ouvert de 9:30 à 18:00.", "Ouvert de 9:30 à 18:00."),
        ("Voir https://example.org/?q=1;x", "Voir https://example.org/?q=1;x"),
        ('Écrivez : <a href="mailto:a@b.fr?subject=x">a@b.fr</a>', None),
    ],
)
def test_french_spacing_leaves_addresses_times_and_markup_alone(text, expected):
    if expected is None:
        expected = f'Écrivez{NNBSP}: <a href="mailto:a@b.fr?subject=x">a@b.fr</a>'
    assert l10n.french_spacing(text) == expected
    assert l10n.french_spacing(expected) == expected


def _french_messages():
    """Every French msgstr of the site's catalogue (continuation lines joined)."""
    text = (Path(settings.BASE_DIR) / "chamber/locale/fr/LC_MESSAGES/django.po").read_text()
    for block in text.split("\n\n"):
        if 'msgid ""\nmsgstr ""' in block:
            continue
        strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block, re.MULTILINE)
        for first, rest in strings:
            yield first + "".join(re.findall(r'^"(.*)"$', rest, re.MULTILINE))


def test_french_translations_space_their_punctuation():
    """No ordinary or no-break space (or none) before : ; ! ? » or after « in a French
    translation, and no English quotation marks."""
    messages = list(_french_messages())
    assert len(messages) > 500
    spaced = re.compile(r"[ \u00a0][:;!?»]|«[ \u00a0]|[“”]|[^\s\u202f][;!]\s")
    wrong = [message for message in messages if spaced.search(message)]
    assert wrong == []
    # A colon ending a word is preceded by a narrow no-break space, placeholders included.
    unspaced = [m for m in messages if re.search(r"[\w)»]:(?:\s|$)", re.sub(r"\S*//\S*", "", m))]
    assert unspaced == []
    assert f"Des questions{NNBSP}? Répondez à cet e-mail." in messages


@pytest.mark.parametrize(
    ("language", "date", "short", "number"),
    [
        ("fr", "26 novembre 2026", "26/11/2026", f"1{NNBSP}500,5"),
        ("en", "26 November 2026", "26/11/2026", "1,500.5"),
        ("ko", "2026년 11월 26일", "2026. 11. 26.", "1,500.5"),
    ],
)
def test_django_formats_follow_each_language(language, date, short, number):
    day = THURSDAY_EVENING.date()
    with translation.override(language):
        assert formats.date_format(day, "DATE_FORMAT") == date
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == short
        assert formats.time_format(THURSDAY_EVENING, "TIME_FORMAT") == "19:30"
        assert formats.number_format(Decimal("1500.5"), force_grouping=True) == number


def test_weeks_start_on_monday_in_french_and_british_english_on_sunday_in_korean():
    starts = {}
    for language in ("fr", "en", "ko"):
        with translation.override(language):
            starts[language] = formats.get_format("FIRST_DAY_OF_WEEK")
    assert starts == {"fr": 1, "en": 1, "ko": 0}


@pytest.mark.parametrize("language", ["fr", "en", "ko"])
def test_date_fields_accept_iso_dates_in_every_language(language):
    """The admin's date widgets write ISO dates: every language reads them."""

    class DateForm(forms.Form):
        day = forms.DateField()
        moment = forms.DateTimeField()

    with translation.override(language):
        form = DateForm({"day": "2026-11-26", "moment": "2026-11-26 19:30"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == THURSDAY_EVENING.date()


def test_british_english_reads_day_before_month():
    class DateForm(forms.Form):
        day = forms.DateField()

    with translation.override("en"):
        form = DateForm({"day": "02/11/2026"})
        assert form.is_valid()
    assert form.cleaned_data["day"] == datetime.date(2026, 11, 2)


def test_rich_text_gets_french_spacing_in_its_words_only():
    html = (
        '<p>Au programme : <a href="https://example.org/?a=1&amp;b=2">la visite</a> ; '
        '<code>a ? b : c</code> !</p><p lang="en">Note: in English.</p><p>Fin&nbsp;: oui</p>'
    )
    assert l10n.french_spacing_html(html) == (
        f'<p>Au programme{NNBSP}: <a href="https://example.org/?a=1&amp;b=2">la visite</a>'
        f'{NNBSP}; <code>a ? b : c</code>{NNBSP}!</p><p lang="en">Note: in English.</p>'
        f"<p>Fin{NNBSP}: oui</p>"
    )


def test_truncated_text_keeps_its_spacing():
    text = f"Fiscalité{NNBSP}: le guide de la Chambre rassemble tout"
    assert l10n.truncate_words(text, 3) == f"Fiscalité{NNBSP}: le guide…"
    assert l10n.truncate_words(text, 30) == text


def test_e_mail_subjects_and_bodies_keep_french_spacing():
    message = templated_message(
        "toolkit/email/review_approved",
        {"page": "Qui sommes-nous", "proposal": {"decided_by": "Marie"}, "url": "https://x.fr/"},
        language="fr",
        to=["a@example.org"],
    )
    assert message.subject == f"[{settings.SITE_NAME}] Approuvé{NNBSP}: Qui sommes-nous"
    assert f"«{NNBSP}Qui sommes-nous{NNBSP}»{NNBSP}:" in message.body


def test_a_marked_search_text_is_cut_with_its_spacing_and_its_marks_closed():
    from django.template import Context, Template
    from django.utils.safestring import mark_safe

    lead = mark_safe("Un protocole d\u2019accord\u202f: <mark>un centre</mark> de R&amp;D à Busan")
    template = Template("{% load locale_formats %}{{ lead|truncate_words:4 }}")
    assert template.render(Context({"lead": lead})) == (
        "Un protocole d\u2019accord\u202f: <mark>un…</mark>"
    )
    untouched = Template("{% load locale_formats %}{{ lead|truncate_words:30 }}")
    assert untouched.render(Context({"lead": lead})) == str(lead)


@pytest.mark.parametrize(
    ("language", "seoul", "paris"),
    [
        ("fr", "heure de la Corée", "heure d’Europe centrale"),
        ("en", "Korean Time", "Central European Time"),
        ("ko", "대한민국 시간", "중부유럽 시간"),
    ],
)
def test_time_zones_are_named_in_the_language(language, seoul, paris):
    assert l10n.zone_name("Asia/Seoul", language) == seoul
    assert l10n.zone_name("Europe/Paris", language) == paris
    assert l10n.zone_name("Not/AZone", language) == "Not/AZone"
