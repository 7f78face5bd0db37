"""The member directory: the visible members in the page's language, found by name
(accent- and case-blind, ``chamber.toolkit.search``), filtered by sector, kind, city and
membership tier, and sorted; each filter is a GET parameter, so that every list is a
plain link (no JavaScript) and the page cache keeps each one under its own address.

A page costs the same number of queries whatever the number of members: the sectors and
cities offered are one query each, the list is counted once (cached) and read a page at
a time (``LongListPaginator``).
"""

import hashlib
from dataclasses import dataclass

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from chamber.models import Organisation
from chamber.toolkit.publication import active_language
from chamber.toolkit.search import names_match

PARAMETERS = ("q", "sector", "kind", "city", "tier", "sort")
MAX_QUERY_LENGTH = 100
TABLE = Organisation._meta.db_table


def sorts() -> dict[str, str]:
    """The orders offered: parameter value → label."""
    return {
        "name": _("Name (A to Z)"),
        "since": _("Member for longest"),
        "newest": _("Newest members"),
    }


@dataclass(frozen=True)
class Filters:
    q: str = ""
    sector: str = ""
    kind: str = ""
    city: str = ""
    tier: str = ""
    sort: str = "name"

    @classmethod
    def from_query(cls, query) -> "Filters":
        """The filters of ``request.GET``; unknown kinds, tiers and sorts are ignored."""
        kind = query.get("kind", "")
        tier = query.get("tier", "")
        sort = query.get("sort", "")
        return cls(
            q=" ".join(query.get("q", "").split())[:MAX_QUERY_LENGTH],
            sector=query.get("sector", "").strip()[:120],
            kind=kind if kind in Organisation.Kind.values else "",
            city=query.get("city", "").strip()[:120],
            tier=tier if tier and tier in Organisation.Membership.values else "",
            sort=sort if sort in sorts() else "name",
        )

    @property
    def active(self) -> bool:
        """A filter or a search narrows the list (the order alone does not)."""
        return any((self.q, self.sector, self.kind, self.city, self.tier))

    @property
    def labels(self) -> list[str]:
        """The words searched and the filters chosen, in words (for the page's title)."""
        return [
            label
            for label in (
                self.q,
                self.sector,
                Organisation.Kind(self.kind).label if self.kind else "",
                self.city,
                Organisation.Membership(self.tier).label if self.tier else "",
            )
            if label
        ]

    @property
    def key(self) -> str:
        """A short key of these filters, for the cached count."""
        text = "\x1f".join((self.q, self.sector, self.kind, self.city, self.tier))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def members(language: str | None = None):
    return Organisation.objects.members().visible(language or active_language())


def directory(filters: Filters, language: str | None = None):
    """The members that match ``filters``, in their order (ending with the id, so that
    the paginator may read the list from its end)."""
    language = language or active_language()
    name = build_localized_fieldname("name", language)
    queryset = members(language)
    if filters.q:
        columns = [name, "short_name"]
        queryset = queryset.filter(names_match(TABLE, columns, filters.q))
    if filters.sector:
        queryset = queryset.filter(
            **{build_localized_fieldname("sector", language): filters.sector}
        )
    if filters.city:
        queryset = queryset.filter(**{build_localized_fieldname("city", language): filters.city})
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.tier:
        queryset = queryset.filter(membership=filters.tier)
    if filters.sort == "since":
        order = [F("member_since").asc(nulls_last=True), F(name).asc(), "id"]
    elif filters.sort == "newest":
        order = [F("member_since").desc(nulls_last=True), F(name).asc(), "id"]
    else:
        order = [F(name).asc(), "id"]
    return queryset.order_by(*order)


def choices(field: str, language: str | None = None) -> list[str]:
    """The values of a translated ``field`` (sector, city) among the visible members, in
    the page's language, sorted: one query."""
    column = build_localized_fieldname(field, language or active_language())
    values = members(language).exclude(**{column: ""}).order_by(column)
    return list(values.values_list(column, flat=True).distinct())
