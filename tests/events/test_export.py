"""Exports of registrations: XLSX read back with openpyxl, CSV parsed with both list
separators; headers and values in the staff member's language, one column per question,
dates as dates, phones as text, no formula anywhere."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.export import FORMULA_START, cell, neutralise
from events.models import Question, Registration
from tests.events.staff_support import (
    AnswerFactory,
    AttendeeFactory,
    EventFactory,
    EventRegistrationFactory,
    QuestionFactory,
    staff_member,
)
from tests.support.factories import DelegationFactory, FairFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status
CHANGELIST = "admin:events_registration_changelist"
EXPORT = "admin:events_registration_export"
EXPORT_XLSX = "admin:events_registration_export_xlsx"
FORMULA_CHARACTERS = ("=", "+", "-", "@")
# Values that try to become formulas, alone or after a separator of either locale.
ATTACKS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    ",=cmd|' /C calc'!A0",
    ";=cmd|' /C calc'!A0",
    'x","=1+1',
    'x";"=1+1',
    "first line\n=1+1",
    "a, -1",
    'quoted "@x" and ;"+y"',
]


def csv_text(response) -> str:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # the BOM that tells Excel it is UTF-8
    return text[1:]


def parse_csv(response) -> list[dict]:
    text = csv_text(response)
    header = text.splitlines()[0]
    delimiter = ";" if '";"' in header else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def every_cell(text: str, delimiter: str) -> list[str]:
    """Every cell a program splitting on ``delimiter`` reads; any line break ends a row,
    as in a spreadsheet (a bare CR too, once quotes no longer hold)."""
    rows = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)
    return [value for row in rows for value in row]


def read_xlsx(response):
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert ".xlsx" in response["Content-Disposition"]
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


@pytest.fixture
def registrations():
    delegation = DelegationFactory(
        title_fr="Startups coréennes",
        title_en="Korean startups",
        fair=FairFactory(name_fr="Maison & Objet", name_en="Maison & Objet"),
    )
    sector = QuestionFactory(
        delegation=delegation,
        kind=Question.Kind.SHORT_TEXT,
        label_fr="Votre secteur ?",
        label_en="Your sector?",
        position=1,
    )
    founded = QuestionFactory(
        delegation=delegation,
        kind=Question.Kind.DATE,
        label_fr="Date de création",
        label_en="Founded on",
        position=2,
    )
    deck = QuestionFactory(
        delegation=delegation,
        kind=Question.Kind.FILE,
        label_fr="Présentation",
        label_en="Pitch deck",
        position=3,
    )
    received = datetime.datetime(2026, 9, 1, 10, 30, tzinfo=datetime.UTC)
    first = RegistrationFactory(
        delegation=delegation,
        company_name="Hanji Atelier — 한지 공방",
        contact_name="Kim Min-ji",
        email="minji@example.com",
        phone="+82 10 1234 5678",
        pitch='Lamps, with commas, "quotes"\nand a new line.',
        status=Status.ACCEPTED,
        seats=2,
        created_at=received,
        consented_at=received,
        staff_notes='=HYPERLINK("http://evil.example")',
    )
    AttendeeFactory(registration=first, name="Kim Min-ji", position=0)
    AttendeeFactory(registration=first, name="Élodie Park", position=1)
    AnswerFactory(registration=first, question=sector, value="Lighting")
    AnswerFactory(registration=first, question=founded, value="2019-03-14")
    file_answer = AnswerFactory(registration=first, question=deck)
    file_answer.file.save("deck.pdf", ContentFile(b"%PDF-1.4"), save=True)
    # The answer to a question since deleted keeps its own column.
    AnswerFactory(
        registration=first,
        question=None,
        label="Budget ?",
        kind=Question.Kind.NUMBER,
        value="1500",
    )
    second = RegistrationFactory(
        delegation=delegation, status=Status.WAITLISTED, company_name="@Moa Home"
    )
    AnswerFactory(registration=second, question=sector, value="-Ceramics, =1+1")
    elsewhere = RegistrationFactory(status=Status.REJECTED, company_name="Elsewhere Inc.")
    return [first, second, elsewhere]


def export_selected(client, registrations, action="export_selected", language="en"):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [r.pk for r in registrations]},
        headers={"accept-language": language},
    )


class TestCsv:
    def test_headers_and_values_in_the_staff_members_language(self, admin_client, registrations):
        rows = parse_csv(export_selected(admin_client, registrations[:2], language="fr"))
        assert len(rows) == 2
        header = list(rows[0])
        for label in [
            "Événement ou délégation",
            "Salon",
            "Statut",
            "Nom de l'entreprise",
            "Téléphone",
            "Participants",
            "Votre secteur ?",
            "Date de création",
            "Présentation",
            "Budget ?",
        ]:
            assert label in header, label
        assert "company_name" not in header and "status" not in header
        first = rows[0]
        assert first["Statut"] == "Acceptée"
        assert rows[1]["Statut"] == "Sur liste d'attente"
        assert first["Événement ou délégation"] == "Startups coréennes"
        assert first["Nom de l'entreprise"] == "Hanji Atelier — 한지 공방"
        assert first["Présentation courte"] == 'Lamps, with commas, "quotes"\nand a new line.'
        assert first["Participants"] == "Kim Min-ji, Élodie Park"
        assert first["Consentement au traitement des données"] == "Oui"
        assert first["Langue"] == "Anglais"
        assert first["Votre secteur ?"] == "Lighting"
        assert first["Date de création"] == "2019-03-14"
        assert first["Budget ?"] == "1500"
        answer = registrations[0].answers.get(kind=Question.Kind.FILE)
        assert first["Présentation"].endswith(
            reverse("admin:events_registration_answer_file", args=[answer.pk])
        )

    def test_dates_are_iso_and_phones_have_no_apostrophe(self, admin_client, registrations):
        rows = parse_csv(export_selected(admin_client, registrations[:1]))
        first = rows[0]
        # ISO 8601, in the site's time zone with its offset.
        assert first["Received"] == "2026-09-01T19:30:00+09:00"
        assert datetime.datetime.fromisoformat(first["Received"]) == registrations[0].created_at
        assert first["Telephone"].strip() == "+82 10 1234 5678"
        assert not first["Telephone"].startswith("'")
        assert not first["Telephone"].startswith(FORMULA_CHARACTERS)
        # A value that would be a formula is marked as text.
        assert first["Staff notes"] == '\'=HYPERLINK("http://evil.example")'

    def test_every_field_is_quoted(self, admin_client, registrations):
        text = csv_text(export_selected(admin_client, registrations))
        for line in text.splitlines()[:1]:
            assert line.startswith('"') and line.endswith('"')
        assert '","No."' not in text
        assert text.startswith('"No.","Event or delegation"')

    @pytest.mark.parametrize(("language", "separator"), [("fr", ";"), ("en", ",")])
    def test_the_list_separator_of_the_staff_language(
        self, admin_client, registrations, language, separator
    ):
        response = admin_client.get(reverse(EXPORT), headers={"accept-language": language})
        header = csv_text(response).splitlines()[0]
        assert header.startswith(f'"{"N°" if language == "fr" else "No."}"{separator}"')
        assert len(parse_csv(response)) == len(registrations)

    @pytest.mark.parametrize("language", ["fr", "en", "ko"])
    def test_no_cell_starts_a_formula_whatever_the_separator(self, admin_client, language):
        event = EventFactory()
        question = QuestionFactory(event=event, kind=Question.Kind.LONG_TEXT)
        for index, attack in enumerate(ATTACKS):
            registration = EventRegistrationFactory(
                event=event,
                company_name=attack,
                contact_name=f"{attack} {index}",
                sector=attack,
                pitch=f"Intro; {attack}\n- a bullet\n@mention",
                staff_notes=attack,
                phone=attack[:40],
            )
            AttendeeFactory(registration=registration, name=attack)
            AnswerFactory(registration=registration, question=question, value=attack)
        text = csv_text(admin_client.get(reverse(EXPORT), headers={"accept-language": language}))
        for delimiter in (",", ";"):
            cells = every_cell(text, delimiter)
            assert len(cells) > len(ATTACKS)
            dangerous = [value for value in cells if value.startswith(FORMULA_CHARACTERS)]
            assert dangerous == [], (delimiter, dangerous)
            assert not [value for value in cells if value.startswith(("\t", "\r"))]

    def test_the_rule_marks_only_what_could_start_a_cell(self):
        assert neutralise("Lamps and paper") == "Lamps and paper"
        assert neutralise("2019-03-14 - 2020") == "2019-03-14 - 2020"
        assert neutralise("=1+1") == "'=1+1"
        assert neutralise(",=cmd") == ",'=cmd"
        assert neutralise('x;"@y') == "x;\"'@y"
        assert neutralise("a\n- b") == "a\n'- b"
        assert cell(-5) == "-5"  # a number we write is never a formula
        assert not FORMULA_START.search("plain text, no risk")

    def test_export_the_filtered_list(self, admin_client, registrations):
        changelist = admin_client.get(reverse(CHANGELIST), {"status__exact": "waitlisted"})
        export = reverse(EXPORT)
        export_xlsx = reverse(EXPORT_XLSX)
        content = changelist.content.decode()
        assert f'href="{export}?status__exact=waitlisted"' in content
        assert f'href="{export_xlsx}?status__exact=waitlisted"' in content
        english = {"accept-language": "en"}
        rows = parse_csv(admin_client.get(export, {"status__exact": "waitlisted"}, headers=english))
        assert [row["Company name"] for row in rows] == ["'@Moa Home"]
        searched = parse_csv(admin_client.get(export, {"q": "Elsewhere"}, headers=english))
        assert [row["Company name"] for row in searched] == ["Elsewhere Inc."]
        assert len(parse_csv(admin_client.get(export))) == 3

    def test_several_occasions_name_their_questions(self, admin_client, registrations):
        rows = parse_csv(admin_client.get(reverse(EXPORT), headers={"accept-language": "en"}))
        header = list(rows[0])
        assert "Korean startups — Your sector?" in header
        assert "Fair" in header


class TestXlsx:
    def test_read_back(self, admin_client, registrations):
        sheet = read_xlsx(
            export_selected(admin_client, registrations[:2], "export_selected_xlsx", "fr")
        )
        rows = list(sheet.iter_rows())
        header = [c.value for c in rows[0]]
        assert header[:4] == ["N°", "Événement ou délégation", "Salon", "Statut"]
        assert "Votre secteur ?" in header and "Budget ?" in header
        first = dict(zip(header, rows[1], strict=True))
        assert first["Statut"].value == "Acceptée"
        # Dates are dates, in the site's time zone.
        received = first["Reçue le"]
        assert received.value == datetime.datetime(2026, 9, 1, 19, 30)
        assert received.is_date
        assert received.number_format == "yyyy-mm-dd hh:mm"
        founded = first["Date de création"]
        assert founded.is_date
        assert founded.value.date() == datetime.date(2019, 3, 14)
        # Phones are text without a mark; formulas stay text.
        phone = first["Téléphone"]
        assert (phone.value, phone.data_type) == ("+82 10 1234 5678", "s")
        notes = first["Notes internes"]
        assert (notes.value, notes.data_type) == ('=HYPERLINK("http://evil.example")', "s")
        assert first["Places"].value == 2
        assert first["Budget ?"].value == 1500
        assert first["Participants"].value == "Kim Min-ji, Élodie Park"
        assert rows[2][header.index("Nom de l'entreprise")].value == "@Moa Home"

    def test_no_cell_is_a_formula(self, admin_client):
        event = EventFactory()
        for attack in ATTACKS:
            EventRegistrationFactory(
                event=event, company_name=attack, staff_notes=attack, phone=attack[:40]
            )
        response = admin_client.get(reverse(EXPORT_XLSX), headers={"accept-language": "en"})
        sheet = read_xlsx(response)
        cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
        assert cells
        assert [c.coordinate for c in cells if c.data_type == "f"] == []
        column = [c.value for c in sheet[1]].index("Company name")
        companies = [row[column].value for row in sheet.iter_rows(min_row=2)]
        # A carriage return reaches the file as written, or as a line feed where the XML
        # writer leaves it raw (openpyxl without lxml) and the reader normalises it.
        assert sorted(c.replace("\r", "\n") for c in companies) == sorted(
            attack.replace("\r", "\n") for attack in ATTACKS
        )

    def test_the_filtered_list(self, admin_client, registrations):
        sheet = read_xlsx(admin_client.get(reverse(EXPORT_XLSX), {"status__exact": "rejected"}))
        assert sheet.max_row == 2
        assert "Elsewhere Inc." in [c.value for c in sheet[2]]


def test_exports_need_their_own_permission(client, registrations):
    user = staff_member(
        "staff", permissions=["events.view_registration", "events.change_registration"]
    )
    client.force_login(user)
    export, export_xlsx = reverse(EXPORT), reverse(EXPORT_XLSX)
    assert client.get(export).status_code == 403
    assert client.get(export_xlsx).status_code == 403
    changelist = client.get(reverse(CHANGELIST)).content.decode()
    assert export not in changelist and export_xlsx not in changelist
    assert "export_selected" not in changelist
    response = client.post(
        reverse(CHANGELIST),
        {"action": "export_selected_xlsx", "_selected_action": [registrations[0].pk]},
    )
    assert response.get("Content-Type", "").startswith("text/html")
    user.user_permissions.add(Permission.objects.get(codename="export_registration"))
    assert client.get(export).status_code == 200
    assert client.get(export_xlsx).status_code == 200


@pytest.mark.parametrize("export", [EXPORT, EXPORT_XLSX])
def test_export_queries_do_not_grow_with_the_rows(admin_client, export):
    event = EventFactory()
    question = QuestionFactory(event=event)

    def add(count):
        for _ in range(count):
            registration = EventRegistrationFactory(event=event)
            AttendeeFactory.create_batch(2, registration=registration)
            AnswerFactory(registration=registration, question=question, value="x")
            RegistrationFactory()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(reverse(export)).status_code == 200
        return len(captured.captured_queries)

    add(2)
    few = queries()
    add(10)
    assert queries() == few
