"""A startup answers a delegation's own questions and sends its pitch deck, in a real
browser; then a member of staff reads the answers on the registration's page in the admin,
downloads the deck and accepts the registration with its button."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader, PdfWriter

from events.models import Question, Registration
from tests.support.factories import DelegationFactory
from tests.support.htmlpage import object_url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-password-1"


@pytest.fixture
def delegation():
    delegation = DelegationFactory(
        title_fr="Délégation de startups coréennes à Maison & Objet",
        title_en="Korean startups delegation at Maison & Objet",
        slug_fr="startups-coreennes-maison-objet",
        slug_en="korean-startups-maison-objet",
        capacity=4,
    )
    Question.objects.create(
        delegation=delegation,
        kind=Question.Kind.SINGLE_CHOICE,
        label_fr="Famille de produits",
        label_en="Product family",
        choices_fr="Luminaires\nArts de la table\nTextiles",
        choices_en="Lighting\nTableware\nTextiles",
        required=True,
        position=0,
    )
    Question.objects.create(
        delegation=delegation,
        kind=Question.Kind.FILE,
        label_fr="Présentation de l'entreprise (PDF)",
        label_en="Pitch deck (PDF)",
        required=True,
        position=1,
    )
    return delegation


def pitch_deck(folder) -> str:
    writer = PdfWriter()
    writer.add_blank_page(width=842, height=595)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = folder / "hanji-atelier-deck.pdf"
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_a_startup_answers_the_questions_and_staff_accept_it(
    live_server, page, console_errors, delegation, admin_user, tmp_path, frozen_clock
):
    page.goto(live_server.url + object_url(delegation, "en"))
    # The way to the form is at the top of the page.
    page.click(".register-cta a")
    assert page.url.endswith("#register")

    page.fill("input[name=company_name]", "Hanji Atelier")
    page.fill("input[name=contact_name]", "Kim Min-ji")
    page.fill("input[name=email]", "minji@example.com")
    page.fill("input[name=phone]", "+82 10 1234 5678")
    page.fill("input[name=sector]", "Lighting")
    page.fill("textarea[name=pitch]", "Lamps made of hanji, the Korean mulberry paper.")
    page.check("input[name=consent]")
    # Sent without the organiser's answers: the summary lists both questions and each
    # field is marked.
    with page.expect_navigation():
        page.click(".registration-form button[type=submit]")
    summary = page.locator("#error-summary")
    page.wait_for_load_state("load")
    focused = page.locator("#error-summary:focus")
    focused.wait_for()
    assert focused.count() == 1
    assert "Product family" in summary.inner_text()
    assert "Pitch deck (PDF)" in summary.inner_text()
    assert page.locator("input[type=file][aria-invalid=true]").count() == 1
    assert Registration.objects.count() == 0

    page.check("label:has-text('Tableware') input")
    page.set_input_files("input[type=file]", pitch_deck(tmp_path))
    if not page.is_checked("input[name=consent]"):
        page.check("input[name=consent]")
    page.click(".registration-form button[type=submit]")
    page.wait_for_url(re.compile(r"/en/events/registration/[^/]+/(#register)?$"))
    answers = page.inner_text(".answers")
    assert "Tableware" in answers
    assert "hanji-atelier-deck.pdf" in answers

    registration = Registration.objects.get()
    assert registration.status == Registration.Status.SUBMITTED
    deck = registration.answers.get(kind=Question.Kind.FILE)
    # The deck is kept privately, under a name nobody can guess.
    assert "hanji-atelier-deck" not in deck.file.name
    assert not deck.file.url.startswith("/media/")
    assert console_errors == []

    # Staff read the answers on the registration's page and accept it there.
    admin_user.set_password(PASSWORD)
    admin_user.save()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    page.goto(live_server.url + reverse("admin:events_registration_change", args=[registration.pk]))
    panel = page.locator("#registration-answers")
    assert "Tableware" in panel.inner_text()
    with page.expect_download() as download:
        panel.locator("a:has-text('hanji-atelier-deck.pdf')").click()
    assert len(PdfReader(download.value.path()).pages) == 1

    verbs = page.locator(".registration-action").evaluate_all(
        "forms => forms.map(form => form.className.match(/registration-action-(\\w+)/)[1])"
    )
    assert "accept" in verbs
    with page.expect_navigation():
        page.click(".registration-action-accept button")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ACCEPTED
    assert "accept" not in page.locator(".registration-actions").inner_text().lower().split()
