"""The W3C Nu HTML checker (vnu.jar, from .ci/package.json) finds no error on any kind of
public page in any language, the missing page and the server error page included, nor in
the stylesheets. Run by
``make judge``, which installs the checker; it needs Java 11 or later."""

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.support.rendered_pages import render_public_pages

pytestmark = [pytest.mark.judge, pytest.mark.django_db]

BASE_DIR = Path(settings.BASE_DIR)
VNU_JAR = BASE_DIR / ".ci" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEETS = sorted((BASE_DIR / "static" / "css").glob("*.css"))


def nu_check(files: list[Path]) -> list[dict]:
    """The checker's messages about ``files`` (HTML, and CSS by their name), in one run."""
    java = shutil.which("java")
    assert java, "Java is missing: `apt-get install -y default-jre-headless`"
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make judge` (npm installs it)"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
         "--also-check-css", *map(str, files)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    # The JSON report is written on standard error.
    return json.loads(result.stderr)["messages"]


def is_error(message: dict) -> bool:
    return message["type"] in ("error", "non-document-error")


def is_warning(message: dict) -> bool:
    return message["type"] == "info" and message.get("subType") == "warning"


def describe(message: dict, names: dict[str, str]) -> str:
    """``page (language, path), line n: message`` and the markup it is about."""
    url = message.get("url", "")
    name = names.get(url.removeprefix("file:"), url)
    extract = re.sub(r"\s+", " ", message.get("extract", "")).strip()
    return f"{name}, line {message.get('lastLine', '?')}: {message['message']}\n    {extract}"


def test_the_nu_html_checker_finds_no_error_on_any_public_page(client, capsys):
    rendered = render_public_pages(client)
    with tempfile.TemporaryDirectory(prefix="chamber-judge-") as folder:
        names = {str(path): str(path.relative_to(BASE_DIR)) for path in STYLESHEETS}
        files = list(STYLESHEETS)
        for index, page in enumerate(rendered):
            path = Path(folder) / f"{index:03d}-{page.language}.html"
            path.write_bytes(page.response.content)
            files.append(path)
            names[str(path)] = page.label
        # The server error page: static, in every language at once.
        path = Path(folder) / "500.html"
        path.write_bytes(server_error(RequestFactory().get("/")).content)
        files.append(path)
        names[str(path)] = "server error (500.html)"
        messages = nu_check(files)
    errors = [describe(m, names) for m in messages if is_error(m)]
    warnings = [describe(m, names) for m in messages if is_warning(m)]
    with capsys.disabled():
        sys.stdout.write(
            f"\nNu HTML checker: {len(rendered) + 1} pages and {len(STYLESHEETS)} stylesheets, "
            f"{len(errors)} errors, {len(warnings)} warnings\n"
            + "".join(f"warning: {warning}\n" for warning in warnings)
        )
    if errors:
        pytest.fail(f"{len(errors)} errors:\n" + "\n".join(errors), pytrace=False)


def test_the_checker_does_report_errors(tmp_path):
    # Guards the test above against a checker that silently checks nothing.
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html lang=en><title>x</title><h1>A</h1><h3>B</h3><p><div>")
    sheet = tmp_path / "broken.css"
    sheet.write_text("p { colour: red; }")
    errors = [m for m in nu_check([page, sheet]) if is_error(m)]
    assert {Path(m["url"].removeprefix("file:")).name for m in errors} == {
        "broken.html",
        "broken.css",
    }
    assert any("skipping 1 heading level" in m["message"] for m in errors)
