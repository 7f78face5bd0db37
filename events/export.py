"""Registrations as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads
the accents and Hangul right), one column per field, ISO 8601 dates.

Excel splits a CSV file on the list separator of its regional settings: a comma in
English, a semicolon in French. The file uses the one of the staff member's language."""

import csv
import datetime

from django.http import HttpResponse
from django.utils import timezone, translation
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


def list_separator() -> str:
    """The separator Excel expects in the active language."""
    return ";" if (translation.get_language() or "").startswith("fr") else ","


def registrations_csv(queryset, filename: str | None = None) -> HttpResponse:
    """A CSV download of the registrations in ``queryset``."""
    filename = filename or f"registrations-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=list_separator())
    writer.writerow(COLUMNS)
    for registration in queryset.select_related("delegation__fair").order_by("created_at", "id"):
        writer.writerow(row(registration))
    return response
