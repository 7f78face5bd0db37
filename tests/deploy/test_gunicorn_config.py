"""deploy/gunicorn.conf.py, read by gunicorn itself: defaults that fit nginx in front,
and the three GUNICORN_* variables of the environment template."""

import os
import re
import sys

import gunicorn.http.wsgi
import pytest
from gunicorn.app.base import Application

from tests.deploy.support import DEPLOY, UPSTREAM

CONFIG = DEPLOY / "gunicorn.conf.py"
NGINX_SITE = (DEPLOY / "nginx" / "chamber.conf").read_text()


class ConfigOnly(Application):
    """gunicorn's application, reading only deploy/gunicorn.conf.py."""

    def load_config(self):
        self.load_config_from_file(str(CONFIG))

    def init(self, parser, opts, args):
        pass

    def load(self):
        raise AssertionError("the test loads no application")


@pytest.fixture
def load(monkeypatch):
    """gunicorn's configuration with these GUNICORN_* variables (the others unset)."""
    # The file renames gunicorn's Server header for the whole process: undone after.
    monkeypatch.setattr(gunicorn.http.wsgi, "SERVER", gunicorn.http.wsgi.SERVER)
    monkeypatch.setitem(sys.modules, "__config__", None)

    def load_with(**variables):
        for name in [name for name in os.environ if name.startswith("GUNICORN_")]:
            monkeypatch.delenv(name)
        monkeypatch.delenv("PORT", raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return ConfigOnly().cfg

    return load_with


def nginx_seconds(directive: str) -> int:
    return int(re.search(rf"^\s*{directive} (\d+)s;", NGINX_SITE, re.MULTILINE).group(1))


def test_defaults_fit_nginx_in_front(load):
    cfg = load()
    assert cfg.bind == [UPSTREAM]  # the upstream of deploy/nginx/chamber.conf
    assert f"server {UPSTREAM};" in NGINX_SITE
    assert cfg.worker_class_str == "gthread"
    assert cfg.workers == 2 * len(os.sched_getaffinity(0)) + 1
    assert cfg.threads == 2
    assert cfg.worker_tmp_dir == "/dev/shm"
    assert cfg.forwarded_allow_ips == ["127.0.0.1", "::1"]
    # gunicorn gives up on a request before nginx does, and keeps idle connections
    # longer than nginx, which may then always reuse them.
    assert cfg.timeout < nginx_seconds("proxy_read_timeout")
    assert cfg.keepalive > nginx_seconds("keepalive_timeout")
    assert cfg.graceful_timeout <= 30
    assert cfg.max_requests > 0
    assert cfg.accesslog == "-"
    assert "%({x-forwarded-for}i)s" in cfg.access_log_format
    assert cfg.control_socket_disable is True


def test_the_server_header_does_not_name_gunicorn(load):
    load()
    assert gunicorn.http.wsgi.SERVER == "chamber"
    response = gunicorn.http.wsgi.Response(req=None, sock=None, cfg=None)
    assert response.version == "chamber"


def test_the_environment_chooses_address_and_processes(load):
    cfg = load(
        GUNICORN_BIND="unix:/run/chamber/gunicorn.sock", GUNICORN_WORKERS="3", GUNICORN_THREADS="4"
    )
    assert cfg.bind == ["unix:/run/chamber/gunicorn.sock"]
    assert cfg.workers == 3
    assert cfg.threads == 4


def test_an_empty_variable_means_the_default(load):
    cfg = load(GUNICORN_BIND="", GUNICORN_WORKERS="", GUNICORN_THREADS="")
    assert cfg.bind == [UPSTREAM]
    assert cfg.workers == 2 * len(os.sched_getaffinity(0)) + 1
    assert cfg.threads == 2
