"""Registrations as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads
the accents and Hangul right), one column per field, ISO 8601 dates."""

import csv
import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

COLUMNS = [
    "id",
    "fair",
    "delegation",
    "status",
    "company_name",
    "contact_name",
    "email",
    "phone",
    "website",
    "sector",
    "pitch",
    "language",
    "consent",
    "consented_at",
    "created_at",
    "updated_at",
    "staff_notes",
]

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """One value as text a spreadsheet shows and never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def row(registration) -> list[str]:
    delegation = registration.delegation
    values = {
        "fair": delegation.fair.name,
        "delegation": delegation.title,
    }
    return [
        cell(values[name] if name in values else getattr(registration, name)) for name in COLUMNS
    ]


def registrations_csv(queryset, filename: str | None = None) -> HttpResponse:
    """A CSV download of the registrations in ``queryset``."""
    filename = filename or f"registrations-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for registration in queryset.select_related("delegation__fair").order_by("created_at", "id"):
        writer.writerow(row(registration))
    return response
