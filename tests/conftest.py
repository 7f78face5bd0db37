import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language_and_cache():
    """Each test starts in the default language with an empty cache."""
    cache.clear()
    yield
    translation.activate("fr")
    cache.clear()
