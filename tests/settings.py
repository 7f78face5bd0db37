"""A fast settings profile for the test suite, on top of the project's settings.

The database still comes from DATABASE_URL, so the same suite runs on SQLite and on
PostgreSQL.
"""

import os
import tempfile
from pathlib import Path

from chamber.settings import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Uploads on disk (tests/chamber/toolkit/test_storage_s3.py tries object storage), in
# temporary folders.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "chamber.toolkit.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="chamber-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="chamber-test-private-media-")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory, so that threads with their own connections share the
    # test database (the concurrent registration test runs on SQLite too).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"chamber-test-{os.getpid()}.sqlite3")
    }
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SITE_URL = "http://testserver"
# Static files are served from the finders in tests; no collectstatic directory needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Pages and counts are computed afresh for each request: tests change content inside
# transactions that never commit, so the cache would not learn of it. The cache's own
# tests turn it on (tests/chamber/toolkit/test_cache.py).
PAGE_CACHE_SECONDS = 0
# The database task backend of production; it also runs the worker when the transaction
# that queued a task commits (tests/support/tasks.py).
TASKS = {"default": {"BACKEND": "tests.support.tasks.WorkerOnCommitBackend"}}
