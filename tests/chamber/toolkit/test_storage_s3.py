"""Media in S3-compatible object storage, against moto's S3 server on a free local port:
an image uploaded through the admin lands in the public bucket, the article's page shows
its thumbnail from there (allowed by the page's Content Security Policy), and a private
file is refused without its signature and served with it."""

import io
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from PIL import Image

from chamber.toolkit.storage import (
    StorageUnavailable,
    check_storage,
    object_storage,
    private_storage,
)
from news.models import Article
from tests.news.test_admin import article_post_data
from tests.support.adminforms import admin_url, form_errors
from tests.support.factories import CategoryFactory, image_file
from tests.support.htmlpage import Page, object_url

# A thread serving HTTP, and a Python process for the settings test.
pytestmark = [pytest.mark.slow, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[3]
PUBLIC_BUCKET, PRIVATE_BUCKET = "chamber-media", "chamber-private"
# A bucket with no policy, whose objects are public one by one (default_acl=public-read).
ACL_BUCKET = "chamber-media-acl"
PUBLIC_READ_POLICY = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
 "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%s/*"}]}"""


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on a free port, with the two buckets: the public one readable
    by anyone through a bucket policy (as on R2, MinIO or a recent AWS bucket), the
    private one not."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET, ACL_BUCKET):
        client.create_bucket(Bucket=bucket)
    client.put_bucket_policy(Bucket=PUBLIC_BUCKET, Policy=PUBLIC_READ_POLICY % PUBLIC_BUCKET)
    yield endpoint
    server.stop()


def storage_url(
    endpoint: str, *, bucket: str = PUBLIC_BUCKET, private_bucket: str = PRIVATE_BUCKET
) -> str:
    return (
        f"s3://test-key:test-secret@{bucket}?private_bucket={private_bucket}"
        f"&endpoint_url={endpoint}&region_name=us-east-1"
    )


def object_storage_settings(url: str):
    """The settings DJANGO_STORAGE_URL=url gives: the storages and the image origin in
    the Content Security Policy. override_settings resets Django's storages (and so
    default_storage, where easy-thumbnails saves: no storage of its own is configured)."""
    configured = object_storage(url, private_max_age=settings.PRIVATE_URL_MAX_AGE)
    policy = {**settings.CONTENT_SECURITY_POLICY}
    directives = {**policy["DIRECTIVES"]}
    directives["img-src"] = [*directives["img-src"], configured.image_origin]
    policy["DIRECTIVES"] = directives
    return override_settings(
        STORAGES={**configured.storages, "staticfiles": settings.STORAGES["staticfiles"]},
        CONTENT_SECURITY_POLICY=policy,
    )


def fetch(url: str) -> tuple[int, bytes]:
    """GET ``url`` with no credentials, as a browser would: status and body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def keys(endpoint: str, bucket: str) -> list[str]:
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_an_image_uploaded_in_the_admin_is_shown_from_the_bucket(admin_client, client, s3_endpoint):
    with object_storage_settings(storage_url(s3_endpoint)):
        data = article_post_data(
            CategoryFactory(),
            image=image_file("signing.jpg", size=(1600, 1000), fmt="JPEG"),
            image_alt_fr="La signature",
            image_alt_en="The signing",
            image_alt_ko="서명",
        )
        response = admin_client.post(admin_url(Article, "add"), data)
        assert response.status_code == 302, form_errors(response)
        article = Article.objects.get()

        response = client.get(object_url(article, "en"))

    assert response.status_code == 200
    hero = Page(response).one("img", alt="The signing").get("src")
    # The page links the thumbnail in the public bucket, which anyone may fetch...
    assert hero.startswith(f"{s3_endpoint}/{PUBLIC_BUCKET}/thumbs/"), hero
    status, body = fetch(hero)
    assert status == 200
    with Image.open(io.BytesIO(body)) as thumbnail:
        assert thumbnail.size == (1200, 630)
    # ... and the page's Content Security Policy lets the browser load it.
    policy = response["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert s3_endpoint in img_src.split()
    # The original is in the bucket too, and nothing went to the local disk.
    stored = keys(s3_endpoint, PUBLIC_BUCKET)
    assert article.image.name in stored
    assert any(key.startswith("thumbs/") for key in stored)
    assert not list(Path(settings.MEDIA_ROOT).rglob("signing*"))


def test_a_private_file_needs_its_signed_url(s3_endpoint):
    with object_storage_settings(storage_url(s3_endpoint)):
        name = private_storage().save("attachments/passport.pdf", ContentFile(b"%PDF-1.7 secret"))
        signed = private_storage().url(name)

    assert name in keys(s3_endpoint, PRIVATE_BUCKET)
    parts = urlsplit(signed)
    query = parse_qs(parts.query)
    assert query["X-Amz-Signature"]
    assert query["X-Amz-Expires"] == [str(settings.PRIVATE_URL_MAX_AGE)]
    assert fetch(f"{parts.scheme}://{parts.netloc}{parts.path}") == (403, b"")
    assert fetch(signed) == (200, b"%PDF-1.7 secret")


def test_public_media_have_plain_urls(s3_endpoint):
    with object_storage_settings(storage_url(s3_endpoint)):
        name = default_storage.save("news/2026/plain.txt", ContentFile(b"hello"))
        url = default_storage.url(name)

    assert url == f"{s3_endpoint}/{PUBLIC_BUCKET}/{name}"
    assert fetch(url) == (200, b"hello")


@pytest.mark.parametrize(("acl", "status"), [("&default_acl=public-read", 200), ("", 403)])
def test_without_a_bucket_policy_public_read_objects_are_public(s3_endpoint, acl, status):
    with object_storage_settings(storage_url(s3_endpoint, bucket=ACL_BUCKET) + acl):
        name = default_storage.save("organisations/logo.txt", ContentFile(b"logo"))
        url = default_storage.url(name)

    assert fetch(url)[0] == status


def test_the_readiness_check_reaches_both_buckets(s3_endpoint):
    with object_storage_settings(storage_url(s3_endpoint)):
        assert check_storage() is None
    with object_storage_settings(storage_url(s3_endpoint, private_bucket="no-such-bucket")):
        with pytest.raises(StorageUnavailable, match="private"):
            check_storage()


def test_the_storage_url_sets_storages_and_the_content_security_policy():
    url = (
        "s3://AKIA:se%2Fcret@chamber-media?private_bucket=chamber-private"
        "&endpoint_url=https://account.r2.cloudflarestorage.com&region_name=auto"
        "&custom_domain=media.chamber.example.org"
    )
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.STORAGES['default']['OPTIONS']['custom_domain']); "
        "print(settings.STORAGES['private']['OPTIONS']['secret_key']); "
        "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "chamber.settings", "DJANGO_STORAGE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "media.chamber.example.org",
        "se/cret",
        "'self' data: https://media.chamber.example.org",
    ]
