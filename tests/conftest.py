import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language_and_cache():
    """Each test starts in the default language with an empty cache."""
    cache.clear()
    yield
    translation.activate("fr")
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _remove_uploaded_test_files():
    """Uploads and thumbnails of the run go to a temporary folder, removed at the end."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
