import datetime
import shutil

import pytest
import time_machine
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
    """Uploads and thumbnails of the run go to temporary folders, removed at the end."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)


# A moment the frozen clock stands at: a Thursday morning in Seoul.
FROZEN_AT = datetime.datetime(
    2026, 11, 26, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=9))
)


@pytest.fixture(autouse=True)
def _clock_starts_at_a_fixed_moment():
    """Every test starts at the same moment (the clock then runs): no test depends on
    the day or the hour it runs at (a fair "in 60 days", midnight between two reads)."""
    with time_machine.travel(FROZEN_AT, tick=True):
        yield


@pytest.fixture
def frozen_clock():
    """The clock stands still (in every thread of this process): what a test builds
    twice from the time, such as a signed link stamped to the second, comes out the
    same. ``frozen_clock.shift(timedelta)`` moves it."""
    with time_machine.travel(FROZEN_AT, tick=False) as traveller:
        yield traveller
