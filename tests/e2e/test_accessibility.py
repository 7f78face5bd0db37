"""Accessibility: axe-core (WCAG 2.1 A and AA rules) finds no violation on the public
pages, in both languages, on a phone and on a desktop."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from events.models import Delegation
from news.models import Article
from tests.support.languages import LANGUAGES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

Axe = pytest.importorskip(
    "axe_playwright_python.sync_playwright",
    reason="axe-playwright-python is missing: run `make install-dev` (the dev group of uv.lock)",
).Axe

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def public_pages(language):
    article = Article.objects.published().filter(agreement__isnull=False).get()
    delegation = Delegation.objects.published().upcoming().first()
    with translation.override(language):
        return {
            "home": reverse("site:home"),
            "news list": reverse("news:article-list"),
            "article": article.get_absolute_url(),
            "agreement": article.agreement.get_absolute_url(),
            "agreements": reverse("chamber:agreement-list"),
            "members": reverse("chamber:member-list"),
            "fairs": reverse("events:fair-list"),
            "delegation": delegation.get_absolute_url(),
            "privacy": reverse("site:privacy"),
            "search": reverse("site:search") + "?q=Busan",
            "not found": reverse("site:home") + "no-such-page/",
        }


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_accessibility_violation(page, live_server, language, width):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    found = {}
    for name, path in public_pages(language).items():
        page.goto(live_server.url + path)
        results = axe.run(page, options=WCAG_AA)
        violations = results.response["violations"]
        if violations:
            found[name] = [
                (v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
                for v in violations
            ]
    assert found == {}


def test_the_checker_does_report_violations(page):
    # Guards the test above against a checker that silently checks nothing.
    page.set_content('<html><body><img src="data:image/png;base64,"><a href="#"></a></body></html>')
    results = Axe().run(page, options=WCAG_AA)
    ids = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "html-has-lang"} <= ids
