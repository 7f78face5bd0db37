"""Registrations for spreadsheets, as XLSX or CSV, in the staff member's language.

Both files hold the same columns: the registration's fields under their names for people
("Company name", "Nom de l'entreprise"), the status's label, the names of the attendees,
then one column per question of the delegations and events exported (an answer goes to
its question's column; the answer to a question since deleted goes to a column named
after the words it was answered with).

XLSX (openpyxl): every value in a cell of its type. Dates and times are real dates, in
the site's time zone, with a number format; text, phone numbers included, is written as
text (type ``s``), so that a value such as ``=HYPERLINK(...)`` is never a formula and
``+82 10 1234 5678`` keeps its plus sign without any mark.

CSV: UTF-8 with a byte order mark (so Excel reads the accents and Hangul right), every
field quoted, ISO 8601 dates, and the list separator of the staff member's language (a
comma in English, a semicolon in French: Excel splits on the one of its regional
settings). A spreadsheet runs a cell that starts with ``= + - @`` (or a tab or a carriage
return before one) as a formula, and quoting does not stop it. Worse, a file opened with
the other separator no longer keeps its quotes: ``"a";",=cmd|..."`` read with commas
gives a cell ``=cmd|...``, and a line break inside a value starts a new row. So a cell may
begin at the start of a value and right after any comma, semicolon, tab or line break in
it; wherever such a piece would begin (after spaces or quotes) with one of those
characters, an apostrophe is put before that character (``,'=cmd|...``), which every
spreadsheet reads as "this is text". Whatever the separator a program splits on, no cell
starts with a formula. Two exceptions, both harmless: numbers we write ourselves
(``-5`` is a number, never a formula) and telephone numbers made only of digits, spaces
and ``+ ( ) . - /``, which get a leading space instead of the apostrophe staff found
confusing (``" +82 10 1234 5678"``: text for a spreadsheet, and even stripped of its
space it could only be arithmetic, never a function).
"""

import csv
import datetime
import decimal
import io
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from chamber.toolkit.mail import site_url
from events.models import Answer, Attendee, Question, Registration

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"

# Where a cell may begin once a program splits the text on a separator (start of the
# value, or after a comma, semicolon, tab or line break), then spaces or quotes, then a
# character that makes the cell a formula.
FORMULA_START = re.compile(r"(^|[,;\t\r\n])([ \"]*)(?=[=+\-@\t\r])")
PHONE_SHAPE = re.compile(r"^[+\-]?[0-9 ().\-/]+$")


class Phone(str):
    """A telephone number: text, written without the apostrophe (see the docstring)."""


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 18


def _field_header(name: str) -> str:
    return capfirst(str(Registration._meta.get_field(name).verbose_name))


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _local(value: datetime.datetime) -> datetime.datetime:
    """``value`` in the site's time zone, without it (spreadsheets have no time zones)."""
    return timezone.localtime(value).replace(tzinfo=None)


# -- What is exported ----------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionColumn:
    key: tuple
    header: str


def _question_columns(registrations, several: bool) -> list[QuestionColumn]:
    """One column per question of the exported delegations and events, in their order,
    then one per deleted question an answer still names."""
    delegation_ids = {r.delegation_id for r in registrations if r.delegation_id}
    event_ids = {r.event_id for r in registrations if r.event_id}
    questions = Question.objects.filter(delegation_id__in=delegation_ids) | (
        Question.objects.filter(event_id__in=event_ids)
    )
    questions = questions.select_related("delegation", "event").order_by(
        "delegation_id", "event_id", "position", "id"
    )
    columns = [
        QuestionColumn(
            key=("question", question.pk),
            header=f"{question.delegation or question.event} — {question.label}"
            if several
            else str(question.label),
        )
        for question in questions
    ]
    gone = {}
    for registration in registrations:
        for answer in registration.answers.all():
            if answer.question_id is None:
                key = ("gone", _occasion_key(registration), answer.label)
                header = f"{registration.occasion} — {answer.label}" if several else answer.label
                gone.setdefault(key, QuestionColumn(key=key, header=header))
    return [*columns, *gone.values()]


def _occasion_key(registration) -> tuple:
    return ("delegation", registration.delegation_id, "event", registration.event_id)


def _answer_key(registration, answer) -> tuple:
    if answer.question_id is not None:
        return ("question", answer.question_id)
    return ("gone", _occasion_key(registration), answer.label)


def answer_value(answer) -> Any:
    """The answer as the spreadsheet should hold it: a date, a number, yes or no in the
    staff member's language, the choices on one line, or the link to its file (it opens
    for staff only)."""
    kind, value = answer.kind, answer.value.strip()
    if kind == Question.Kind.FILE:
        if not answer.file:
            return ""
        return site_url(reverse("admin:events_registration_answer_file", args=[answer.pk]))
    if not value:
        return ""
    if kind == Question.Kind.DATE:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if kind == Question.Kind.NUMBER:
        try:
            number = decimal.Decimal(value)
        except decimal.InvalidOperation:
            return value
        return int(number) if number == number.to_integral_value() else number
    if kind == Question.Kind.YES_NO and value.lower() in ("yes", "no", "true", "false", "1", "0"):
        return _yes_no(value.lower() in ("yes", "true", "1"))
    if kind == Question.Kind.MULTIPLE_CHOICE:
        return "; ".join(line.strip() for line in value.splitlines() if line.strip())
    return value


def export_queryset(queryset):
    """The registrations with what the export reads, in a fixed number of queries."""
    return (
        queryset.select_related("delegation__fair", "event")
        .prefetch_related(
            Prefetch("attendees", queryset=Attendee.objects.order_by("position", "id")),
            Prefetch("answers", queryset=Answer.objects.order_by("position", "id")),
        )
        .order_by("created_at", "id")
    )


def table(queryset) -> tuple[list[Column], list[list[Any]]]:
    """The headers and the rows of the export of ``queryset``, in the active language."""
    registrations = list(export_queryset(queryset))
    occasions = {_occasion_key(registration) for registration in registrations}
    any_fair = any(registration.delegation_id for registration in registrations)
    questions = _question_columns(registrations, several=len(occasions) > 1)

    columns = [
        Column(_("No."), 8),
        Column(_("Event or delegation"), 30),
        *([Column(capfirst(_("fair")), 24)] if any_fair else []),
        Column(_field_header("status"), 14),
        Column(_field_header("company_name"), 28),
        Column(_field_header("contact_name"), 22),
        Column(_field_header("email"), 28),
        Column(_field_header("phone"), 18),
        Column(_field_header("website"), 26),
        Column(_field_header("sector"), 18),
        Column(_field_header("pitch"), 50),
        Column(_field_header("seats"), 8),
        Column(_("Attendees"), 30),
        Column(_field_header("language"), 12),
        Column(_field_header("consent"), 10),
        Column(_field_header("consented_at"), 18),
        Column(_field_header("created_at"), 18),
        Column(_field_header("updated_at"), 18),
        Column(_field_header("staff_notes"), 30),
        *(Column(question.header, 24) for question in questions),
    ]
    rows = []
    for registration in registrations:
        answers = {}
        for answer in registration.answers.all():
            answers.setdefault(_answer_key(registration, answer), []).append(answer_value(answer))
        delegation = registration.delegation
        rows.append(
            [
                registration.pk,
                str(registration.occasion),
                *([delegation.fair.name if delegation else ""] if any_fair else []),
                registration.get_status_display(),
                registration.company_name,
                registration.contact_name,
                registration.email,
                Phone(registration.phone),
                registration.website,
                registration.sector,
                registration.pitch,
                registration.seats,
                ", ".join(attendee.name for attendee in registration.attendees.all()),
                registration.get_language_display(),
                _yes_no(registration.consent),
                registration.consented_at,
                registration.created_at,
                registration.updated_at,
                registration.staff_notes,
                *(_joined(answers.get(question.key, [])) for question in questions),
            ]
        )
    return columns, rows


def _joined(values: list) -> Any:
    if len(values) == 1:
        return values[0]
    return "; ".join(str(value) for value in values)


def filename(extension: str) -> str:
    return f"{_('registrations')}-{timezone.localdate().isoformat()}.{extension}"


# -- CSV -------------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """``text`` with an apostrophe before every formula character a cell could start with,
    whichever separator splits it (see the module's docstring)."""
    return FORMULA_START.sub(lambda match: match.group(1) + match.group(2) + "'", text)


def cell(value) -> str:
    """One value as CSV text that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, int | decimal.Decimal | float):
        return str(value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, Phone) and PHONE_SHAPE.match(text):
        return " " + text if text.startswith(("+", "-")) else text
    return neutralise(text)


def list_separator() -> str:
    """The separator Excel expects in the active language."""
    return ";" if (translation.get_language() or "").startswith("fr") else ","


def registrations_csv(queryset) -> HttpResponse:
    """A CSV download of the registrations in ``queryset``."""
    columns, rows = table(queryset)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename("csv"))
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=list_separator(), quoting=csv.QUOTE_ALL)
    writer.writerow([cell(column.header) for column in columns])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return response


# -- XLSX ------------------------------------------------------------------------------------


def _xlsx_value(sheet_cell, value) -> None:
    """Put ``value`` in ``sheet_cell`` with its type: text is always text."""
    if value is None or value == "":
        return
    if isinstance(value, datetime.datetime):
        sheet_cell.value = _local(value)
        sheet_cell.number_format = DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        sheet_cell.value = value
        sheet_cell.number_format = DATE_FORMAT
    elif isinstance(value, bool):
        sheet_cell.value = _yes_no(value)
        sheet_cell.data_type = "s"
    elif isinstance(value, int | decimal.Decimal | float):
        sheet_cell.value = value
    else:
        # openpyxl takes a text starting with "=" for a formula unless told it is text.
        # A line break inside a cell is a line feed in spreadsheets; a lone carriage
        # return would be written (or dropped) differently by each XML writer.
        text = str(value).replace("\r\n", "\n").replace("\r", "\n")
        sheet_cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
        sheet_cell.data_type = "s"


def registrations_xlsx(queryset) -> HttpResponse:
    """An XLSX download of the registrations in ``queryset``: one sheet, a bold header
    row that stays in view."""
    columns, rows = table(queryset)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    bold = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        header = sheet.cell(row=1, column=index)
        _xlsx_value(header, column.header)
        header.font = bold
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_index, row in enumerate(rows, start=2):
        for index, value in enumerate(row, start=1):
            _xlsx_value(sheet.cell(row=row_index, column=index), value)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    content = io.BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename("xlsx"))
    return response
