"""What operators see of the running site: one log line per event with the request's id
and the visitor's address, the health endpoints, and optional error reporting.

- ``RequestContextMiddleware`` gives every request an id (the proxy's ``X-Request-ID``
  when it is a plausible one, else a new one), sends it back in ``X-Request-ID`` and
  makes it and the visitor's address (``chamber.toolkit.clients``) part of every log
  record written while the request runs (``RequestContextFilter``).
- ``OneLineFormatter`` and ``JsonFormatter`` write each record on one line, traceback
  included (``DJANGO_LOG_FORMAT=json`` chooses JSON).
- ``HealthCheckMiddleware`` answers ``/healthz`` (the process is up) and ``/readyz``
  (the database, the cache, the storage and the task queue answer) before anything else
  runs: no host check, no HTTPS redirect, no session, no log line.
"""

import contextvars
import json
import logging
import re
import uuid

from django.http import HttpResponse, HttpResponseNotAllowed
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

from chamber.toolkit import storage
from chamber.toolkit.clients import client_address

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's request id is kept when it looks like one (nginx's $request_id is 32 hex
# digits, others use UUIDs); anything else, a visitor's invention included, is replaced.
PLAUSIBLE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
client_var: contextvars.ContextVar[str] = contextvars.ContextVar("client", default="-")


def request_id_for(request) -> str:
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    if PLAUSIBLE_REQUEST_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        tokens = (
            request_id_var.set(request.request_id),
            client_var.set(client_address(request) or "-"),
        )
        try:
            response = self.get_response(request)
        finally:
            client_var.reset(tokens[1])
            request_id_var.reset(tokens[0])
        response[REQUEST_ID_HEADER] = request.request_id
        return response


class RequestContextFilter(logging.Filter):
    """Adds ``request_id`` and ``client`` to every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.client = client_var.get()
        return True


class OneLineFormatter(logging.Formatter):
    """The usual text format, with a traceback's line breaks written as ``\\n`` so that
    one event is one line for journald, grep and log shippers."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\r", "\\r").replace("\n", "\\n")


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per line: time, level, logger, message, request id, client,
    and the traceback as one string."""

    def add_fields(self, log_record, record, message_dict):
        super().add_fields(log_record, record, message_dict)
        log_record["time"] = self.formatTime(record)
        log_record["level"] = record.levelname
        log_record["logger"] = record.name
        log_record["request_id"] = getattr(record, "request_id", "-")
        log_record["client"] = getattr(record, "client", "-")
        # Django's request logging attaches the request object itself; it is not JSON.
        log_record.pop("request", None)


def logging_config(*, log_format: str, level: str) -> dict:
    """The LOGGING setting: every record through one handler, one line per event."""
    formatter = (
        {"()": "chamber.toolkit.observability.JsonFormatter"}
        if log_format == "json"
        else {
            "()": "chamber.toolkit.observability.OneLineFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(client)s] %(message)s",
        }
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_context": {"()": "chamber.toolkit.observability.RequestContextFilter"}
        },
        "formatters": {"line": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_context"],
                "formatter": "line",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Replaces Django's default "django" logger (console in DEBUG only, e-mail to
            # ADMINS), which would print each record a second time.
            "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "django.db.backends": {"level": "INFO"},
            # runserver's access lines go through the same handler.
            "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }


# Health -----------------------------------------------------------------------------


def check_database() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    from django.core.cache import cache

    key = "readyz-probe"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not keep a value")


def check_queue() -> None:
    """The task queue (django-tasks-db: a table of the database) answers: every e-mail is
    enqueued there in the request that causes it."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").exists()


READINESS_CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": storage.check_storage,
    "queue": check_queue,
}


def readiness() -> dict[str, str]:
    """``{"database": "ok", "cache": "error: ...", ...}`` for each dependency."""
    results = {}
    for name, check in READINESS_CHECKS.items():
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure of a dependency means not ready
            logger.warning("Readiness check %s failed: %s", name, exc)
            results[name] = f"error: {type(exc).__name__}"
        else:
            results[name] = "ok"
    return results


def _plain(status: int, body: dict) -> HttpResponse:
    response = HttpResponse(
        json.dumps(body, sort_keys=True), status=status, content_type="application/json"
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """First of all middleware: answers the health endpoints and refuses TRACE."""

    REFUSED_METHODS = {"TRACE", "TRACK", "CONNECT"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in self.REFUSED_METHODS:
            return HttpResponseNotAllowed(["GET", "HEAD", "POST", "OPTIONS"])
        if request.path == "/healthz":
            return _plain(200, {"status": "ok"})
        if request.path == "/readyz":
            results = readiness()
            ready = all(value == "ok" for value in results.values())
            body = {"status": "ok" if ready else "error", **results}
            response = _plain(200 if ready else 503, body)
            # Each failed check was logged once, as a warning, by readiness().
            response._has_been_logged = True
            return response
        return self.get_response(request)


def init_error_reporting(
    dsn: str, *, environment: str, release: str = "", traces_sample_rate: float = 0.0, **options
) -> None:
    """Send unhandled errors to Sentry (or a compatible service) when a DSN is set.

    Personal data stays out: no cookies, no user, no request bodies (registrations hold
    names, e-mail addresses and phone numbers).
    """
    if not dsn:
        return
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        **options,
    )
