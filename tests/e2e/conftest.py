"""Browser tests: Debian's Chromium driven by Playwright, against pytest-django's
live server.

Playwright's own browser download cannot work on our machines, so the browser is the
system one at /usr/bin/chromium (``apt-get install -y chromium``).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in the test's thread; the test still talks
# to the database synchronously (factories), which Django refuses in an async context
# unless told that it is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            f"Debian's chromium is not installed at {CHROMIUM}: "
            "run `apt-get install -y chromium` to run the browser tests"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright is missing: run `make install-dev` (the dev group of uv.lock)",
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_context(browser, live_server):
    """A fresh browser profile of the chamber's staff, in French and in the chamber's time
    zone (said here rather than left to the TZ variable that Django's settings give this
    process, which Chromium inherits), allowed the clipboard on the live server's origin."""
    context = browser.new_context(locale="fr-FR", timezone_id=settings.TIME_ZONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    """A browser tab."""
    page = browser_context.new_page()
    page.set_default_timeout(10_000)
    yield page
    page.close()


@pytest.fixture
def console_errors(page):
    """The console errors and uncaught exceptions of ``page``; a Content Security
    Policy violation is reported as a console error."""
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors
