"""Where uploaded files live: on this server's disk, or in S3-compatible object storage.

Two storages, both used only through Django's storage API (never a filesystem path), so
that every app server sees the same files:

``default``
    Public media: article images, logos and their thumbnails (easy-thumbnails saves in
    ``default_storage`` too). Anyone may fetch them: nginx serves ``MEDIA_ROOT`` at
    ``MEDIA_URL``, or the bucket (or its custom domain) serves them, with plain,
    unsigned URLs that pages and CDNs can keep.
``private``
    Files only some people may read (registration attachments). Their URLs are signed
    and expire after ``PRIVATE_URL_MAX_AGE`` seconds: on disk, a link to
    ``chamber.toolkit.views.private_file`` in a folder outside ``MEDIA_ROOT`` that no web
    server serves; in object storage, a presigned URL to a bucket that is not public.

``DJANGO_STORAGE_URL`` chooses object storage (``object_storage`` reads it):

    s3://ACCESS_KEY:SECRET_KEY@BUCKET[/PREFIX]?private_bucket=PRIVATE_BUCKET
        [&endpoint_url=https://...][&region_name=...][&custom_domain=media.example.org]
        [&default_acl=public-read][&addressing_style=path]
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, Storage, default_storage, storages
from django.urls import reverse
from django.utils.functional import cached_property

PRIVATE_ALIAS = "private"
S3_BACKEND = "storages.backends.s3.S3Storage"
# Options of DJANGO_STORAGE_URL: those both buckets share, those of the public bucket only.
SHARED_OPTIONS = ("endpoint_url", "region_name", "addressing_style")
PUBLIC_OPTIONS = ("custom_domain", "default_acl")
# The file whose URL tells the origin of the public bucket's URLs.
PROBE_NAME = "healthz-probe"


class StorageUnavailable(Exception):
    """A storage did not answer (network, credentials, a missing bucket or folder)."""


def private_storage() -> Storage:
    """The storage for private files (``STORAGES["private"]``)."""
    return storages[PRIVATE_ALIAS]


def check_storage() -> None:
    """List the top folder of both storages; raise ``StorageUnavailable`` when one cannot
    answer (for a readiness probe). Returns None when both answered.

    Listing rather than asking whether a file exists: object storage answers "no such
    file" for a bucket that does not exist either."""
    for alias, storage in (("default", default_storage), (PRIVATE_ALIAS, private_storage())):
        try:
            storage.listdir("")
        except FileNotFoundError:
            pass  # A folder on disk not made yet: the first upload makes it.
        except Exception as error:  # any other failure means "not ready"
            raise StorageUnavailable(f"The {alias} storage does not answer: {error}") from error


class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on this server's disk, in ``PRIVATE_MEDIA_ROOT`` (outside
    ``MEDIA_ROOT``, so nginx never serves them). ``url()`` is a signed link to the
    ``private-file`` view that stops working ``max_age`` seconds after it was made."""

    salt = "chamber.toolkit.storage.private-file"

    def __init__(self, location=None, max_age: int | None = None, **kwargs):
        super().__init__(location=location, **kwargs)
        self._max_age = max_age

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def max_age(self) -> int:
        return self._max_age if self._max_age is not None else settings.PRIVATE_URL_MAX_AGE

    def url(self, name):
        token = signing.dumps(name, salt=self.salt)
        return reverse("private-file", kwargs={"token": token})

    def name_from_token(self, token: str) -> str:
        """The file a link made by ``url()`` names; ``signing.BadSignature`` (or its
        subclass ``SignatureExpired``) when the link was altered or is too old."""
        return signing.loads(token, salt=self.salt, max_age=self.max_age)


@dataclass(frozen=True)
class ObjectStorage:
    """What ``DJANGO_STORAGE_URL`` says: the two storages' settings and the origin
    pages load public images from (for the Content Security Policy)."""

    storages: dict
    image_origin: str


def object_storage(url: str, *, private_max_age: int) -> ObjectStorage:
    """Read ``DJANGO_STORAGE_URL`` (see the module's docstring); ImproperlyConfigured
    with what to change when it is not one."""
    parts = urlsplit(url)
    credentials, _at, bucket = parts.netloc.rpartition("@")
    if parts.scheme != "s3" or not bucket:
        raise ImproperlyConfigured(
            "DJANGO_STORAGE_URL must look like s3://ACCESS_KEY:SECRET_KEY@bucket?private_bucket=..."
        )
    options = dict(parse_qsl(parts.query))
    unknown = set(options) - {"private_bucket", *SHARED_OPTIONS, *PUBLIC_OPTIONS}
    if unknown:
        raise ImproperlyConfigured(
            f"DJANGO_STORAGE_URL: unknown option(s) {', '.join(sorted(unknown))}; known: "
            f"private_bucket, {', '.join(SHARED_OPTIONS + PUBLIC_OPTIONS)}."
        )
    private_bucket = options.get("private_bucket", "")
    # Public media are readable by anyone, often through a policy on the whole bucket:
    # private files in the same bucket would be readable too.
    if not private_bucket or private_bucket == bucket:
        raise ImproperlyConfigured(
            "DJANGO_STORAGE_URL needs private_bucket=<name>: a second bucket, not public, "
            "for private files."
        )
    shared = {
        # Signature version 4: the only one Cloudflare R2 and recent AWS regions accept.
        "signature_version": "s3v4",
        "location": parts.path.strip("/"),
        # Two uploads named photo.jpg are two files (Django's usual behaviour).
        "file_overwrite": False,
        **{name: options[name] for name in SHARED_OPTIONS if options.get(name)},
    }
    if credentials:
        # Without them, boto3 looks in its usual places (AWS_ACCESS_KEY_ID, a role).
        access_key, _colon, secret_key = credentials.partition(":")
        shared.update(access_key=unquote(access_key), secret_key=unquote(secret_key))
    public = {
        **shared,
        "bucket_name": bucket,
        "querystring_auth": False,
        **{name: options[name] for name in PUBLIC_OPTIONS if options.get(name)},
    }
    private = {
        **shared,
        "bucket_name": private_bucket,
        "querystring_auth": True,
        "querystring_expire": private_max_age,
    }
    return ObjectStorage(
        storages={
            "default": {"BACKEND": S3_BACKEND, "OPTIONS": public},
            PRIVATE_ALIAS: {"BACKEND": S3_BACKEND, "OPTIONS": private},
        },
        image_origin=public_origin(public),
    )


def public_origin(options: dict) -> str:
    """The origin (scheme and host) of the public files' URLs: the custom domain, or
    the one boto3 builds for the bucket (path or virtual-host style, which depends on
    the endpoint, the region and the bucket's name: asked of boto3 rather than guessed)."""
    if options.get("custom_domain"):
        return "https://" + options["custom_domain"].split("/")[0]
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    client = boto3.session.Session().client(
        "s3",
        endpoint_url=options.get("endpoint_url"),
        region_name=options.get("region_name"),
        config=Config(
            signature_version=UNSIGNED, s3={"addressing_style": options.get("addressing_style")}
        ),
    )
    url = client.generate_presigned_url(
        "get_object", Params={"Bucket": options["bucket_name"], "Key": PROBE_NAME}
    )
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
