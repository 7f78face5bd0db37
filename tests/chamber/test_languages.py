"""The site speaks the languages CHAMBER_LANGUAGES names, and only those: URLs, the
language switch, the admin's tabs; Korean pages, e-mails and search when Korean is one of
them. The slow test runs the language tests again for a chamber in French and English."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from events import services
from news.models import Article
from tests.support.adminforms import admin_url
from tests.support.factories import ArticleFactory, DelegationFactory
from tests.support.htmlpage import Page, url_in
from tests.support.languages import LANGUAGES
from tests.support.registrations import company

ROOT = Path(__file__).resolve().parents[2]
SUPPORTED = [code for code, _name in settings.SUPPORTED_LANGUAGES]
korean = pytest.mark.skipif(
    "ko" not in LANGUAGES, reason="this chamber does not publish in Korean (CHAMBER_LANGUAGES)"
)


@pytest.mark.django_db
@pytest.mark.parametrize("code", SUPPORTED)
def test_a_language_has_pages_when_it_is_configured(client, code):
    response = client.get(f"/{code}/")
    assert (response.status_code == 200) == (code in LANGUAGES)


@pytest.mark.django_db
def test_the_switch_offers_the_configured_languages(client):
    switch = Page(client.get(url_in("fr", "site:home"))).one("nav", class_="language-switch")
    codes = [element.get("lang") for element in switch.iter() if element.get("lang")]
    assert codes == LANGUAGES


@pytest.mark.django_db
def test_the_admin_has_a_tab_per_configured_language(admin_client):
    article = ArticleFactory()
    fields = admin_client.get(admin_url(Article, "change", article.pk)).context["adminform"].form
    for code in SUPPORTED:
        assert (f"title_{code}" in fields.fields) == (code in LANGUAGES)


@korean
@pytest.mark.django_db
class TestKorean:
    def test_korean_pages_have_korean_path_words_text_and_dates(self, client):
        article = ArticleFactory(title_ko="부산 수소 협력")
        path = url_in("ko", "news:article-list")
        assert path.startswith("/ko/") and path != url_in("en", "news:article-list").replace(
            "/en/", "/ko/"
        )
        page = Page(client.get(path))
        assert page.lang == "ko"
        assert "부산 수소 협력" in page.response.content.decode()
        with translation.override("ko"):
            assert translation.gettext("News") in page.one("nav", class_="main-nav").text
        # Dates follow Korean conventions (year, month, day).
        published = article.published_at
        assert f"{published.year}년" in page.response.content.decode()

    def test_a_korean_registrant_gets_korean_e_mails(self, django_capture_on_commit_callbacks):
        delegation = DelegationFactory()
        with django_capture_on_commit_callbacks(execute=True):
            services.register_for_delegation(delegation=delegation, **company(1, language="ko"))
        registrant = [m for m in mail.outbox if m.to == ["contact1@example.com"]]
        (message,) = registrant
        with translation.override("ko"):
            subject_word = translation.gettext("[%(site)s] Registration received: %(delegation)s")
        assert subject_word.split("]")[1].split(":")[0].strip() in message.subject
        assert delegation.title_ko in message.body
        assert "/ko/" in message.body

    def test_search_finds_korean_words(self, client):
        article = ArticleFactory(title_ko="부산 수소 트럭", lead_ko="친환경 물류")
        ArticleFactory(title_ko="다른 소식")
        for query in ("수소", "친환경 물류"):
            response = client.get(url_in("ko", "site:search"), {"q": query})
            assert list(response.context["articles"]) == [article]


@pytest.mark.slow
def test_a_chamber_in_french_and_english_only():
    """The language-dependent tests pass again with CHAMBER_LANGUAGES=fr,en."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "PYTEST_ADDOPTS")
    }
    env["CHAMBER_LANGUAGES"] = "fr,en"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not slow and not e2e",
            "tests/chamber/test_languages.py",
            "tests/chamber/site/test_readiness.py",
            "tests/chamber/site/test_sitemaps.py",
            "tests/news/test_views.py",
            "tests/events/test_views.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
