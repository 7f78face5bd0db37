"""Where uploads live (chamber.toolkit.storage): DJANGO_STORAGE_URL read into the two
storages, private files on disk behind signed links that expire, the readiness check.
The round trip through an S3 server is in test_storage_s3.py."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.test import override_settings
from storages.backends.s3 import S3Storage

from chamber.toolkit.storage import (
    StorageUnavailable,
    check_storage,
    object_storage,
    private_storage,
    public_origin,
)

URL = "s3://AKIAEXAMPLE:wJalr%2FK7MDENG%2Bbxy@chamber-media?private_bucket=chamber-private"


def storages_of(url: str, max_age: int = 300) -> tuple[dict, dict]:
    configured = object_storage(url, private_max_age=max_age).storages
    return configured["default"]["OPTIONS"], configured["private"]["OPTIONS"]


class TestStorageUrl:
    def test_public_media_have_plain_urls_and_private_files_signed_ones(self):
        public, private = storages_of(URL, max_age=120)
        assert public["bucket_name"] == "chamber-media"
        assert public["querystring_auth"] is False
        assert private["bucket_name"] == "chamber-private"
        assert private["querystring_auth"] is True
        assert private["querystring_expire"] == 120

    def test_credentials_are_percent_decoded_and_shared(self):
        public, private = storages_of(URL)
        for options in (public, private):
            assert options["access_key"] == "AKIAEXAMPLE"
            assert options["secret_key"] == "wJalr/K7MDENG+bxy"

    def test_without_credentials_boto3_finds_its_own(self):
        public, private = storages_of("s3://media?private_bucket=private")
        assert "access_key" not in public
        assert "secret_key" not in private

    def test_options_go_to_the_buckets_they_concern(self):
        public, private = storages_of(
            URL + "&endpoint_url=https://s3.fr-par.scw.cloud&region_name=fr-par"
            "&addressing_style=virtual&custom_domain=media.example.org&default_acl=public-read"
        )
        for options in (public, private):
            assert options["endpoint_url"] == "https://s3.fr-par.scw.cloud"
            assert options["region_name"] == "fr-par"
            assert options["addressing_style"] == "virtual"
            assert options["signature_version"] == "s3v4"
        assert public["custom_domain"] == "media.example.org"
        assert public["default_acl"] == "public-read"
        assert "custom_domain" not in private
        assert "default_acl" not in private

    def test_a_path_is_a_prefix_in_both_buckets(self):
        public, private = storages_of("s3://media/chamber/?private_bucket=private")
        assert public["location"] == private["location"] == "chamber"

    def test_two_uploads_with_the_same_name_are_two_files(self):
        public, private = storages_of(URL)
        assert public["file_overwrite"] is False
        assert private["file_overwrite"] is False

    @pytest.mark.parametrize(
        ("url", "message"),
        [
            ("https://media.example.org", "must look like s3://"),
            ("s3://?private_bucket=private", "must look like s3://"),
            ("s3://media", "needs private_bucket"),
            ("s3://media?private_bucket=media", "needs private_bucket"),
            ("s3://media?private_bucket=private&regoin=eu-west-3", "unknown option"),
        ],
    )
    def test_a_wrong_url_is_refused_with_what_to_change(self, url, message):
        with pytest.raises(ImproperlyConfigured, match=message):
            object_storage(url, private_max_age=300)


@pytest.mark.parametrize(
    "query",
    [
        "",  # AWS, the global endpoint
        "&region_name=eu-west-3",
        "&region_name=eu-west-3&addressing_style=virtual",
        "&region_name=eu-west-3&addressing_style=path",
        "&endpoint_url=https://account.r2.cloudflarestorage.com&region_name=auto",
        "&endpoint_url=https://s3.fr-par.scw.cloud&region_name=fr-par&addressing_style=virtual",
        "&endpoint_url=http://127.0.0.1:9000",  # MinIO
        "&custom_domain=media.example.org",
        "&custom_domain=cdn.example.org/chamber",
    ],
)
@pytest.mark.parametrize("bucket", ["chamber-media", "media.example.org"])
def test_the_image_origin_is_the_one_of_the_public_urls(query, bucket):
    # What the Content Security Policy allows is where django-storages points images.
    public, _private = storages_of(f"s3://key:secret@{bucket}?private_bucket=private{query}")
    url = urlsplit(S3Storage(**public).url("news/2026/photo.jpg"))
    assert public_origin(public) == f"{url.scheme}://{url.netloc}"


@pytest.mark.django_db  # a 404 page shows the menus
class TestPrivateFilesOnDisk:
    @pytest.fixture
    def private_file(self):
        name = private_storage().save("attachments/passport.pdf", ContentFile(b"%PDF-1.7 secret"))
        yield name
        private_storage().delete(name)

    def test_they_are_outside_the_public_media_folder_and_url(self, private_file):
        path = private_storage().path(private_file)
        assert not path.startswith(str(settings.MEDIA_ROOT))
        assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
        url = private_storage().url(private_file)
        assert not url.startswith("/" + settings.MEDIA_URL.lstrip("/"))
        assert "passport" not in url  # the name travels signed, not in the clear

    def test_the_signed_link_gives_the_file_as_a_download(self, client, private_file):
        response = client.get(private_storage().url(private_file))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.7 secret"
        assert response["Content-Disposition"] == 'attachment; filename="passport.pdf"'
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]

    def test_the_link_expires(self, client, private_file, frozen_clock):
        url = private_storage().url(private_file)
        frozen_clock.shift(datetime.timedelta(seconds=settings.PRIVATE_URL_MAX_AGE - 1))
        assert client.get(url).status_code == 200
        frozen_clock.shift(datetime.timedelta(seconds=2))
        assert client.get(url).status_code == 404

    def test_an_altered_link_is_refused(self, client, private_file):
        url = private_storage().url(private_file)
        assert client.get(url[:-2] + ("AA" if not url.endswith("AA") else "BB")).status_code == 404

    def test_a_link_to_a_deleted_file_is_a_404(self, client):
        name = private_storage().save("attachments/gone.pdf", ContentFile(b"x"))
        url = private_storage().url(name)
        private_storage().delete(name)
        assert client.get(url).status_code == 404


@pytest.mark.django_db  # the 404 page shows the menus
def test_django_serves_no_media_when_debug_is_off(client):
    # nginx serves MEDIA_ROOT in production; Django only in development (DEBUG).
    name = default_storage.save("news/2026/photo.txt", ContentFile(b"x"))
    try:
        assert default_storage.url(name) == f"/{settings.MEDIA_URL.strip('/')}/{name}"
        assert client.get(default_storage.url(name)).status_code == 404
    finally:
        default_storage.delete(name)


class BrokenStorage(FileSystemStorage):
    def listdir(self, path):
        raise PermissionError("Permission denied")


class TestReadiness:
    def test_both_storages_on_disk_answer(self):
        assert check_storage() is None

    def test_folders_not_made_yet_are_ready(self, tmp_path):
        folders = {"MEDIA_ROOT": tmp_path / "media", "PRIVATE_MEDIA_ROOT": tmp_path / "private"}
        # STORAGES again, so that the storages are made anew with the new folders.
        with override_settings(**folders, STORAGES={**settings.STORAGES}):
            assert check_storage() is None
            assert not (tmp_path / "media").exists()

    def test_a_storage_that_fails_is_named(self):
        storages = {
            **settings.STORAGES,
            "default": {"BACKEND": f"{__name__}.BrokenStorage"},
        }
        with override_settings(STORAGES=storages):
            with pytest.raises(StorageUnavailable, match="default.*Permission denied"):
                check_storage()
