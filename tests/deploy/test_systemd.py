"""deploy/systemd: what each unit starts exists in the project, every service reads the
environment file the README names and runs hardened as the chamber user, and systemd
itself accepts the units."""

import datetime
import importlib.util
import io
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from axes.models import AccessLog
from django.contrib.sessions.models import Session
from django.core.management import call_command, get_commands
from django.utils import timezone

from chamber.models import MembershipApplication
from events.models import Registration
from tests.deploy.support import APP_DIR, ENV_FILE, ENV_TEMPLATE, ROOT, env_template
from tests.support.factories import RegistrationFactory

UNITS = ROOT / "deploy" / "systemd"
SERVICES = [
    "chamber-web.service",
    "chamber-worker.service",
    "chamber-daily.service",
    "chamber-backup.service",
    "chamber-mail-sweep.service",
]
TIMERS = {
    "chamber-daily.timer": "*-*-* 03:30:00",
    "chamber-backup.timer": "*-*-* 04:15:00",
    "chamber-mail-sweep.timer": "*:0/15",
}
README = (ROOT / "README.md").read_text()
HARDENING = {
    "NoNewPrivileges": "true",
    "ProtectSystem": "strict",
    "ProtectHome": "true",
    "PrivateTmp": "true",
    "CapabilityBoundingSet": "",
}
# The background worker's command comes with the e-mail queue (django-tasks): once that
# is installed, it must be a command like the others.
COMMANDS_ELSEWHERE = {"db_worker"} if importlib.util.find_spec("django_tasks") is None else set()


def read_unit(name: str) -> dict[str, dict[str, list[str]]]:
    """A unit file as systemd reads it: sections of keys, each with its values in order
    (ExecStart may repeat in a oneshot service)."""
    sections: dict[str, dict[str, list[str]]] = {}
    section = None
    for line in (UNITS / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = sections.setdefault(line.strip("[]"), {})
            continue
        key, _equals, value = line.partition("=")
        section.setdefault(key.strip(), []).append(value.strip())
    return sections


def setting(unit: str, section: str, key: str) -> str:
    [value] = read_unit(unit)[section][key]
    return value


def in_project(path: str) -> Path:
    """The project's file for a path under the deployed checkout."""
    assert path.startswith(f"{APP_DIR}/"), path
    return ROOT / path.removeprefix(f"{APP_DIR}/")


def test_the_folder_holds_the_units_the_readme_installs():
    names = sorted(path.name for path in UNITS.iterdir())
    assert names == sorted([*SERVICES, *TIMERS])
    for name in names:
        assert name in README


@pytest.mark.parametrize("unit", SERVICES)
def test_services_run_as_the_chamber_user_with_the_environment_file(unit):
    service = read_unit(unit)["Service"]
    assert service["User"] == ["chamber"]
    assert service["Group"] == ["chamber"]
    assert service["WorkingDirectory"] == [APP_DIR]
    assert service["EnvironmentFile"] == [ENV_FILE]
    assert ENV_FILE in README
    assert ENV_FILE in ENV_TEMPLATE.read_text()
    for key, value in HARDENING.items():
        assert service.get(key) == [value], key


@pytest.mark.parametrize("unit", SERVICES)
def test_every_command_exists_in_the_project(unit):
    commands = read_unit(unit)["Service"]["ExecStart"]
    assert commands
    for command in commands:
        program, *args = shlex.split(command)
        executable = in_project(program)
        if executable.parent == ROOT / "deploy" / "backup":
            # The backup scripts, given the backup folder the unit may write.
            assert executable.is_file() and executable.stat().st_mode & 0o111, program
            assert args == ["/var/backups/chamber"]
            assert read_unit(unit)["Service"]["ReadWritePaths"] == args
            continue
        assert executable.parent == ROOT / ".venv" / "bin"
        assert (ROOT / ".venv" / "bin" / executable.name).exists(), program
        if executable.name == "gunicorn":
            assert args[0] == "-c"
            assert in_project(args[1]).is_file()
            assert importlib.util.find_spec(args[2]) is not None  # chamber.wsgi
        else:
            assert args[0] == "manage.py"
            assert (ROOT / "manage.py").is_file()
            assert args[1] in get_commands() or args[1] in COMMANDS_ELSEWHERE, args[1]


def test_the_site_restarts_on_failure_and_writes_only_the_uploads():
    service = read_unit("chamber-web.service")["Service"]
    assert service["Type"] == ["notify"]  # gunicorn tells systemd when it is ready
    assert service["Restart"] == ["on-failure"]
    required, _optional = env_template()
    assert service["ReadWritePaths"] == [
        f"{required['DJANGO_MEDIA_ROOT']} {required['DJANGO_PRIVATE_MEDIA_ROOT']}"
    ]
    assert "ReadWritePaths" not in read_unit("chamber-worker.service")["Service"]
    assert read_unit("chamber-worker.service")["Service"]["ExecStart"] == [
        f"{APP_DIR}/.venv/bin/python manage.py db_worker"
    ]


@pytest.mark.parametrize(("name", "time"), TIMERS.items())
def test_the_timers_start_their_service(name, time):
    timer = read_unit(name)
    assert timer["Timer"]["OnCalendar"] == [time]
    assert timer["Timer"]["Persistent"] == ["true"]
    assert timer["Install"]["WantedBy"] == ["timers.target"]
    # A timer starts the service of its own name.
    service = name.replace(".timer", ".service")
    assert (UNITS / service).exists()
    assert "Install" not in read_unit(service)
    assert setting(service, "Service", "Type") == "oneshot"


def test_the_housekeeping_deletes_old_registrations_first():
    commands = [
        shlex.split(command)[2]
        for command in read_unit("chamber-daily.service")["Service"]["ExecStart"]
    ]
    assert commands[0] == "delete_old_registrations"


@pytest.mark.django_db
def test_the_housekeeping_removes_what_is_kept_no_longer():
    now = timezone.now()
    long_ago = now.date() - datetime.timedelta(days=800)
    old = RegistrationFactory(
        delegation__fair__starts_on=long_ago, delegation__fair__ends_on=long_ago
    )
    recent = RegistrationFactory()
    decided = MembershipApplication.objects.create(
        company_name="Old Co",
        contact_name="A",
        email="a@old.example",
        sector="x",
        size="small",
        tier="member",
        language="fr",
        status=MembershipApplication.Status.REFUSED,
        decided_at=now - datetime.timedelta(days=800),
    )
    Session.objects.create(session_key="expired", session_data="", expire_date=now)
    Session.objects.create(
        session_key="current", session_data="", expire_date=now + datetime.timedelta(days=1)
    )
    for days in (31, 1):
        log = AccessLog.objects.create(username="editor", ip_address="127.0.0.1")
        AccessLog.objects.filter(pk=log.pk).update(attempt_time=now - datetime.timedelta(days=days))
    for command in read_unit("chamber-daily.service")["Service"]["ExecStart"]:
        _python, _manage, *args = shlex.split(command)
        call_command(*args, stdout=io.StringIO())
    assert list(Registration.objects.all()) == [recent]
    assert not Registration.objects.filter(pk=old.pk).exists()
    assert not MembershipApplication.objects.filter(pk=decided.pk).exists()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]
    assert AccessLog.objects.get().attempt_time == now - datetime.timedelta(days=1)


@pytest.mark.slow
def test_systemd_accepts_the_units(tmp_path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed (Debian's systemd package)")
    # The units as deployed, with the checkout and the environment file of this project.
    for name in (*SERVICES, *TIMERS):
        text = (UNITS / name).read_text()
        text = text.replace(APP_DIR, str(ROOT)).replace(ENV_FILE, str(ENV_TEMPLATE))
        (tmp_path / name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    # Unknown or misspelt settings are only warnings to systemd: none is allowed here.
    assert result.stderr == ""
