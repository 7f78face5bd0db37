"""Dates, times, amounts and punctuation written as each language of the site writes them.

Django's format localisation (``chamber/formats``) covers what Django formats itself
(the admin, forms, ``|date:"DATE_FORMAT"``); these helpers, built on babel, write the
visitor-facing text, which needs more than Django's format strings can say: French writes
the first day of a month "1er novembre 2026", puts a narrow no-break space before
``: ; ! ?`` and inside « », and groups thousands with a narrow no-break space
("1 500 €"); English is British ("26 November 2026, 19:30", "€1,500"); Korean writes
"2026년 11월 26일 (목)" and "₩30,000". Times are on the 24-hour clock in every language.

Every helper writes in the active language unless given another. Aware datetimes are
written as they are given: callers convert them to the zone to show first (templates'
filters receive them in the active time zone, as Django's ``date`` filter does).
"""

import datetime
import re
from decimal import Decimal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

# The babel locale of each language of the site (English is British English).
LOCALES = {"fr": "fr_FR", "en": "en_GB", "ko": "ko_KR"}

NARROW_NBSP = "\u202f"

# CLDR date patterns (https://unicode.org/reports/tr35/tr35-dates.html), per language.
PATTERNS = {
    "fr": {
        "date": "d MMMM y",
        "weekday_date": "EEEE d MMMM y",
        "month_day": "d MMMM",
        "year_month": "MMMM y",
        "time": "HH:mm",
        "datetime": "{date}, {time}",
        # A range within one month, one year, or across years: (start, end, separator).
        "same_month": ("d", "d MMMM y", "–"),
        "same_year": ("d MMMM", "d MMMM y", " – "),
        "other_year": ("d MMMM y", "d MMMM y", " – "),
    },
    "en": {
        "date": "d MMMM y",
        "weekday_date": "EEEE d MMMM y",
        "month_day": "d MMMM",
        "year_month": "MMMM y",
        "time": "HH:mm",
        "datetime": "{date}, {time}",
        "same_month": ("d", "d MMMM y", "–"),
        "same_year": ("d MMMM", "d MMMM y", " – "),
        "other_year": ("d MMMM y", "d MMMM y", " – "),
    },
    "ko": {
        "date": "y년 M월 d일",
        "weekday_date": "y년 M월 d일 (E)",
        "month_day": "M월 d일",
        "year_month": "y년 M월",
        "time": "HH:mm",
        "datetime": "{date} {time}",
        "same_month": ("y년 M월 d일", "d일", "~"),
        "same_year": ("y년 M월 d일", "M월 d일", " ~ "),
        "other_year": ("y년 M월 d일", "y년 M월 d일", " ~ "),
    },
}

NBSP = "\u00a0"

# Opening and closing quotation marks.
QUOTES = {"fr": ("«" + NARROW_NBSP, NARROW_NBSP + "»"), "en": ("“", "”"), "ko": ("“", "”")}

# The day token of a pattern (a lone "d", not inside a quoted literal).
_DAY = re.compile(r"(?<![d'])d(?![d'])")


def language_of(language: str | None = None) -> str:
    """``language``, else the active one, as one of PATTERNS' keys (the site's default
    language for a language the site does not speak)."""
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in PATTERNS else settings.LANGUAGE_CODE


def babel_locale(language: str | None = None) -> str:
    return LOCALES[language_of(language)]


def zone_name(zone: str, language: str | None = None) -> str:
    """A time zone named as people of ``language`` say it: "heure de la Corée",
    "Korean Time", "대한민국 시간" for Asia/Seoul; the identifier if babel does not know it."""
    try:
        return babel_dates.get_timezone_name(
            babel_dates.get_timezone(zone), "long", locale=babel_locale(language)
        )
    except LookupError:
        return zone


def _day(value, pattern: str, language: str) -> str:
    """``value`` in ``pattern``; in French, the first of a month is "1er"."""
    if language == "fr" and value.day == 1:
        pattern = _DAY.sub("d'er'", pattern)
    return babel_dates.format_date(value, pattern, locale=LOCALES[language])


def long_date(value, language: str | None = None) -> str:
    """ "1er novembre 2026", "1 November 2026", "2026년 11월 1일"."""
    if value in (None, ""):
        return ""
    language = language_of(language)
    return _day(value, PATTERNS[language]["date"], language)


def weekday_date(value, language: str | None = None) -> str:
    """ "jeudi 26 novembre 2026", "Thursday 26 November 2026", "2026년 11월 26일 (목)"."""
    if value in (None, ""):
        return ""
    language = language_of(language)
    return _day(value, PATTERNS[language]["weekday_date"], language)


def month_day(value, language: str | None = None) -> str:
    """ "1er novembre", "1 November", "11월 1일"."""
    if value in (None, ""):
        return ""
    language = language_of(language)
    return _day(value, PATTERNS[language]["month_day"], language)


def year_month(value, language: str | None = None) -> str:
    """ "novembre 2026", "November 2026", "2026년 11월"."""
    language = language_of(language)
    return babel_dates.format_date(
        value, PATTERNS[language]["year_month"], locale=LOCALES[language]
    )


def time_of_day(value, language: str | None = None) -> str:
    """ "19:30" (24-hour clock in every language)."""
    if value in (None, ""):
        return ""
    language = language_of(language)
    if isinstance(value, datetime.datetime):
        value = value.timetz() if value.tzinfo else value.time()
    return babel_dates.format_time(value, PATTERNS[language]["time"], locale=LOCALES[language])


def long_datetime(value, language: str | None = None) -> str:
    """ "1er novembre 2026, 19:30", "26 November 2026, 19:30", "2026년 11월 26일 19:30"."""
    if value in (None, ""):
        return ""
    language = language_of(language)
    return PATTERNS[language]["datetime"].format(
        date=long_date(value, language), time=time_of_day(value, language)
    )


def date_range(start, end, language: str | None = None) -> str:
    """The days from ``start`` to ``end``, without repeating what they share:
    "14–18 janvier 2027", "30 January – 2 February 2027", "2027년 1월 14일~18일"."""
    return "".join(date_range_parts(start, end, language))


def date_range_parts(start, end, language: str | None = None) -> tuple[str, ...]:
    """``date_range`` in its parts: (start, separator, end), or (day,) for one day."""
    language = language_of(language)
    if end in (None, "") or _as_date(start) == _as_date(end):
        return (long_date(start, language),)
    if (start.year, start.month) == (end.year, end.month):
        key = "same_month"
    elif start.year == end.year:
        key = "same_year"
    else:
        key = "other_year"
    start_pattern, end_pattern, separator = PATTERNS[language][key]
    return (
        _day(start, start_pattern, language),
        separator,
        _day(end, end_pattern, language),
    )


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def number(value, language: str | None = None) -> str:
    """ "1 500" (a narrow no-break space in French), "1,500"."""
    return babel_numbers.format_decimal(value, locale=babel_locale(language))


def money(amount, currency: str, language: str | None = None) -> str:
    """An amount with its currency as the language writes it, without decimals when the
    amount is whole: "1 500 €", "€1,500", "₩30,000", "1 500,50 €"."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    locale = babel_locale(language)
    if not currency:
        return number(amount, language)
    if amount == amount.to_integral_value():
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        whole = re.sub(r"\.0+", "", pattern)
        return babel_numbers.format_currency(
            amount, currency, format=whole, locale=locale, currency_digits=False
        )
    return babel_numbers.format_currency(amount, currency, locale=locale)


def price(amount, currency: str, language: str | None = None) -> str:
    """An amount to pay: ``money``, or "Free" for zero."""
    if amount is None:
        return ""
    if not Decimal(amount):
        return _("Free")
    return money(amount, currency, language)


def punctuation(mark: str, language: str | None = None) -> str:
    """A mark among ``: ; ! ?`` as it follows a word: with a narrow no-break space before
    it in French."""
    space = NARROW_NBSP if language_of(language) == "fr" else ""
    return f"{space}{mark}"


def colon(label, language: str | None = None) -> str:
    """A label followed by a colon: "Membres :" (narrow no-break space) in French,
    "Members:" in English."""
    return f"{label}{punctuation(':', language)}"


def quoted(text, language: str | None = None) -> str:
    """``text`` in the language's quotation marks: « x », “x”."""
    opening, closing = QUOTES[language_of(language)]
    return f"{opening}{text}{closing}"


_WORD = re.compile(r"[^ \t\r\n]+")


def truncate_words(text: str, count: int) -> str:
    """``text`` cut after ``count`` words (separated by ordinary white space, so that "mot
    :" with a no-break space stays one word), followed by "…" when cut."""
    words = list(_WORD.finditer(text))
    if len(words) <= count:
        return text
    return text[: words[count - 1].end()] + "…"


# What French spacing leaves alone in a text: markup, entities, addresses (a URL, a
# path, an e-mail address), format placeholders (%(name)s, %s, {name}) and times (19:30).
_UNTOUCHED = re.compile(
    r"<[^>]*>"
    r"|&#?\w+;"
    r"|[^\s<>]+://[^\s<>]*"
    r"|[^\s<>]*/[^\s<>]*"
    r"|[\w.+-]+@[\w.-]+"
    r"|%(?:\([^)]+\))?[-#0 +]?\d*(?:\.\d+)?[sdfr%]"
    r"|\{[\w.]*\}"
    r"|\d+:\d+"
)
_BEFORE_MARK = re.compile(r"[ \u00a0\u202f]?([;!?»]|:(?!\w))")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]?")


def _french_text(text: str) -> str:
    text = text.replace("“", "«").replace("”", "»")
    text = _BEFORE_MARK.sub(lambda match: NARROW_NBSP + match.group(1), text)
    return _AFTER_GUILLEMET.sub("«" + NARROW_NBSP, text)


def french_spacing(text: str, *, at_start: bool = True) -> str:
    """``text`` with French spacing: a narrow no-break space before ``: ; ! ?`` and »,
    after «, in place of an ordinary or no-break space or where there was none; “ ” become
    « ». Markup, URLs, placeholders and times are left as they are.

    >>> french_spacing("Questions: écrivez-nous ! Ouvert de 9:00 à 18:00")
    'Questions\u202f: écrivez-nous\u202f! Ouvert de 9:00 à 18:00'
    """
    parts = []
    position = 0
    for match in _UNTOUCHED.finditer(text):
        parts.append(_french_text(text[position : match.start()]))
        parts.append(match.group())
        position = match.end()
    parts.append(_french_text(text[position:]))
    text = "".join(parts).replace(NARROW_NBSP * 2, NARROW_NBSP)
    # No space before a mark that opens the text (it follows nothing).
    return text[1:] if at_start and text.startswith(NARROW_NBSP) else text


# Code is shown as it was written; so is an element in another language than French.
_KEPT_HTML = re.compile(
    r"<(code|pre)\b.*?</\1\s*>|<(\w+)\b[^>]*\blang=\"(?!fr)[^\"]*\"[^>]*>.*?</\2\s*>",
    re.DOTALL | re.IGNORECASE,
)


def french_spacing_html(html: str) -> str:
    """``french_spacing`` for sanitised rich text: in its text, never in its tags, its
    code or its passages marked as another language."""
    html = html.replace("&nbsp;", NBSP)
    parts = []
    position = 0
    for match in _KEPT_HTML.finditer(html):
        parts.append(french_spacing(html[position : match.start()], at_start=not position))
        parts.append(match.group())
        position = match.end()
    parts.append(french_spacing(html[position:], at_start=not position))
    return "".join(parts)
