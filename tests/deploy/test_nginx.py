"""The site as deployed: Debian's nginx with deploy/nginx/chamber.conf in front of
gunicorn with deploy/gunicorn.conf.py, DEBUG off, static files from collectstatic and an
uploaded image with its thumbnail on disk.

nginx listens on plain HTTP here (TLS is the operator's, by certbot), so Django's
redirect to HTTPS is off (DJANGO_SECURE_SSL_REDIRECT=false); nginx passes its own scheme,
which the tests check too. The visitor's address: nginx is the first hop
(DJANGO_TRUSTED_PROXIES=1), and a second visitor comes from 127.0.0.2. The address tests
also run with the variant of the file for a proxy in front of nginx, which appends to
X-Forwarded-For instead of replacing it.
"""

import gzip
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.deploy.support import (
    HOST,
    ROOT,
    csrf_token,
    free_port,
    nginx_or_skip,
    request,
    site_config,
    start,
    start_nginx,
    stop,
    wait_for_port,
    write_nginx_config,
)

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
VARIANTS = ["replacing", "appending"]
PASSWORD = "the-right-password-1"
FORGED = "1.2.3.4"
OTHER_VISITOR = "127.0.0.2"

REGISTRATION = {
    "company_name": "Hanji Atelier",
    "contact_name": "Kim Min-ji",
    "phone": "+82 10 1234 5678",
    "website": "hanji.example.com",
    "sector": "Lighting",
    "pitch": "Lamps made of hanji paper.",
    "consent": "on",
    "homepage": "",
}

# Run by `manage.py shell` with the site's environment: an organisation with an uploaded
# logo and its thumbnail, a delegation open for registration, a staff member per variant.
SETUP = f"""
import json
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from easy_thumbnails.files import get_thumbnailer
from tests.support.factories import DelegationFactory, OrganisationFactory

organisation = OrganisationFactory(with_logo=True)
thumbnail = get_thumbnailer(organisation.logo)["logo"]
delegation = DelegationFactory()
for variant in {VARIANTS!r}:
    get_user_model().objects.create_user(
        "editor-" + variant, password={PASSWORD!r}, is_staff=True
    )
with translation.override("en"):
    pages = {{
        "organisation": organisation.get_absolute_url(),
        "delegation": delegation.get_absolute_url(),
        "home": reverse("root") + "en/",
        "rss": reverse("news:feed-rss"),
        "atom": reverse("news:feed-atom"),
        "calendar": reverse("events:calendar-feed"),
        "sitemap": reverse("sitemap-index"),
    }}
print(json.dumps({{**pages, "logo": organisation.logo.url, "thumbnail": thumbnail.url}}))
"""


@dataclass
class Site:
    folder: Path
    env: dict
    urls: dict

    def manage(self, *args) -> str:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "-c", code)


@dataclass
class Deployment:
    port: int  # nginx
    app_port: int  # gunicorn, behind it
    variant: str

    def get(self, path, **options):
        return request(self.port, path, **options)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    nginx_or_skip()
    folder = tmp_path_factory.mktemp("deployed")
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "CHAMBER_", "GUNICORN_"))
        and name not in ("DATABASE_URL", "REDIS_URL", "EMAIL_URL", "PORT")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="chamber.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="deployment-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SITE_URL=f"https://{HOST}",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_TRUSTED_PROXIES="1",
        # A day's window: the counts cannot start again during the test.
        DJANGO_REGISTRATION_RATE="2/d",
        DJANGO_LOGIN_FAILURE_LIMIT="2",
        # One process, so that its local-memory cache holds every count of the rate limit.
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",
    )
    site = Site(folder, env, {})
    site.manage("migrate", "--noinput", "-v0")
    site.manage("collectstatic", "--noinput", "-v0")
    site.urls = json.loads(site.shell(SETUP).strip().splitlines()[-1])
    return site


@pytest.fixture(scope="module")
def deploy(site):
    """Starts gunicorn and nginx for a variant of the nginx file, once per variant (a
    gunicorn of its own: fresh rate-limit counts)."""
    deployments = {}
    processes = []

    def deployment(variant: str = "replacing") -> Deployment:
        if variant in deployments:
            return deployments[variant]
        folder = site.folder / variant
        folder.mkdir()
        app_port, port = free_port(), free_port()
        gunicorn = start(
            [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "chamber.wsgi"],
            folder / "gunicorn.log",
            cwd=ROOT,
            env={**site.env, "GUNICORN_BIND": f"127.0.0.1:{app_port}"},
        )
        processes.append(gunicorn)
        wait_for_port(app_port, gunicorn, folder / "gunicorn.log")
        config = write_nginx_config(
            folder,
            site_config(
                port=port,
                upstream=f"127.0.0.1:{app_port}",
                static_root=site.folder / "static",
                media_root=site.folder / "media",
                appending=variant == "appending",
            ),
        )
        nginx = start_nginx(config)
        processes.append(nginx)
        wait_for_port(port, nginx, folder / "error.log")
        deployments[variant] = Deployment(port, app_port, variant)
        return deployments[variant]

    yield deployment
    for process in reversed(processes):
        stop(process)


@pytest.fixture
def deployed(deploy):
    return deploy("replacing")


# Pages and static files


# Each kind of text the site sends: its Content-Type and how it starts.
TEXTS = {
    "home": ("text/html", b"<!DOCTYPE html>"),
    "rss": ("application/rss+xml", b"<?xml"),
    "atom": ("application/atom+xml", b"<?xml"),
    "calendar": ("text/calendar", b"BEGIN:VCALENDAR"),
    "sitemap": ("application/xml", b"<?xml"),
}


@pytest.mark.parametrize("page", TEXTS)
def test_pages_are_compressed(deployed, site, page):
    url = site.urls[page]
    content_type, start = TEXTS[page]
    plain = deployed.get(url)
    assert plain.status == 200
    assert plain.headers["Content-Type"].startswith(content_type)
    assert "Content-Encoding" not in plain.headers
    assert plain.body.startswith(start)
    # Straight from a browser, and through a CDN (a request with Via: gzip_proxied).
    for via in ({}, {"Via": "1.1 cdn.example.net"}):
        response = deployed.get(url, headers={"Accept-Encoding": "gzip", **via})
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response.headers["Vary"]
        assert gzip.decompress(response.body).startswith(start)


def test_nginx_passes_its_own_scheme_not_the_visitors(deployed):
    # Over plain HTTP, a visitor's "https" does not make Django believe the connection
    # is secure (it would send HSTS, mark cookies secure, build https links).
    response = deployed.get("/fr/", headers={"X-Forwarded-Proto": "https"})
    assert response.status == 200
    assert "Strict-Transport-Security" not in response.headers


def stylesheet(deployed) -> str:
    page = deployed.get("/fr/").text
    return next(
        part.split('"')[0] for part in page.split('href="') if part.startswith("/static/css/")
    )


def test_static_files_are_served_by_nginx_compressed_with_a_long_cache(deployed, site):
    path = stylesheet(deployed)
    assert path != "/static/css/site.css"  # a hashed name, from the manifest
    response = deployed.get(path, headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # The .gz file collectstatic wrote, as it is.
    assert response.headers["Content-Encoding"] == "gzip"
    on_disk = site.folder / "static" / path.removeprefix("/static/")
    assert response.body == Path(f"{on_disk}.gz").read_bytes()


def test_a_static_file_without_a_hash_is_cached_briefly(deployed):
    response = deployed.get("/static/css/site.css")
    assert response.status == 200
    assert response.headers["Cache-Control"] == "public, max-age=60"


def test_the_static_manifest_is_not_served(deployed, site):
    assert (site.folder / "static" / "staticfiles.json").exists()
    response = deployed.get("/static/staticfiles.json")
    assert response.status == 404
    assert b"paths" not in response.body


# Uploads


def test_an_uploaded_image_and_its_thumbnail_are_served(deployed, site):
    page = deployed.get(site.urls["organisation"]).text
    assert f'src="{site.urls["thumbnail"]}"' in page
    # The logo's renditions (chamber.toolkit.renditions): in WebP, and in JPEG or PNG.
    renditions = [
        candidate.strip().rsplit(" ", 1)[0]
        for srcset in re.findall(r'srcset="([^"]+)"', page)
        for candidate in srcset.split(",")
    ]
    assert any(url.endswith(".webp") for url in renditions), renditions
    types = {".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp"}
    for url in (site.urls["logo"], site.urls["thumbnail"], *renditions):
        response = deployed.get(url)
        assert response.status == 200, url
        # Uploads are stored under their real format's extension (chamber.toolkit.images).
        expected = types["." + url.rsplit(".", 1)[1]]
        assert response.headers["Content-Type"] == expected
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert response.headers["Cache-Control"] == "public, max-age=86400"
        on_disk = site.folder / "media" / url.removeprefix("/media/")
        assert response.body == on_disk.read_bytes()


@pytest.mark.parametrize("name", ["evil.html", "organisations/evil.svg", "notes.txt"])
def test_other_files_in_the_media_folder_are_not_served(deployed, site, name):
    media = site.folder / "media"
    (media / name).write_text("<script>alert(document.cookie)</script>")
    response = deployed.get(f"/media/{name}")
    assert response.status == 404
    assert b"alert" not in response.body


def test_media_folders_are_not_listed(deployed):
    for path in ("/media/", "/media/organisations/", "/static/"):
        response = deployed.get(path)
        assert response.status in (403, 404), path
        assert b"Index of" not in response.body


# What the servers say about themselves, and what they refuse


def test_no_server_software_nor_version_is_told(deployed):
    for response in (deployed.get("/fr/"), deployed.get("/no-such-page")):
        assert response.headers["Server"] == "nginx"
    # gunicorn reached directly names the site, not itself (deploy/gunicorn.conf.py).
    direct = request(deployed.app_port, "/robots.txt")
    assert direct.status == 200
    assert direct.headers["Server"] == "chamber"


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "CONNECT"])
def test_methods_the_site_does_not_answer_are_refused(deployed, method):
    path = "chamber.example.org:443" if method == "CONNECT" else "/fr/"
    assert deployed.get(path, method=method).status in (400, 405)
    if method != "CONNECT":  # nginx answers CONNECT 400 by itself
        refused = deployed.get(path, method=method)
        assert refused.status == 405
        assert refused.headers["Server"] == "nginx"
        assert b"nginx/" not in refused.body  # no version on nginx's own pages either


def test_a_body_larger_than_an_upload_is_refused_before_the_app(deployed):
    response = deployed.get(
        "/admin/login/",
        method="POST",
        headers={"Content-Length": str(13 * 1024 * 1024), "Content-Type": "image/png"},
    )
    assert response.status == 413


# The visitor's address, as the app sees it through nginx


def register(deployment, site, email, source="127.0.0.1", forwarded=None):
    url = site.urls["delegation"]
    cookie, token = csrf_token(deployment.get(url, source=source))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
    }
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    form = {**REGISTRATION, "email": email, "csrfmiddlewaretoken": token}
    body = urlencode(form).encode()
    return deployment.get(url, method="POST", headers=headers, body=body, source=source)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_registration_rate_limit_counts_the_real_visitor(deploy, site, variant):
    deployment = deploy(variant)
    # DJANGO_REGISTRATION_RATE=2/d: two registrations from this address...
    for n in range(2):
        assert register(deployment, site, f"{variant}-{n}@example.com").status == 302
    # ...then it is refused, even with an address of the visitor's own in the header.
    forged = register(deployment, site, f"{variant}-forged@example.com", forwarded=FORGED)
    assert forged.status == 429
    assert "Too many registrations" in forged.text
    assert register(deployment, site, f"{variant}-3@example.com").status == 429
    # Another visitor (another address, behind the same nginx) has their own allowance.
    other = register(deployment, site, f"{variant}-other@example.com", source=OTHER_VISITOR)
    assert other.status == 302


def log_in(deployment, username, password, source="127.0.0.1", forwarded=None):
    cookie, token = csrf_token(deployment.get("/admin/login/", source=source))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
    }
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    body = urlencode({**form, "next": "/admin/"}).encode()
    return deployment.get("/admin/login/", method="POST", headers=headers, body=body, source=source)


def login_attempts(site, username) -> list:
    code = (
        "import json; from axes.models import AccessAttempt; print(json.dumps(list("
        f"AccessAttempt.objects.filter(username={username!r})"
        ".values_list('ip_address', 'failures_since_start'))))"
    )
    return json.loads(site.shell(code))


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_login_lockout_counts_the_real_visitor(deploy, site, variant):
    deployment = deploy(variant)
    username = f"editor-{variant}"
    # DJANGO_LOGIN_FAILURE_LIMIT=2: two wrong passwords, one under a forged address...
    assert log_in(deployment, username, "wrong").status == 200
    assert log_in(deployment, username, "wrong", forwarded=FORGED).status in (200, 429)
    # ...lock the username out from this address, forged header or not.
    locked = log_in(deployment, username, PASSWORD, forwarded="5.6.7.8")
    assert locked.status == 429
    assert "Too many failed logins" in locked.text or "Trop de connexions" in locked.text
    # One record, for the pair (username, real address): nothing under a forged one.
    [(address, failures)] = login_attempts(site, username)
    assert address == "127.0.0.1"
    assert failures >= 2
    # The same username from another address is not locked.
    assert log_in(deployment, username, PASSWORD, source=OTHER_VISITOR).status == 302


# Health


def test_the_health_endpoints_answer_through_nginx_and_are_not_logged(deployed, site):
    alive = deployed.get("/healthz")
    assert alive.status == 200
    assert json.loads(alive.body) == {"status": "ok"}
    ready = deployed.get("/readyz")
    assert ready.status == 200
    assert json.loads(ready.body) == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "queue": "ok",
    }
    assert ready.headers["Cache-Control"] == "no-store"
    # A page asked after the probes is logged, by nginx and by gunicorn (each writes its
    # line once the answer is sent: wait for it); the probes are not.
    assert deployed.get("/robots.txt?after-the-probes").status == 200
    for log in (
        site.folder / "replacing" / "access.log",
        site.folder / "replacing" / "gunicorn.log",
    ):
        text = wait_for_line(log, "/robots.txt?after-the-probes")
        assert "/healthz" not in text
        assert "/readyz" not in text


def wait_for_line(path: Path, needle: str, seconds: float = 10.0) -> str:
    """The text of the log at ``path`` once it holds ``needle`` (logs are written just
    after the answer is sent)."""
    deadline = time.monotonic() + seconds
    while True:
        text = path.read_text() if path.exists() else ""
        if needle in text or time.monotonic() > deadline:
            assert needle in text, f"{needle} never reached {path.name}"
            return text
        time.sleep(0.05)
