"""The generations of the cache: values kept for one generation are never read in the
next, whatever their key, and a value computed while the content changed is never read."""

from unittest import mock

import pytest
from django.core.cache import cache as django_cache

from chamber.toolkit import cache


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_value_kept_is_read_in_its_generation_only():
    current, found = cache.read("answer")
    assert found == {}
    cache.keep({"answer": 42, "other": "text"}, current, 60)
    assert cache.read("answer", "other", "missing") == (current, {"answer": 42, "other": "text"})
    cache.content_changed()
    newer, found = cache.read("answer", "other")
    assert newer != current
    assert found == {}


def test_a_value_computed_while_the_content_changed_is_never_read():
    before, _found = cache.read("count")
    cache.content_changed()
    cache.keep({"count": 7}, before, 60)
    assert cache.read("count")[1] == {}


def test_one_round_trip_reads_the_generation_and_the_values():
    current, _found = cache.read("a", "b")
    cache.keep({"a": 1, "b": 2}, current, 60)
    with (
        mock.patch.object(django_cache, "get_many", wraps=django_cache.get_many) as get_many,
        mock.patch.object(cache, "generation", wraps=cache.generation) as generation,
    ):
        assert cache.read("a", "b")[1] == {"a": 1, "b": 2}
    assert get_many.call_count == 1
    assert generation.call_count == 0


@pytest.mark.django_db  # how long to keep it depends on the next scheduled article
def test_cached_computes_once_per_generation():
    compute = mock.Mock(side_effect=[10, 11])
    assert cache.cached("total", compute) == 10
    assert cache.cached("total", compute) == 10
    cache.content_changed()
    assert cache.cached("total", compute) == 11
    assert compute.call_count == 2


def test_nothing_is_kept_when_the_page_cache_is_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    compute = mock.Mock(side_effect=[10, 11])
    assert cache.cached("total", compute) == 10
    assert cache.cached("total", compute) == 11
