"""The documented backup and its restore check: a demo site on PostgreSQL is backed up
with deploy/backup/backup.sh, then restore-check.sh loads it into a scratch database and
compares it with what was backed up; a damaged backup is reported, never passed."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("BACKUP_TEST_SERVER", "postgres://postgres@127.0.0.1:5432")


def _server_reachable() -> bool:
    try:
        psycopg.connect(f"{SERVER}/postgres", connect_timeout=3).close()
    except psycopg.OperationalError:
        return False
    return True


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A PostgreSQL database with the demo content and its media folder."""
    if not _server_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {SERVER}; .ci/run starts it.")
        pytest.skip(
            f"PostgreSQL is not reachable at {SERVER}: start it, or set BACKUP_TEST_SERVER."
        )
    name = f"chamber_backup_{uuid.uuid4().hex[:8]}"
    folder = tmp_path_factory.mktemp("backup-site")
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="chamber.settings",
        DATABASE_URL=f"{SERVER}/{name}",
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        RESTORE_DATABASE=f"{name}_check",
        PYTHON=sys.executable,
    )
    try:
        for command in (["migrate", "--noinput"], ["load_demo"]):
            subprocess.run(
                [sys.executable, "manage.py", *command, "-v0"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
        yield env
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'DROP DATABASE IF EXISTS "{name}_check" WITH (FORCE)')


def run(script: str, directory: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(ROOT / "deploy" / "backup" / script), str(directory)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_backup_restores_with_its_rows_and_media(site, tmp_path):
    backup = run("backup.sh", tmp_path, site)
    assert backup.returncode == 0, backup.stderr
    names = sorted(path.name for path in tmp_path.iterdir())
    assert [n.split("-", 1)[0] for n in names] == ["SHA256SUMS", "db", "db", "media"]
    # Registrations are personal data: the files are the site user's alone.
    assert all((path.stat().st_mode & 0o077) == 0 for path in tmp_path.iterdir())
    counts = dict(
        line.split() for line in next(tmp_path.glob("db-*.counts")).read_text().splitlines()
    )
    with psycopg.connect(site["DATABASE_URL"]) as conn:
        articles = conn.execute("SELECT count(*) FROM news_article").fetchone()[0]
    assert int(counts["news_article"]) == articles > 0

    check = run("restore-check.sh", tmp_path, site)
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"news_article: {articles} rows" in check.stdout
    assert "restores cleanly" in check.stdout
    # The scratch database is dropped afterwards.
    with psycopg.connect(f"{SERVER}/postgres") as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_database WHERE datname = %s", [site["RESTORE_DATABASE"]]
        ).fetchone()[0]
    assert left == 0


def test_a_backup_missing_a_media_file_is_reported(site, tmp_path):
    media = Path(site["DJANGO_MEDIA_ROOT"])
    with psycopg.connect(site["DATABASE_URL"]) as conn:
        image = conn.execute(
            "SELECT image FROM news_article WHERE image <> '' ORDER BY id LIMIT 1"
        ).fetchone()[0]
    kept = (media / image).read_bytes()
    (media / image).unlink()
    try:
        assert run("backup.sh", tmp_path, site).returncode == 0
    finally:
        (media / image).write_bytes(kept)
    check = run("restore-check.sh", tmp_path, site)
    assert check.returncode == 1
    assert image in check.stderr
    assert "does NOT restore cleanly" in check.stderr


def test_a_damaged_dump_is_refused(site, tmp_path):
    assert run("backup.sh", tmp_path, site).returncode == 0
    dump = next(tmp_path.glob("db-*.dump"))
    dump.write_bytes(dump.read_bytes()[:-100])
    check = run("restore-check.sh", tmp_path, site)
    assert check.returncode != 0
    assert "FAILED" in check.stdout + check.stderr
