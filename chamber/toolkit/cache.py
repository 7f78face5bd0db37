"""What the site caches for anonymous visitors, and when the cache must forget it.

The public pages depend on the content (articles, agreements, fairs, registrations ...)
and on the time (a scheduled article becomes visible, registration opens or closes, a
fair becomes past). One rule covers both:

- every change of content, whatever makes it (the admin, a service, the demo, a shell),
  starts a new *generation* of the cache, once the transaction commits: cached pages and
  counts of the old generation are never read again;
- nothing is cached beyond the next moment at which content changes by itself: the apps
  register a function saying when (``when_content_changes``).

The cache is Django's default one: shared between processes and servers when REDIS_URL
is set.
"""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

GENERATION_KEY = "content:generation"
NEXT_CHANGE_KEY = "content:next-change:{generation}"

_schedules = []


def generation() -> str:
    """The current generation: a part of every cached page's and count's key."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, str(time.time_ns()), None)
        value = cache.get(GENERATION_KEY)
    return value


def content_changed() -> None:
    """Start a new generation: what was cached before is forgotten."""
    cache.set(GENERATION_KEY, str(time.time_ns()), None)


def _on_commit(**kwargs) -> None:
    transaction.on_commit(content_changed)


def watch(*models) -> None:
    """Every write to ``models`` (saves, deletions, many-to-many changes) starts a new
    generation after its transaction commits.

    A signal rather than calls in each service: content is written by the admin, the
    services, the demo loader and staff's scripts alike, and a path that forgot to tell
    the cache would show visitors stale pages.
    """
    for model in models:
        post_save.connect(_on_commit, sender=model, weak=False)
        post_delete.connect(_on_commit, sender=model, weak=False)
        for field in model._meta.many_to_many:
            m2m_changed.connect(_on_commit, sender=field.remote_field.through, weak=False)


def when_content_changes(function) -> None:
    """Register ``function(now)``: the next moment after ``now`` at which content shown
    to visitors changes with no one saving anything (None if it does not)."""
    _schedules.append(function)


def next_change(now: datetime.datetime | None = None) -> datetime.datetime | None:
    now = now or timezone.now()
    moments = [moment for function in _schedules if (moment := function(now)) is not None]
    return min(moments, default=None)


def seconds_to_keep(limit: int | None = None, current: str | None = None) -> int:
    """How long something cached now may be kept: at most ``limit`` seconds (the page
    cache's setting by default), and never past the next scheduled change. ``current``
    is the generation when the caller has already read it."""
    limit = settings.PAGE_CACHE_SECONDS if limit is None else limit
    if limit <= 0:
        return 0
    key = NEXT_CHANGE_KEY.format(generation=current or generation())
    now = timezone.now()
    moment = cache.get(key)
    if moment is None:
        moment = next_change(now) or now + datetime.timedelta(days=1)
        cache.set(key, moment, max(int((moment - now).total_seconds()), 1))
    remaining = int((moment - now).total_seconds())
    return max(min(limit, remaining), 0)


def read(*keys: str) -> tuple[str, dict]:
    """The current generation, and the values that ``keep`` stored under ``keys`` in
    it (a key missing, or stored in an earlier generation, is left out): one round trip
    to the cache."""
    found = cache.get_many([GENERATION_KEY, *keys])
    current = found.pop(GENERATION_KEY, None) or generation()
    return current, {key: entry[1] for key, entry in found.items() if entry and entry[0] == current}


def keep(values: dict, current: str, timeout: int) -> None:
    """Store ``values`` (by key) as belonging to the generation ``current``, read before
    they were computed: if the content changed meanwhile, they are never read."""
    if values and timeout:
        cache.set_many({key: (current, value) for key, value in values.items()}, timeout)


def cached(key: str, compute, *, limit: int | None = None):
    """``compute()``, kept in the cache under ``key`` for this generation."""
    current, found = read(key)
    if key in found:
        return found[key]
    value = compute()
    keep({key: value}, current, seconds_to_keep(limit, current))
    return value
