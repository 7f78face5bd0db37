"""Publications: the list (filtered by category, only what is ready in the language), a
publication's page with its download, the PDF check in the admin, the sitemap."""

import datetime
import io
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation

from chamber.publications.models import Publication
from chamber.toolkit.demo import pdf_document
from chamber.toolkit.publication import PublicationStatus
from tests.support.adminforms import admin_url, form_errors
from tests.support.factories import image_file
from tests.support.htmlpage import Page, absolute, object_url, url_in
from tests.support.languages import LANGUAGES
from tests.support.sitemaps import read_sitemap

pytestmark = pytest.mark.django_db


def pdf_upload(name="study.pdf"):
    return SimpleUploadedFile(
        name, pdf_document("Study", ["page one"]).read(), content_type="application/pdf"
    )


def make_publication(key, category="study", languages=("fr", "en", "ko"), **values):
    texts = {}
    for code in languages:
        texts[f"title_{code}"] = f"{key} title {code}"
        texts[f"slug_{code}"] = f"{key}-{code}"
        texts[f"summary_{code}"] = f"{key} summary {code}"
    values.setdefault("status", PublicationStatus.PUBLISHED)
    values.setdefault("published_on", datetime.date(2026, 1, 10))
    return Publication.objects.create(
        category=category, file=pdf_upload(f"{key}.pdf"), **texts, **values
    )


@pytest.fixture
def publications():
    return {
        "study": make_publication("study", published_on=datetime.date(2026, 3, 1)),
        "report": make_publication("report", "annual_report"),
        "guide": make_publication("guide", "guide", languages=("fr", "en")),
        "draft": make_publication("draft", status=PublicationStatus.DRAFT),
    }


def titles(response) -> list[str]:
    return [h3.text.strip() for h3 in Page(response).find_all("h3", class_="card-title")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_list_shows_what_is_published_and_ready_in_the_language(client, publications, language):
    response = client.get(url_in(language, "publications:publication-list"))
    assert response.status_code == 200
    # Newest first; on the same date, the last added first.
    expected = ["study", "report"] if language == "ko" else ["study", "guide", "report"]
    assert titles(response) == [f"{key} title {language}" for key in expected]


def test_list_filters_by_category(client, publications):
    url = url_in("en", "publications:publication-list")
    assert titles(client.get(url, {"category": "guide"})) == ["guide title en"]
    assert titles(client.get(url, {"category": "annual_report"})) == ["report title en"]
    # An unknown category shows them all.
    assert len(titles(client.get(url, {"category": "nonsense"}))) == 3
    page = Page(client.get(url, {"category": "guide"}))
    assert page.one("a", aria_current="page").text == "Guide"


def test_list_paginates_and_keeps_the_category(client):
    for index in range(13):
        make_publication(f"p{index}", "guide")
    url = url_in("en", "publications:publication-list")
    page = Page(client.get(url, {"category": "guide"}))
    assert len(page.find_all("h3", class_="card-title")) == 12
    assert page.one("a", rel="next").get("href") == "?category=guide&page=2"
    assert len(titles(client.get(url, {"category": "guide", "page": 2}))) == 1


def test_list_queries_are_constant(client):
    url = url_in("en", "publications:publication-list")
    make_publication("first")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(6):
        make_publication(f"more{index}")
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


@pytest.mark.parametrize("language", LANGUAGES)
def test_detail_page_offers_the_download(client, publications, language):
    publication = publications["study"]
    response = client.get(object_url(publication, language))
    assert response.status_code == 200
    page = Page(response)
    assert page.h1.text == f"study title {language}"
    link = page.one("a", download=True)
    assert link.get("href") == publication.file.url
    # Named after the French title (the storage adds a suffix when the name is taken).
    assert publication.file.name.startswith("publications/2026/study-title-fr")
    assert link.get("download") == Path(publication.file.name).name
    assert publication.file_size == os.path.getsize(publication.file.path) > 0
    with translation.override(language):
        size = filesizeformat(publication.file_size)
    label = {"fr": "Document PDF", "en": "PDF document", "ko": "PDF 문서"}[language]
    assert page.one("span", class_="publication-file").text.strip() == f"{label}, {size}"
    (data,) = [
        json.loads(script.text)
        for script in page.find_all("script", type="application/ld+json")
        if json.loads(script.text)["@type"] != "BreadcrumbList"
    ]
    assert data["@type"] == "DigitalDocument"
    assert data["encodingFormat"] == "application/pdf"
    assert data["contentUrl"] == absolute(publication.file.url)


def test_detail_page_in_a_language_not_ready_is_a_404(client, publications):
    guide = publications["guide"]
    response = client.get(f"/ko/{'간행물'}/{guide.slug_en}/")
    assert response.status_code == 404


def test_draft_is_hidden_from_visitors_and_shown_to_staff(client, admin_client, publications):
    url = object_url(publications["draft"], "en")
    assert client.get(url).status_code == 404
    assert admin_client.get(url).status_code == 200


def test_detail_queries_are_constant(client, publications, django_assert_num_queries):
    url = object_url(publications["study"], "en")
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    url = object_url(publications["report"], "en")
    client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(first) == len(second)


def test_sitemap_lists_published_publications_and_the_list(client, publications):
    entries = read_sitemap(client)
    for code in LANGUAGES:
        assert absolute(url_in(code, "publications:publication-list")) in entries
        assert absolute(url_in(code, "partners:partner-list")) in entries
        assert absolute(object_url(publications["study"], code)) in entries
        assert absolute(object_url(publications["draft"], code)) not in entries
    assert absolute(object_url(publications["guide"], "en")) in entries
    assert not any("guide-ko" in url for url in entries)


# -- The PDF check ---------------------------------------------------------------------


def admin_post_data(**files):
    data = {
        "title_fr": "Rapport",
        "slug_fr": "rapport",
        "summary_fr": "Résumé",
        "title_en": "Report",
        "slug_en": "report",
        "summary_en": "Summary",
        "category": "study",
        "published_on": "2026-02-01",
        "status": "draft",
    }
    return {**data, **files}


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT) / "publications"
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def test_admin_stores_a_pdf(admin_client):
    response = admin_client.post(
        admin_url(Publication, "add"), admin_post_data(file=pdf_upload("x.pdf"))
    )
    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get()
    assert publication.file.name.endswith("rapport.pdf")
    assert publication.file_size == publication.file.size


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This file is not a PDF document."),
        ("fr", "Ce fichier n’est pas un document PDF."),
    ],
)
def test_admin_refuses_an_image_named_pdf_and_writes_nothing(admin_client, language, message):
    before = stored_files()
    image = image_file("report.pdf")
    admin_client.cookies["django_language"] = language
    response = admin_client.post(
        admin_url(Publication, "add"),
        admin_post_data(file=image),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    errors = form_errors(response)["file"]
    assert errors and errors[0].startswith(message[:20]), errors
    assert not Publication.objects.exists()
    assert stored_files() == before


@override_settings(PUBLICATION_MAX_UPLOAD_BYTES=100)
def test_admin_refuses_a_pdf_too_large_and_writes_nothing(admin_client):
    before = stored_files()
    admin_client.cookies["django_language"] = "en"
    response = admin_client.post(admin_url(Publication, "add"), admin_post_data(file=pdf_upload()))
    assert response.status_code == 200
    errors = form_errors(response)["file"]
    assert errors[0].startswith("This file is too large (")
    assert "PDF of 100\xa0bytes at most" in errors[0]
    assert not Publication.objects.exists()
    assert stored_files() == before


def test_validator_reads_the_content_not_the_name():
    from django.core.exceptions import ValidationError

    from chamber.toolkit.validators import validate_pdf_upload

    validate_pdf_upload(pdf_upload(), 10_000)
    for upload in (
        SimpleUploadedFile("fake.pdf", b"%PDF-1.4 but nothing else"),
        SimpleUploadedFile("doc.pdf", io.BytesIO(b"<html>").getvalue()),
    ):
        with pytest.raises(ValidationError) as refusal:
            validate_pdf_upload(upload, 10_000)
        assert refusal.value.code == "not_pdf"


# -- The admin --------------------------------------------------------------------------


def test_admin_pages_show_language_tabs(admin_client, publications):
    from tests.support.adminforms import assert_language_tabs

    page = Page(admin_client.get(admin_url(Publication, "change", publications["study"].pk)))
    assert_language_tabs(page, ["title", "slug", "summary"])
    assert admin_client.get(admin_url(Publication, "changelist")).status_code == 200


def test_partner_admin_edits_order_in_the_list(admin_client):
    from chamber.partners.models import Partner

    Partner.objects.create(name_en="A", name_fr="A", logo=image_file("a.png"))
    page = Page(admin_client.get(admin_url(Partner, "changelist")))
    assert page.find("input", name="form-0-position") is not None
    assert page.find("select", name="form-0-level") is not None
    page = Page(admin_client.get(admin_url(Partner, "add")))
    for code in LANGUAGES:
        assert page.find(id=f"id_name_{code}") is not None
