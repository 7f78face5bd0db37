"""Production settings refuse to start without a secret; the demo login is dev-only."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


# What production needs, less what a test leaves out.
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-long-random-secret-for-this-test-only-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "chamber.example.org",
    "DJANGO_SITE_URL": "https://chamber.example.org",
}


def environment(**env) -> dict[str, str]:
    """This process's environment without its DJANGO_ settings, plus ``env``."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return {**clean, **env}


def run_check(*, leave_out: str = ""):
    env = {name: value for name, value in PRODUCTION.items() if name != leave_out}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(leave_out="DJANGO_SECRET_KEY")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_production_refuses_to_start_without_its_address():
    # Links in e-mails are built from it: a default would send visitors to localhost.
    result = run_check(leave_out="DJANGO_SITE_URL")
    assert result.returncode != 0
    assert "DJANGO_SITE_URL must be set" in result.stderr


@pytest.mark.slow
def test_production_starts_with_a_secret_key_and_its_address():
    result = run_check()
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_private_files_may_not_be_kept_among_the_public_media(tmp_path):
    # nginx serves MEDIA_ROOT to anyone: private files there would be public.
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment(
            DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
            DJANGO_PRIVATE_MEDIA_ROOT=str(tmp_path / "media" / "private"),
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_PRIVATE_MEDIA_ROOT must be outside DJANGO_MEDIA_ROOT" in result.stderr


@pytest.mark.slow
def test_an_old_variable_name_still_works_with_a_warning():
    script = (
        "import django; django.setup(); from django.conf import settings;"
        "from django.core.management import call_command;"
        "print(settings.REGISTRATION_RATE, settings.REGISTRATION_LINK_MAX_AGE);"
        "call_command('check')"
    )
    env = environment(
        EVENTS_REGISTRATION_RATE="3/m",
        DJANGO_REGISTRATION_LINK_MAX_AGE="60",
        EVENTS_REGISTRATION_LINK_MAX_AGE="120",
        DJANGO_SETTINGS_MODULE="chamber.settings",
    )

    def run(*options):
        return subprocess.run(
            [sys.executable, *options, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    # A DeprecationWarning names the old and the new name.
    strict = run("-W", "error::DeprecationWarning:chamber.settings")
    assert "EVENTS_REGISTRATION_RATE is deprecated: name it DJANGO_REGISTRATION_RATE" in (
        strict.stderr
    )
    result = run()
    assert result.returncode == 0, result.stderr
    # The old name gives its value; the new name wins when both are set.
    assert result.stdout.split()[:2] == ["3/m", "60"]
    # manage.py check tells the operator what to rename.
    assert "chamber.W001" in result.stderr
    assert "Name it DJANGO_REGISTRATION_RATE" in result.stderr
    assert "EVENTS_REGISTRATION_LINK_MAX_AGE" not in result.stderr


@pytest.mark.django_db
def test_demo_login_is_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_login")
    assert not get_user_model().objects.filter(username="demo").exists()


@pytest.mark.django_db
def test_demo_login_creates_a_staff_user_in_development(settings, capsys):
    settings.DEBUG = True
    call_command("demo_login")
    user = get_user_model().objects.get(username="demo")
    assert user.is_staff
    assert user.check_password("chamber-demo")
    assert "chamber-demo" in capsys.readouterr().out


def redis_reachable() -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.mark.slow
@pytest.mark.skipif(
    not redis_reachable(),
    reason="Redis is not listening on 127.0.0.1:6379: start it (redis-server) to run this",
)
def test_redis_url_makes_the_cache_shared_between_processes():
    """With REDIS_URL, what one process caches (rate-limit counters ...) another reads."""
    script = (
        "import django, sys; django.setup();"
        "from django.core.cache import cache, caches;"
        "print(type(caches['default']).__name__);"
        "cache.set('shared-check', sys.argv[1], 30) if sys.argv[1] != 'read' "
        "else print(cache.get('shared-check'))"
    )
    env = environment(
        REDIS_URL="redis://127.0.0.1:6379/15", DJANGO_SETTINGS_MODULE="chamber.settings"
    )
    token = f"value-{os.getpid()}"
    for argument in (token, "read"):
        result = subprocess.run(
            [sys.executable, "-c", script, argument],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", token]


@pytest.mark.skipif(
    not redis_reachable(),
    reason="Redis is not listening on 127.0.0.1:6379: start it (redis-server) to run this",
)
def test_the_redis_cache_keeps_one_client():
    """Django's backend builds a client per operation; ours keeps one per pool, shared by
    the threads, and works as the cache does."""
    from concurrent.futures import ThreadPoolExecutor

    from chamber.toolkit.redis_cache import RedisCache

    cache = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": f"client-{os.getpid()}"})
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    cache.set_many({"a": 1, "b": [2]}, 30)
    with ThreadPoolExecutor(4) as threads:
        results = list(threads.map(lambda _n: cache.get_many(["a", "b", "c"]), range(40)))
    assert results == [{"a": 1, "b": [2]}] * 40
    assert cache._cache.get_client() is client
    cache.delete_many(["a", "b"])
    assert cache.get("a") is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (PRODUCTION, "60 True"),
        ({**PRODUCTION, "DJANGO_CONN_MAX_AGE": "0"}, "0 True"),
        ({}, "0 True"),
    ],
)
def test_production_keeps_database_connections(env, expected):
    """Persistent connections, checked before reuse, unless the operator says otherwise;
    development opens one per request."""
    script = (
        "import django; django.setup(); from django.conf import settings;"
        "db = settings.DATABASES['default'];"
        "print(db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment(DJANGO_SETTINGS_MODULE="chamber.settings", **env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
