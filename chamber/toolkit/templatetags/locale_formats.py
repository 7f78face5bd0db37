"""Filters that write dates, amounts and punctuation as the page's language writes them
(chamber.toolkit.l10n); a builtin of every template, e-mails included.

    {{ article.published_at|long_date }}      1er novembre 2026 / 1 November 2026
    {{ event.starts_at|long_datetime }}       26 novembre 2026, 19:30
    {{ fair.starts_on|date_range:fair.ends_on }}  14–18 janvier 2027
    {{ event.price_members|money:event.currency }}  1 500 € / €1,500
    {{ _("Members")|colon }}                  Membres : / Members:
    {{ ";"|punctuation }}                     " ;" in French / ";"
    {{ query|quoted }}                        « x » / “x”

The date filters receive aware datetimes in the active time zone (as ``date`` does).
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime

from chamber.toolkit import l10n
from chamber.toolkit.i18n import shown_language
from chamber.toolkit.sanitizer import sanitize_html

register = template.Library()


@register.filter
def zone_name(zone):
    """A time zone's name in the active language ("heure de la Corée")."""
    return l10n.zone_name(str(zone))


@register.filter(expects_localtime=True)
def long_date(value):
    return l10n.long_date(value)


@register.filter(expects_localtime=True)
def weekday_date(value):
    return l10n.weekday_date(value)


@register.filter(expects_localtime=True)
def long_datetime(value):
    return l10n.long_datetime(value)


@register.filter(expects_localtime=True)
def year_month(value):
    return l10n.year_month(value)


@register.filter(expects_localtime=True)
def date_range(start, end):
    return l10n.date_range(start, template_localtime(end))


@register.simple_tag
def time_range(start, end):
    """The days from ``start`` to ``end`` (dates) as ``date_range`` writes them, each end
    in a ``<time>`` element with its ISO date: <time datetime="2027-01-14">14</time>–<time
    datetime="2027-01-18">18 janvier 2027</time>."""
    parts = l10n.date_range_parts(start, end)
    if len(parts) == 1:
        return format_html('<time datetime="{}">{}</time>', start.isoformat(), parts[0])
    first, separator, last = parts
    return format_html(
        '<time datetime="{}">{}</time>{}<time datetime="{}">{}</time>',
        start.isoformat(),
        first,
        separator,
        end.isoformat(),
        last,
    )


@register.filter
def money(amount, currency=""):
    return l10n.money(amount, currency)


@register.filter(is_safe=True)
def colon(label):
    return l10n.colon(label)


@register.filter(is_safe=True)
def truncate_words(text, count):
    """``text`` cut after ``count`` words, with "…", its spacing kept (Django's
    ``truncatewords`` rewrites every space, the no-break ones of French included)."""
    cut = l10n.truncate_words(str(text), int(count))
    if isinstance(text, SafeData):
        # A search result's text with its matches in <mark>: a cut inside a marked
        # phrase closes the mark.
        cut += "</mark>" * (cut.count("<mark>") - cut.count("</mark>"))
    return cut


@register.filter(is_safe=True)
def punctuation(mark):
    return l10n.punctuation(mark)


@register.filter(is_safe=True)
def quoted(text):
    return l10n.quoted(text)


@register.simple_tag
def rich_text(obj, field: str):
    """The rich text of ``obj.<field>`` sanitised (as ``|sanitize``) and, when the text
    shown is the French one, with French spacing in its words (never in its markup, its
    code or its addresses)."""
    html = sanitize_html(getattr(obj, field))
    if shown_language(obj, field) == "fr":
        html = l10n.french_spacing_html(html)
    return mark_safe(html)  # nh3 output, only text characters added
