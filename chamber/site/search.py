"""Site search: published articles, member organisations and published delegations.

A plain ``icontains`` match on the text of both languages, so that a visitor finds a
page whatever language its words were written in; it runs the same on SQLite and on
PostgreSQL and suits a chamber's few thousand pages.
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Q
from modeltranslation.utils import get_translation_fields

from chamber.models import Organisation
from events.models import Delegation, Fair
from news.models import Article

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MIN_TERM_LENGTH = 2


def search_terms(query: str) -> list[str]:
    """The words of ``query`` worth looking for (at most eight, of two letters or more)."""
    return [word for word in query.split() if len(word) >= MIN_TERM_LENGTH][:MAX_TERMS]


def matching(columns: list[str], terms: list[str]) -> Q:
    """Every term appears in at least one of ``columns``."""
    return reduce(
        and_,
        (
            reduce(or_, (Q(**{f"{column}__icontains": term}) for column in columns))
            for term in terms
        ),
    )


def search_articles(terms: list[str]):
    columns = get_translation_fields("title", "lead", "key_points", "body")
    return Article.objects.visible().for_listing().filter(matching(columns, terms))


def search_organisations(terms: list[str]):
    columns = [*get_translation_fields("name", "sector", "description"), "short_name"]
    return (
        Organisation.objects.members().visible().filter(matching(columns, terms)).order_by("name")
    )


def search_delegations(terms: list[str]):
    fairs = Fair.objects.visible().filter(
        matching(get_translation_fields("name", "city", "description"), terms)
    )
    own_text = matching(get_translation_fields("title", "summary", "audience", "offer"), terms)
    return (
        Delegation.objects.visible()
        .for_listing()
        .filter(own_text | Q(fair__in=fairs))
        .order_by("-fair__starts_on", "id")
    )
