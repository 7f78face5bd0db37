"""deploy/nginx/chamber.conf: Debian's nginx accepts it without a warning, and it agrees
with the settings, the environment template and gunicorn's configuration. (What it does
to requests: tests/deploy/test_nginx.py.)"""

import re

import pytest
from django.conf import settings

from chamber.toolkit.validators import ALLOWED_IMAGE_FORMATS
from tests.deploy.support import (
    DEPLOY,
    MEDIA_ROOT,
    STATIC_ROOT,
    UPSTREAM,
    env_template,
    free_port,
    nginx_or_skip,
    nginx_test,
    site_config,
    write_nginx_config,
)

SITE = (DEPLOY / "nginx" / "chamber.conf").read_text()
DIRECTIVES = "\n".join(line for line in SITE.splitlines() if not line.lstrip().startswith("#"))
# The extension each accepted image format is saved with.
EXTENSIONS = {"JPEG": ["jpg", "jpeg"], "PNG": ["png"], "GIF": ["gif"], "WEBP": ["webp"]}


def directive(name: str) -> str:
    [value] = re.findall(rf"^\s*{name}\s+([^;]+);", DIRECTIVES, re.MULTILINE)
    return value


def rendered(tmp_path, **options):
    for folder in ("static", "media"):
        (tmp_path / folder).mkdir(exist_ok=True)
    return site_config(
        port=free_port(),
        upstream=UPSTREAM,
        static_root=tmp_path / "static",
        media_root=tmp_path / "media",
        **options,
    )


@pytest.mark.slow
@pytest.mark.parametrize("appending", [False, True], ids=["as-shipped", "appending"])
def test_nginx_accepts_the_site_without_a_warning(tmp_path, appending):
    nginx_or_skip()
    result = nginx_test(write_nginx_config(tmp_path, rendered(tmp_path, appending=appending)))
    assert result.returncode == 0, result.stderr
    assert "[warn]" not in result.stderr
    assert "[emerg]" not in result.stderr


@pytest.mark.slow
def test_the_check_sees_a_broken_site(tmp_path):
    nginx_or_skip()
    broken = rendered(tmp_path).replace("gzip_proxied any;", "gzip_proxied anything;")
    result = nginx_test(write_nginx_config(tmp_path, broken))
    assert result.returncode != 0
    assert 'invalid value "anything"' in result.stderr


def test_the_paths_are_those_of_the_environment_template():
    required, _optional = env_template()
    assert f"alias {required['DJANGO_STATIC_ROOT']}/;" in DIRECTIVES
    assert f"alias {required['DJANGO_MEDIA_ROOT']}/;" in DIRECTIVES
    assert (STATIC_ROOT, MEDIA_ROOT) == (
        required["DJANGO_STATIC_ROOT"],
        required["DJANGO_MEDIA_ROOT"],
    )
    assert f"server {UPSTREAM};" in DIRECTIVES
    assert (settings.STATIC_URL, settings.MEDIA_URL) == ("/static/", "/media/")


def test_the_body_limit_lets_the_largest_upload_reach_django():
    limit = directive("client_max_body_size")
    assert limit == "12m"
    limit_bytes = int(limit.removesuffix("m")) * 1024 * 1024
    assert limit_bytes > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert limit_bytes > settings.IMAGE_MAX_UPLOAD_BYTES


def test_the_media_location_serves_the_accepted_image_formats_only():
    pattern = re.search(r'location ~\* "(.+)" \{', DIRECTIVES.split("location ^~ /media/")[1])
    images = re.compile(pattern.group(1), re.IGNORECASE)
    assert set(EXTENSIONS) == ALLOWED_IMAGE_FORMATS
    for extensions in EXTENSIONS.values():
        for extension in extensions:
            assert images.search(f"/media/thumbs/logo.png.240x120_q85.{extension}")
            assert images.search(f"/media/organisations/LOGO.{extension.upper()}")
    for name in ("a.svg", "a.html", "a.jpg.html", "a.js", "a.pdf", "a.txt", "jpg"):
        assert not images.search(f"/media/{name}")


def test_text_types_are_compressed():
    types = set(directive("gzip_types").split())
    assert types >= {
        "text/css",
        "application/javascript",
        "application/json",
        "application/xml",
        "application/atom+xml",
        "application/rss+xml",
        "image/svg+xml",
        "text/calendar",
        "text/plain",
    }
    assert directive("gzip_proxied") == "any"
    assert directive("gzip_vary") == "on"
