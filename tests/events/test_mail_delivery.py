"""From the public form to a mail server, end to end: a registration made while the mail
server is down is kept, its e-mails wait; once the server is up, the worker started as in
production (``manage.py db_worker``, in another process) delivers each exactly once."""

import os
import socket
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.db import connection

from chamber.toolkit.models import OutgoingEmail
from events.models import Registration
from tests.support.htmlpage import object_url
from tests.support.tasks import DATABASE_BACKEND, run_tasks

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
FORM = {
    "company_name": "Hanji Atelier",
    "contact_name": "Kim Min-ji",
    "email": "minji@example.com",
    "phone": "+82 10 1234 5678",
    "website": "hanji.example.com",
    "sector": "Lighting",
    "pitch": "Lamps made of hanji paper.",
    "consent": "on",
    "homepage": "",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self):
        self.received = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.received.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 Message accepted"


def database_url() -> str:
    """The test database, for the worker's process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def db_worker(port: int) -> subprocess.CompletedProcess:
    """``manage.py db_worker --batch``: run the tasks whose time has come, then stop."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "EMAIL_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="chamber.settings",
        DATABASE_URL=database_url(),
        EMAIL_URL=f"smtp://127.0.0.1:{port}",
        DJANGO_EMAIL_TIMEOUT="10",
    )
    command = ["db_worker", "--batch", "--no-reload", "--no-startup-delay"]
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_a_registration_made_while_the_mail_server_is_down_is_mailed_once_it_is_up(
    client, delegation, settings
):
    settings.TASKS = DATABASE_BACKEND
    port = free_port()  # nothing listens there yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 10

    # An hour before now, so that the retry the first attempt schedules is due for the
    # worker's process, which reads the real clock.
    now = datetime.fromtimestamp(time_machine.escape_hatch.time.time(), UTC)
    with time_machine.travel(now - timedelta(hours=1), tick=True):
        response = client.post(object_url(delegation, "en"), FORM, REMOTE_ADDR="127.0.0.1")
        assert response.status_code == 302
        registration = Registration.objects.get()
        assert run_tasks() == 2  # the worker's first attempt: the server refuses
    assert registration.status == Registration.Status.SUBMITTED
    emails = OutgoingEmail.objects.order_by("pk")
    assert [email.to for email in emails] == [["minji@example.com"], [delegation.contact_email]]
    for email in emails:
        assert (email.status, email.attempts) == (OutgoingEmail.Status.PENDING, 1)
        assert "Connection refused" in email.last_error

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        worker = db_worker(port)
        assert "SUCCESSFUL" in worker.stdout + worker.stderr
        recipients = sorted(rcpt for rcpts, _content in inbox.received for rcpt in rcpts)
        assert recipients == sorted(["minji@example.com", delegation.contact_email])
        (confirmation,) = [content for rcpts, content in inbox.received if "minji" in rcpts[0]]
        assert "Registration received" in confirmation
        for email in emails.all():
            assert (email.status, email.attempts) == (OutgoingEmail.Status.SENT, 2)
            assert email.headers["Message-ID"] in "".join(c for _r, c in inbox.received)

        db_worker(port)  # once more: nothing is left to send
        assert len(inbox.received) == 2
    finally:
        server.stop()
