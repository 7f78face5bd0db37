"""The production configuration really serves the site: gunicorn, DEBUG off, static
files from WhiteNoise with hashed names, HTTPS behind a proxy, security headers."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, **headers):
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Host": "chamber.example.org", **headers})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="chamber.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="production-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="chamber.example.org",
        DJANGO_SITE_URL="https://chamber.example.org",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
    )
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True
        )
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "chamber.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/robots.txt")
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_plain_http_is_redirected_to_https(production_server):
    status, headers, _body = fetch(production_server + "/fr/")
    assert status == 301
    assert headers["Location"] == "https://chamber.example.org/fr/"


def test_pages_are_served_with_security_headers(production_server):
    status, headers, body = fetch(production_server + "/fr/", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert b'<html lang="fr">' in body
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_static_files_have_hashed_names_and_a_long_cache(production_server):
    _status, _headers, body = fetch(production_server + "/fr/", **{"X-Forwarded-Proto": "https"})
    stylesheet = next(
        part.split('"')[0]
        for part in body.decode().split('href="')
        if part.startswith("/static/css/site.")
    )
    assert stylesheet != "/static/css/site.css"  # the name carries the content hash
    status, headers, _css = fetch(production_server + stylesheet, **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert "max-age=315360000" in headers["Cache-Control"]


def test_an_unknown_host_is_refused(production_server):
    status, _headers, _body = fetch(
        production_server + "/fr/", Host="evil.example", **{"X-Forwarded-Proto": "https"}
    )
    assert status == 400


def test_a_missing_page_is_the_translated_404(production_server):
    status, _headers, body = fetch(
        production_server + "/en/no-such-page/", **{"X-Forwarded-Proto": "https"}
    )
    assert status == 404
    assert b"Page not found" in body
