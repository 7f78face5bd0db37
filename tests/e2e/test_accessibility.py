"""Accessibility in a real browser: axe-core, with its full default rule set (WCAG 2.0, 2.1
and 2.2 A and AA, and best practice), finds no violation of any impact on any kind of
public page in any language, on a phone and on a desktop; the footer of a short page sits
at the bottom of the window."""

import pytest
from django.core.management import call_command

from tests.support.languages import LANGUAGES
from tests.support.public_pages import NOT_FOUND, public_pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

Axe = pytest.importorskip(
    "axe_playwright_python.sync_playwright",
    reason="axe-playwright-python is missing: run `make install-dev` (the dev group of uv.lock)",
).Axe

# No runOnly: every rule axe runs by default, best practice included.
ALL_RULES = {"resultTypes": ["violations"]}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_accessibility_violation(page, live_server, language, width):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    found = {}
    for name, path in public_pages(language).items():
        page.goto(live_server.url + path)
        violations = axe.run(page, options=ALL_RULES).response["violations"]
        if violations:
            found[name] = [
                (v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
                for v in violations
            ]
    assert found == {}


def test_the_checker_does_report_violations(page):
    # Guards the test above against a checker that silently checks nothing, or only the
    # WCAG rules.
    page.set_content(
        '<html><body><img src="data:image/png;base64,"><a href="#"></a>'
        "<main><h1>A</h1><h3>B</h3></main><main></main></body></html>"
    )
    results = Axe().run(page, options=ALL_RULES)
    ids = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "html-has-lang", "heading-order", "landmark-no-duplicate-main"} <= ids


# The missing page is short: on a desktop in every language; on a phone, where the
# header and the footer take most of the window, in Korean.
@pytest.mark.parametrize(
    ("width", "height", "language"),
    [*((1280, 900, language) for language in LANGUAGES), (375, 800, "ko")],
)
def test_the_footer_of_a_short_page_sits_at_the_bottom_of_the_window(
    page, live_server, width, height, language
):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(live_server.url + public_pages(language)[NOT_FOUND])
    # The page fits in the window (else the test would prove nothing)...
    assert page.evaluate("document.documentElement.scrollHeight") == height
    # ...and its footer ends where the window does, not higher.
    footer = page.locator("footer.site-footer").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(height, abs=0.5)
