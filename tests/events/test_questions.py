"""The organiser's questions: every kind asked, answered and refused in each language;
PDF answers checked by their content and stored privately; answers that outlive the
question's later changes."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from pypdf import PdfWriter

from chamber.toolkit.storage import private_storage
from events import links, services
from events.forms import RegistrationForm
from events.models import Answer, Question, Registration
from tests.events.factories import EventFactory, QuestionFactory
from tests.support.factories import DelegationFactory, image_file
from tests.support.htmlpage import Page, object_url

pytestmark = pytest.mark.django_db
Kind = Question.Kind

BASE = {
    "company_name": "Hanji Atelier",
    "contact_name": "Kim Min-ji",
    "email": "minji@example.com",
    "phone": "+82 10 1234 5678",
    "website": "",
    "sector": "Lighting",
    "pitch": "Lamps made of hanji paper.",
    "consent": "on",
    "homepage": "",
}
CHOICES = {
    "fr": "Salon\nSéminaire\nDîner",
    "en": "Fair\nSeminar\nDinner",
    "ko": "전시회\n세미나\n만찬",
}


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf(name="pitch-deck.pdf", content=None):
    return SimpleUploadedFile(name, content or pdf_bytes(), content_type="application/pdf")


def png_named_pdf():
    """A PNG image renamed .pdf, claiming to be a PDF."""
    return SimpleUploadedFile("deck.pdf", image_file().read(), content_type="application/pdf")


def question(kind, **extra):
    event = extra.pop("event", None) or EventFactory()
    choices = {f"choices_{code}": text for code, text in CHOICES.items()}
    return QuestionFactory(event=event, kind=kind, **choices, **extra)


def form_for(question, value, language, files=None):
    with translation.override(language):
        data = dict(BASE)
        if value is not None:
            data[f"question_{question.pk}"] = value
        form = RegistrationForm(question.event, data, files or {})
        form.is_valid()
        return form


# The answer each kind accepts, and what is kept of it, per language.
VALID = [
    (
        Kind.SHORT_TEXT,
        "Seoul office",
        {"fr": "Seoul office", "en": "Seoul office", "ko": "Seoul office"},
    ),
    (Kind.LONG_TEXT, "Line one\nLine two", dict.fromkeys(CHOICES, "Line one\nLine two")),
    (Kind.SINGLE_CHOICE, "1", {"fr": "Séminaire", "en": "Seminar", "ko": "세미나"}),
    (
        Kind.MULTIPLE_CHOICE,
        ["0", "2"],
        {"fr": "Salon\nDîner", "en": "Fair\nDinner", "ko": "전시회\n만찬"},
    ),
    (Kind.YES_NO, "no", dict.fromkeys(CHOICES, "no")),
    (Kind.NUMBER, "1500.50", dict.fromkeys(CHOICES, "1500.5")),
    (Kind.DATE, "2025-06-12", dict.fromkeys(CHOICES, "2025-06-12")),
]

# A refused answer and the message, per language.
INVALID = [
    (
        Kind.SHORT_TEXT,
        "x" * 256,
        {
            "fr": "Assurez-vous que cette valeur comporte au plus 255 caractères "
            "(actuellement 256).",
            "en": "Ensure this value has at most 255 characters (it has 256).",
            "ko": "이 값이 최대 255 개의 글자인지 확인하세요(입력값 256 자).",
        },
    ),
    (
        Kind.LONG_TEXT,
        "x" * 2001,
        {
            "fr": "Assurez-vous que cette valeur comporte au plus 2000 caractères "
            "(actuellement 2001).",
            "en": "Ensure this value has at most 2000 characters (it has 2001).",
            "ko": "이 값이 최대 2000 개의 글자인지 확인하세요(입력값 2001 자).",
        },
    ),
    (
        Kind.SINGLE_CHOICE,
        "7",
        {
            "fr": "Sélectionnez un choix valide. 7 n’en fait pas partie.",
            "en": "Select a valid choice. 7 is not one of the available choices.",
            "ko": "올바르게 선택해 주세요. 7 이/가 선택가능항목에 없습니다.",
        },
    ),
    (
        Kind.MULTIPLE_CHOICE,
        ["9"],
        {
            "fr": "Sélectionnez un choix valide. 9 n’en fait pas partie.",
            "en": "Select a valid choice. 9 is not one of the available choices.",
            "ko": "올바르게 선택해 주세요. 9 이/가 선택가능항목에 없습니다.",
        },
    ),
    (
        Kind.YES_NO,
        None,
        {
            "fr": "Veuillez répondre par oui ou par non.",
            "en": "Please answer yes or no.",
            "ko": "예 또는 아니요 중 하나를 선택해 주세요.",
        },
    ),
    (
        Kind.NUMBER,
        "twelve",
        {"fr": "Saisissez un nombre.", "en": "Enter a number.", "ko": "숫자를 입력하세요."},
    ),
    (
        Kind.DATE,
        "12/06/2025",
        {
            "fr": "Saisissez une date valide, par exemple 2025-06-12.",
            "en": "Enter a valid date, such as 2025-06-12.",
            "ko": "올바른 날짜를 입력하세요(예: 2025-06-12).",
        },
    ),
    (
        Kind.SHORT_TEXT,
        "",
        {
            "fr": "Ce champ est obligatoire.",
            "en": "This field is required.",
            "ko": "필수 항목입니다.",
        },
    ),
]
NOT_PDF = {
    "fr": "Ce fichier n’est pas un document PDF. Veuillez envoyer votre document au format PDF.",
    "en": "This file is not a PDF document. Please send your document as a PDF file.",
    "ko": "이 파일은 PDF 문서가 아닙니다. 문서를 PDF 파일로 보내 주세요.",
}
TOO_LARGE = {
    "fr": "Ce fichier est trop volumineux",
    "en": "This file is too large",
    "ko": "파일이 너무 큽니다",
}


@pytest.mark.parametrize("language", ["fr", "en", "ko"])
@pytest.mark.parametrize(("kind", "value", "kept"), VALID, ids=[row[0] for row in VALID])
def test_every_kind_accepts_an_answer_and_keeps_its_text(kind, value, kept, language):
    asked = question(kind)
    form = form_for(asked, value, language)
    assert form.is_valid(), form.errors
    with translation.override(language):
        (answer,) = form.answers()
    assert answer.question == asked
    assert answer.value == kept[language]


@pytest.mark.parametrize("language", ["fr", "en", "ko"])
@pytest.mark.parametrize(
    ("kind", "value", "messages"), INVALID, ids=[f"{row[0]}-{i}" for i, row in enumerate(INVALID)]
)
def test_every_kind_refuses_a_wrong_answer_in_the_visitors_language(
    kind, value, messages, language
):
    asked = question(kind)
    form = form_for(asked, value, language)
    assert not form.is_valid()
    with translation.override(language):
        assert form.errors[f"question_{asked.pk}"] == [messages[language]]


@pytest.mark.parametrize("language", ["fr", "en", "ko"])
def test_a_yes_no_question_accepts_no_and_an_optional_one_no_answer(language):
    required = question(Kind.YES_NO)
    assert form_for(required, "no", language).is_valid()
    assert not form_for(required, "maybe", language).is_valid()
    optional = question(Kind.YES_NO, required=False)
    form = form_for(optional, None, language)
    assert form.is_valid(), form.errors
    assert form.answers()[0].value == ""


@pytest.mark.parametrize("language", ["fr", "en", "ko"])
def test_questions_are_asked_in_order_in_the_active_language(language):
    event = EventFactory()
    second = QuestionFactory(event=event, position=2, label_en="Second?", label_fr="Deuxième ?")
    first = QuestionFactory(
        event=event,
        position=1,
        label_en="First?",
        label_fr="Première ?",
        label_ko="첫째?",
        help_text_en="Say it",
        help_text_fr="Dites-le",
        help_text_ko="말해 주세요",
    )
    with translation.override(language):
        form = RegistrationForm(event)
        fields = form.question_fields
    assert [field.name for field in fields] == [f"question_{first.pk}", f"question_{second.pk}"]
    assert fields[0].label == {"fr": "Première ?", "en": "First?", "ko": "첫째?"}[language]
    assert {"fr": "Dites-le", "en": "Say it", "ko": "말해 주세요"}[language] in fields[0].help_text


class TestFiles:
    @pytest.mark.parametrize("language", ["fr", "en", "ko"])
    def test_a_png_renamed_pdf_is_refused(self, language):
        asked = question(Kind.FILE)
        form = form_for(asked, None, language, files={f"question_{asked.pk}": png_named_pdf()})
        with translation.override(language):
            assert form.errors[f"question_{asked.pk}"] == [NOT_PDF[language]]

    def test_a_file_with_the_signature_but_no_pdf_inside_is_refused(self):
        asked = question(Kind.FILE)
        fake = SimpleUploadedFile("deck.pdf", b"%PDF-1.7\nnot really a pdf\n%%EOF\n")
        form = form_for(asked, None, "en", files={f"question_{asked.pk}": fake})
        assert form.errors[f"question_{asked.pk}"] == [NOT_PDF["en"]]

    @pytest.mark.parametrize("language", ["fr", "en", "ko"])
    def test_a_file_over_the_limit_is_refused(self, language, settings):
        settings.ANSWER_FILE_MAX_BYTES = 200
        asked = question(Kind.FILE)
        form = form_for(asked, None, language, files={f"question_{asked.pk}": pdf()})
        with translation.override(language):
            (message,) = form.errors[f"question_{asked.pk}"]
        assert message.startswith(TOO_LARGE[language])

    def test_the_default_limit_is_ten_mebibytes(self):
        assert settings.ANSWER_FILE_MAX_BYTES == 10 * 1024 * 1024

    def test_a_pdf_is_stored_privately_under_a_random_name(
        self, client, django_capture_on_commit_callbacks
    ):
        asked = question(Kind.FILE)
        data = {**BASE, f"question_{asked.pk}": pdf("Our deck (final).pdf")}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(object_url(asked.event, "en"), data)
        assert response.status_code == 302
        answer = Answer.objects.get()
        assert answer.value == "Our_deck_final.pdf"  # the name it had, made safe
        name = answer.file.name
        assert name.startswith("registrations/") and name.endswith(".pdf")
        assert "deck" not in name.lower()
        storage = private_storage()
        assert storage.exists(name)
        location = Path(storage.path(name)).resolve()
        assert not location.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
        assert location.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
        # Its link is signed by the private storage, never a public media URL.
        url = answer.file.url
        assert not url.startswith(settings.MEDIA_URL) and "/media/" not in url
        assert name not in url
        with storage.open(name) as stored:
            assert stored.read().startswith(b"%PDF-")

    def test_a_refused_registration_leaves_no_file_behind(self):
        asked = question(Kind.FILE)
        data = {**{key: BASE[key] for key in BASE if key != "homepage"}, "consent": True}

        def register():
            answer = services.AnswerInput(question=asked, value="a.pdf", file=pdf())
            return services.register(asked.event, data, answers=[answer], language="en")

        registration = register()
        kept = stored_files()
        assert registration.answers.get().file.name in kept
        with pytest.raises(services.AlreadyRegistered):
            register()
        assert stored_files() == kept


def stored_files(folder="registrations") -> set:
    """Every file under ``folder`` of the private storage."""
    storage = private_storage()
    if not storage.exists(folder):
        return set()
    folders, files = storage.listdir(folder)
    found = {f"{folder}/{name}" for name in files}
    for sub in folders:
        found |= stored_files(f"{folder}/{sub}")
    return found


class TestAnswersKept:
    def register(self, event, answers, language="en"):
        data = {key: value for key, value in BASE.items() if key != "homepage"}
        return services.register(
            event, {**data, "consent": True}, answers=answers, language=language
        )

    def test_editing_or_deleting_a_question_never_changes_the_answers(self):
        event = EventFactory()
        choice = question(Kind.SINGLE_CHOICE, event=event, label_en="Which day?")
        text = question(Kind.SHORT_TEXT, event=event, label_en="Your city?")
        with translation.override("en"):
            form = RegistrationForm(
                event,
                {**BASE, f"question_{choice.pk}": "2", f"question_{text.pk}": "Busan"},
            )
            assert form.is_valid(), form.errors
            registration = self.register(event, form.answers())
        choice.label_en = "Which evening?"
        choice.choices_en = "Monday\nTuesday\nWednesday"
        choice.kind = Kind.MULTIPLE_CHOICE
        choice.save()
        text.delete()
        kept = list(registration.answers.values_list("label", "kind", "value", "question"))
        assert kept == [
            ("Which day?", Kind.SINGLE_CHOICE, "Dinner", choice.pk),
            ("Your city?", Kind.SHORT_TEXT, "Busan", None),
        ]

    def test_answers_keep_the_words_of_the_registrants_language(self):
        event = EventFactory()
        choice = question(Kind.MULTIPLE_CHOICE, event=event, label_ko="어떤 행사?")
        with translation.override("ko"):
            form = RegistrationForm(event, {**BASE, f"question_{choice.pk}": ["0", "1"]})
            assert form.is_valid(), form.errors
            registration = self.register(event, form.answers(), language="ko")
        answer = registration.answers.get()
        assert (answer.label, answer.value) == ("어떤 행사?", "전시회\n세미나")

    def test_the_private_page_shows_the_answers_in_words(self, client):
        event = EventFactory()
        yes_no = question(Kind.YES_NO, event=event, label_en="Vegetarian?", label_fr="Végétarien ?")
        deck = question(Kind.FILE, event=event, label_en="Your deck", required=False)
        with translation.override("fr"):
            form = RegistrationForm(
                event,
                {**BASE, f"question_{yes_no.pk}": "yes"},
                {f"question_{deck.pk}": pdf("deck.pdf")},
            )
            assert form.is_valid(), form.errors
            registration = self.register(event, form.answers(), language="fr")
        assert registration.answers.get(kind=Kind.YES_NO).value == "yes"  # canonical
        page = Page(client.get(links.private_path(registration, "fr")))
        answers = page.one("dl", class_="answers")
        rows = [
            " ".join(f"{row.one('dt').text} {row.one('dd').text}".split())
            for row in answers.find_all("div")
        ]
        text = " | ".join(rows)
        assert "Végétarien ? Oui" in text
        assert "deck.pdf" in text
        # The registrant sees the name of their file, not a link to it.
        assert answers.find("a") is None

    def test_a_delegation_asks_its_own_questions(self, client, django_capture_on_commit_callbacks):
        delegation = DelegationFactory()
        asked = QuestionFactory(event=None, delegation=delegation, label_en="Booth size?")
        page = Page(client.get(object_url(delegation, "en")))
        assert page.one("input", name=f"question_{asked.pk}")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                object_url(delegation, "en"), {**BASE, f"question_{asked.pk}": "9 m²"}
            )
        assert response.status_code == 302
        registration = Registration.objects.get()
        assert list(registration.answers.values_list("label", "value")) == [("Booth size?", "9 m²")]
