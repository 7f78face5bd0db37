"""What operators see: health endpoints, one log line per event with the request's id and
the visitor's address, no public manifest of static files, no TRACE, error reporting."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import OperationalError, connections
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from chamber.toolkit import observability
from chamber.toolkit.middleware import StaticFilesMiddleware
from chamber.toolkit.observability import (
    JsonFormatter,
    OneLineFormatter,
    RequestContextFilter,
    logging_config,
)

ROOT = Path(__file__).resolve().parents[3]


class BrokenStorage(FileSystemStorage):
    """A storage whose service does not answer."""

    def listdir(self, path):
        raise ConnectionError("storage unreachable")


# Health ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["chamber.example.org"], SECURE_SSL_REDIRECT=True)
def test_health_endpoints_answer_a_probe_by_address_over_plain_http():
    # A load balancer probes http://10.0.0.5:8000/healthz: no host check, no redirect.
    client = Client(HTTP_HOST="10.0.0.5:8000")
    for path in ("/healthz", "/readyz"):
        response = client.get(path)
        assert response.status_code == 200, path
    # Every other path still gets the host check.
    assert client.get("/fr/").status_code == 400


@pytest.mark.django_db
def test_readyz_reports_each_dependency(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "queue": "ok",
    }


@pytest.mark.django_db
def test_readyz_fails_when_the_database_is_down(client):
    with mock.patch.object(
        connections["default"], "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == "error: OperationalError"
    assert body["cache"] == "ok"


@pytest.mark.django_db
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "chamber.toolkit.redis_cache.RedisCache",
            # Nothing listens on port 1.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
)
def test_readyz_fails_when_the_cache_is_down(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["cache"].startswith("error: ")
    assert body["database"] == "ok"


@pytest.mark.django_db
@override_settings(
    STORAGES={
        "default": {"BACKEND": "tests.chamber.toolkit.test_observability.BrokenStorage"},
        "private": {"BACKEND": "chamber.toolkit.storage.PrivateFileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
)
def test_readyz_fails_when_the_storage_is_down(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["storage"] == "error: StorageUnavailable"


@pytest.mark.django_db
def test_readyz_fails_when_the_task_queue_is_down(client):
    # The queue's table is unreachable (a database without the tasks' migration).
    with mock.patch.object(
        DBTaskResult.objects, "filter", side_effect=OperationalError("no such table")
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["queue"] == "error: OperationalError"


def test_a_failed_readiness_check_is_one_warning_and_health_is_not_logged(client, caplog):
    with (
        caplog.at_level(logging.INFO),
        mock.patch.dict(
            observability.READINESS_CHECKS,
            {name: (lambda: None) for name in observability.READINESS_CHECKS},
        ),
    ):
        client.get("/healthz")
        client.get("/readyz")
    assert caplog.records == []
    with (
        caplog.at_level(logging.INFO),
        mock.patch.dict(
            observability.READINESS_CHECKS,
            {"database": mock.Mock(side_effect=OperationalError("down"))},
            clear=True,
        ),
    ):
        client.get("/readyz")
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "Readiness check database failed" in caplog.records[0].getMessage()


@pytest.mark.django_db
def test_trace_is_refused(client):
    assert client.generic("TRACE", "/fr/").status_code == 405
    assert client.generic("TRACK", "/").status_code == 405
    assert client.get("/fr/").status_code == 200


# Logs --------------------------------------------------------------------------------


@pytest.fixture
def json_log():
    """The production log handler (filter and JSON formatter) on the root logger."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)


@pytest.mark.django_db
def test_a_nul_byte_in_the_query_is_one_json_warning_with_request_id_and_client(json_log):
    with translation.override("en"):
        url = reverse("site:search")
    response = Client(REMOTE_ADDR="203.0.113.9").get(url + "?q=a%00b")
    assert response.status_code == 400
    lines = json_log.getvalue().splitlines()
    assert len(lines) == 1, lines
    record = json.loads(lines[0])
    assert record["level"] == "WARNING"
    assert "NUL character in the query string" in record["message"]
    assert record["request_id"] == response["X-Request-ID"]
    assert record["client"] == "203.0.113.9"
    assert "exc_info" not in record


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=1)
def test_log_lines_carry_the_address_the_trusted_proxy_saw(json_log):
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    client.get("/fr/?q=%00")
    record = json.loads(json_log.getvalue().splitlines()[0])
    assert record["client"] == "198.51.100.7"


def test_a_request_id_from_the_proxy_is_kept_and_an_implausible_one_replaced(client):
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="0af7651916cd43dd8448eb211c80319c")
    assert kept.status_code == 200
    # The health endpoints answer before the request context; a page carries the id.
    factory = RequestFactory()
    middleware = observability.RequestContextMiddleware(lambda request: HttpResponse("ok"))
    plausible = "0af7651916cd43dd8448eb211c80319c"
    response = middleware(factory.get("/", HTTP_X_REQUEST_ID=plausible))
    assert response["X-Request-ID"] == plausible
    for forged in ("", "x", "<script>alert(1)</script>", "a" * 65, "id with spaces"):
        response = middleware(factory.get("/", HTTP_X_REQUEST_ID=forged))
        assert response["X-Request-ID"] != forged
        assert len(response["X-Request-ID"]) == 32
        int(response["X-Request-ID"], 16)


def test_the_request_context_is_gone_after_the_request():
    seen = {}

    def view(request):
        seen["id"] = observability.request_id_var.get()
        seen["client"] = observability.client_var.get()
        return HttpResponse("ok")

    middleware = observability.RequestContextMiddleware(view)
    response = middleware(RequestFactory().get("/", REMOTE_ADDR="192.0.2.4"))
    assert seen == {"id": response["X-Request-ID"], "client": "192.0.2.4"}
    assert observability.request_id_var.get() == "-"
    assert observability.client_var.get() == "-"


def _record_with_traceback() -> logging.LogRecord:
    try:
        raise ValueError("broken\nin two lines")
    except ValueError:
        return logging.getLogger("test").makeRecord(
            "test", logging.ERROR, __file__, 1, "Failed for %s", ("x",), sys.exc_info()
        )


def test_the_text_format_writes_a_traceback_on_one_line():
    record = _record_with_traceback()
    RequestContextFilter().filter(record)
    formatter = logging_config(log_format="text", level="INFO")["formatters"]["line"]
    line = OneLineFormatter(formatter["format"]).format(record)
    assert "\n" not in line
    assert "Failed for x [" not in line
    assert "ERROR test [- -] Failed for x\\nTraceback" in line
    assert "ValueError: broken\\nin two lines" in line


def test_the_json_format_writes_one_object_per_event():
    record = _record_with_traceback()
    RequestContextFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    body = json.loads(line)
    assert body["message"] == "Failed for x"
    assert body["level"] == "ERROR"
    assert body["logger"] == "test"
    assert body["request_id"] == "-"
    assert "ValueError: broken" in body["exc_info"]


def test_the_log_format_is_chosen_by_the_setting():
    json_config = logging_config(log_format="json", level="WARNING")
    assert json_config["formatters"]["line"]["()"].endswith("JsonFormatter")
    assert json_config["root"]["level"] == "WARNING"
    text_config = logging_config(log_format="text", level="INFO")
    assert text_config["formatters"]["line"]["()"].endswith("OneLineFormatter")
    for config in (json_config, text_config):
        assert config["handlers"]["console"]["filters"] == ["request_context"]
        # Django's own logger goes through the same handler, once.
        assert config["loggers"]["django"] == {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
        }


# Static files ------------------------------------------------------------------------


@pytest.mark.parametrize("autorefresh", [False, True])
def test_the_static_files_manifest_is_not_served(tmp_path, autorefresh):
    (tmp_path / "staticfiles.json").write_text('{"paths": {}}')
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.abc123.css").write_text("body{}")
    with override_settings(
        STATIC_ROOT=str(tmp_path),
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=autorefresh,
    ):
        middleware = StaticFilesMiddleware(lambda request: HttpResponse("app", status=404))
        factory = RequestFactory()
        assert middleware(factory.get("/static/staticfiles.json")).status_code == 404
        served = middleware(factory.get("/static/css/site.abc123.css"))
        assert served.status_code == 200


# Error reporting ---------------------------------------------------------------------


def _settings_in_subprocess(extra_env: dict, code: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SENTRY_"))}
    env.update(DJANGO_SETTINGS_MODULE="chamber.settings", **extra_env)
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.slow
def test_errors_are_reported_to_sentry_only_when_a_dsn_is_set_and_without_personal_data():
    code = (
        "import json, sentry_sdk; c = sentry_sdk.get_client(); "
        "print(json.dumps([c.is_active(), c.options.get('send_default_pii'), "
        "c.options.get('max_request_body_size'), c.options.get('environment')]))"
    )
    assert json.loads(_settings_in_subprocess({}, code))[0] is False
    dsn = "https://public@o0.ingest.sentry.io/1"
    reported = json.loads(
        _settings_in_subprocess({"SENTRY_DSN": dsn, "SENTRY_ENVIRONMENT": "staging"}, code)
    )
    assert reported == [True, False, "never", "staging"]


@pytest.mark.slow
def test_an_unknown_log_format_is_refused_at_start():
    with pytest.raises(subprocess.CalledProcessError) as failure:
        _settings_in_subprocess({"DJANGO_LOG_FORMAT": "xml"}, "pass")
    assert "DJANGO_LOG_FORMAT must be text or json" in failure.value.stderr
