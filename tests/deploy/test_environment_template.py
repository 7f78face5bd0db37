"""deploy/chamber.env.example lists every variable production reads, and nothing else;
its optional values are the defaults; systemd and the shell read it the same way; and
filled in, it passes `manage.py check --deploy`."""

import json
import os
import re
import runpy
import subprocess
import sys
from unittest import mock

import environ
import pytest

from chamber import settings as chamber_settings
from tests.deploy.support import DEPLOY, ENV_TEMPLATE, MEDIA_ROOT, ROOT, STATIC_ROOT, env_template

SETTINGS_FILE = ROOT / "chamber" / "settings.py"
# Former names, still read so that an old environment keeps working; never listed.
FORMER_NAMES = set(chamber_settings.RENAMED_ENVIRONMENT_VARIABLES) | {
    "DJANGO_RATELIMIT_IP_META_KEY"
}
# Optional values of the settings that the template shows as examples, not defaults: the
# chamber's full names (the default is the French-Korean chamber's, translated).
EXAMPLES = {"CHAMBER_FULL_NAME_FR", "CHAMBER_FULL_NAME_EN", "CHAMBER_FULL_NAME_KO"}
SECRET = "a-secret-for-the-template-test-0123456789-abcdefghijklmnopqrstuvwxyz"


def read_settings(variables: dict[str, str]) -> tuple[dict, list[str]]:
    """chamber/settings.py run with only ``variables`` in the environment: its settings,
    and the names of the variables it read."""
    read = []
    get_value = environ.Env.get_value

    def spy(self, var, *args, **kwargs):
        read.append(var)
        return get_value(self, var, *args, **kwargs)

    keep = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    with (
        mock.patch.dict(os.environ, {**keep, **variables}, clear=True),
        mock.patch.object(environ.Env, "get_value", spy),
    ):
        namespace = runpy.run_path(str(SETTINGS_FILE))
    settings = {name: value for name, value in namespace.items() if name.isupper()}
    return settings, read


def filled(variables: dict[str, str]) -> dict[str, str]:
    return {**variables, "DJANGO_SECRET_KEY": SECRET}


def test_every_variable_listed_is_read_and_every_one_read_is_listed():
    required, optional = env_template()
    _settings, read = read_settings(filled(required))
    read_by_gunicorn = set(
        re.findall(r'os\.environ\.get\("(GUNICORN_\w+)"', (DEPLOY / "gunicorn.conf.py").read_text())
    )
    listed = set(required) | set(optional)
    assert not listed & FORMER_NAMES
    assert listed - set(read) - read_by_gunicorn == set(), "listed, but read by nothing"
    assert set(read) - FORMER_NAMES - listed == set(), "read by the settings, not listed"
    assert read_by_gunicorn <= listed


def test_the_optional_values_shown_are_the_defaults():
    required, optional = env_template()
    defaults, _read = read_settings(filled(required))
    settings_variables = {name: value for name, value in optional.items() if name not in EXAMPLES}
    with_optional, _read = read_settings(filled({**required, **settings_variables}))
    differences = {
        name: (defaults[name], with_optional[name])
        for name in defaults
        if name != "SITE_FULL_NAME" and defaults[name] != with_optional[name]
    }
    assert differences == {}


def test_the_folders_are_those_of_the_nginx_site_and_the_web_service():
    required, _optional = env_template()
    assert required["DJANGO_STATIC_ROOT"] == STATIC_ROOT
    assert required["DJANGO_MEDIA_ROOT"] == MEDIA_ROOT
    assert required["DJANGO_TRUSTED_PROXIES"] == "1"
    assert required["DJANGO_DEBUG"] == "false"
    # No secret is shipped: the site refuses to start until one is written.
    assert required["DJANGO_SECRET_KEY"] == ""


@pytest.mark.slow
def test_the_shell_reads_the_values_as_systemd_does(tmp_path):
    # Every line uncommented, as an operator who sets them all would.
    required, optional = env_template()
    uncommented = tmp_path / "chamber.env"
    uncommented.write_text(
        re.sub(r"^# ([A-Z][A-Z0-9_]*=)", r"\1", ENV_TEMPLATE.read_text(), flags=re.M)
    )
    dump = "import json, os; print(json.dumps(dict(os.environ)))"
    result = subprocess.run(
        [
            "bash",
            "-c",
            f'set -a; . "$1"; set +a; exec "$2" -c {dump!r}',
            "-",
            uncommented,
            sys.executable,
        ],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"]},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    shell = json.loads(result.stdout)
    for name, value in {**required, **optional}.items():
        assert shell[name] == value, name


@pytest.mark.slow
def test_the_template_filled_in_passes_the_deployment_check(tmp_path):
    required, _optional = env_template()
    variables = filled(required)
    variables.update(
        DJANGO_STATIC_ROOT=str(tmp_path / "static"), DJANGO_MEDIA_ROOT=str(tmp_path / "media")
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **variables},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
