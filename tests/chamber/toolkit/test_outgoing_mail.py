"""The outbox: every e-mail is queued in the transaction of the change it tells of, sent
by the worker once, tried again later when the mail server fails, marked failed after the
last attempt for staff to see and send again; old ones are deleted."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from chamber.site.staff_groups import setup_staff_groups
from chamber.toolkit import mail as outbox
from chamber.toolkit.models import OutgoingEmail
from tests.support.htmlpage import Page
from tests.support.tasks import DATABASE_BACKEND, run_tasks

pytestmark = pytest.mark.django_db

Status = OutgoingEmail.Status
CHANGELIST = "admin:toolkit_outgoingemail_changelist"


@pytest.fixture(autouse=True)
def database_backend(settings):
    """The production task backend: tasks wait in the database for ``run_tasks()``."""
    settings.TASKS = DATABASE_BACKEND


class MailServer:
    """The locmem backend that answers like a mail server that is down when ``down``."""

    down = False


@pytest.fixture
def server(monkeypatch):
    server = MailServer()
    send = locmem.EmailBackend.send_messages

    def send_messages(backend, messages):
        if server.down:
            raise ConnectionRefusedError(111, "Connection refused")
        return send(backend, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", send_messages)
    return server


def message(n: int = 1) -> EmailMessage:
    return EmailMessage(
        subject=f"Registration {n} received",
        body="Thank you for registering.",
        to=[f"contact{n}@example.com"],
        reply_to=["delegation@example.org"],
    )


def ready_tasks() -> int:
    return DBTaskResult.objects.ready().count()


class TestQueue:
    def test_the_email_and_its_task_are_written_in_the_callers_transaction(self):
        with pytest.raises(RuntimeError), transaction.atomic():
            email = outbox.queue(message())
            assert OutgoingEmail.objects.filter(pk=email.pk).exists()
            assert DBTaskResult.objects.get().args_kwargs["args"] == [email.pk]
            raise RuntimeError  # the change that caused it fails
        assert not OutgoingEmail.objects.exists()
        assert not DBTaskResult.objects.exists()
        assert run_tasks() == 0
        assert mail.outbox == []

    def test_the_message_is_kept_in_full_and_waits_for_the_worker(self):
        html = EmailMultiAlternatives(
            "Bienvenue", "Texte", "chamber@example.org", ["a@example.com"], cc=["b@example.com"]
        )
        html.attach_alternative("<p>Texte</p>", "text/html")
        email = outbox.queue(html)
        assert (email.status, email.attempts, email.sent_at) == (Status.PENDING, 0, None)
        assert email.task_id == str(DBTaskResult.objects.get().id)
        assert mail.outbox == []  # nothing is sent in the request
        run_tasks()
        (sent,) = mail.outbox
        assert (sent.subject, sent.body, sent.from_email) == ("Bienvenue", "Texte", html.from_email)
        assert (sent.to, sent.cc) == (["a@example.com"], ["b@example.com"])
        assert sent.alternatives == [("<p>Texte</p>", "text/html")]
        assert sent.extra_headers["Message-ID"] == email.headers["Message-ID"]

    def test_attachments_are_refused_rather_than_dropped(self):
        with_file = message()
        with_file.attach("deck.pdf", b"%PDF", "application/pdf")
        with pytest.raises(ValueError, match="attachments"):
            outbox.queue(with_file)
        assert not OutgoingEmail.objects.exists()


class TestWorker:
    def test_the_worker_sends_each_email_once(self, server):
        first, second = outbox.queue(message(1)), outbox.queue(message(2))
        assert run_tasks() == 2
        assert sorted(m.to[0] for m in mail.outbox) == [
            "contact1@example.com",
            "contact2@example.com",
        ]
        for email in (first, second):
            email.refresh_from_db()
            assert (email.status, email.attempts) == (Status.SENT, 1)
            assert email.sent_at is not None and email.next_attempt_at is None
        assert run_tasks() == 0
        assert len(mail.outbox) == 2

    def test_a_second_task_for_a_sent_email_sends_nothing(self, server):
        email = outbox.queue(message())
        outbox.send_email.enqueue(email.pk)  # queued twice (the sweep, a retry ...)
        assert run_tasks() == 2
        assert len(mail.outbox) == 1
        assert DBTaskResult.objects.filter(return_value=Status.SENT).count() == 2

    def test_a_failed_attempt_waits_and_is_tried_again_after_the_delay(
        self, server, frozen_clock, caplog
    ):
        server.down = True
        email = outbox.queue(message())
        run_tasks()
        email.refresh_from_db()
        assert (email.status, email.attempts) == (Status.PENDING, 1)
        assert "Connection refused" in email.last_error
        assert email.next_attempt_at == timezone.now() + datetime.timedelta(minutes=1)
        assert "not sent, attempt 1" in caplog.text
        assert mail.outbox == []

        server.down = False
        assert run_tasks() == 0  # not before its time
        frozen_clock.shift(datetime.timedelta(seconds=59))
        assert run_tasks() == 0
        frozen_clock.shift(datetime.timedelta(seconds=1))
        assert run_tasks() == 1
        assert len(mail.outbox) == 1
        email.refresh_from_db()
        assert (email.status, email.attempts) == (Status.SENT, 2)
        assert run_tasks() == 0
        assert len(mail.outbox) == 1

    def test_the_delays_grow_then_repeat(self):
        minutes = [outbox.retry_delay(n).total_seconds() / 60 for n in range(1, 8)]
        assert minutes == [1, 5, 30, 120, 360, 360, 360]

    def test_after_the_last_attempt_the_email_is_failed(
        self, server, frozen_clock, settings, caplog
    ):
        settings.MAIL_MAX_ATTEMPTS = 3
        server.down = True
        email = outbox.queue(message())
        for attempt in (1, 2, 3):
            assert run_tasks() == 1
            email.refresh_from_db()
            assert email.attempts == attempt
            if attempt < 3:
                assert email.status == Status.PENDING
                frozen_clock.shift(outbox.retry_delay(attempt))
        assert (email.status, email.next_attempt_at) == (Status.FAILED, None)
        assert ready_tasks() == 0 and DBTaskResult.objects.filter(status="READY").count() == 0
        assert "failed after 3 attempts" in caplog.text
        assert mail.outbox == []


def failed_email(server, settings, n: int = 1) -> OutgoingEmail:
    settings.MAIL_MAX_ATTEMPTS = 1
    server.down = True
    email = outbox.queue(message(n))
    run_tasks()
    email.refresh_from_db()
    assert email.status == Status.FAILED
    server.down = False
    return email


@pytest.fixture
def manager(django_user_model):
    """A delegation manager: sees the outbox and may send failed e-mails again."""
    setup_staff_groups()
    user = django_user_model.objects.create_user("manager", "m@example.org", "x", is_staff=True)
    user.groups.add(Permission.objects.get(codename="retry_outgoingemail").group_set.get())
    return user


@pytest.fixture
def onlooker(django_user_model):
    """A staff member who may see the outbox, not send anything again."""
    user = django_user_model.objects.create_user("onlooker", "o@example.org", "x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    return user


def retry_url(email) -> str:
    return reverse("admin:toolkit_outgoingemail_retry", args=[email.pk])


def change_url(email) -> str:
    return reverse("admin:toolkit_outgoingemail_change", args=[email.pk])


def retry_action(client, *emails):
    return client.post(
        reverse(CHANGELIST),
        {"action": "retry_selected", "_selected_action": [email.pk for email in emails]},
    )


class TestAdmin:
    def test_the_list_shows_each_emails_status_recipient_attempts_and_error(
        self, admin_client, server, settings
    ):
        failed = failed_email(server, settings)
        outbox.queue(message(2))
        response = admin_client.get(reverse(CHANGELIST), headers={"accept-language": "en"})
        rows = {
            row.find("td", class_="field-recipients").text: row
            for row in Page(response).find_all("tr")
            if row.find("td", class_="field-recipients")
        }
        assert set(rows) == {"contact1@example.com", "contact2@example.com"}
        label = rows["contact1@example.com"].one("span", class_="mail-status-failed")
        assert label.text == "Could not be sent"
        assert "Connection refused" in rows["contact1@example.com"].text
        assert failed.subject in rows["contact1@example.com"].text
        assert "Waiting to be sent" in rows["contact2@example.com"].text

        french = admin_client.get(reverse(CHANGELIST), {"status__exact": "failed"})
        assert "Envoi impossible" in french.content.decode()
        assert "contact2@example.com" not in french.content.decode()
        found = admin_client.get(reverse(CHANGELIST), {"q": "contact2@"}).content.decode()
        assert "contact2@example.com" in found and "contact1@example.com" not in found

    def test_the_admin_home_says_how_many_emails_failed(self, admin_client, server, settings):
        failed_email(server, settings)
        home = admin_client.get(reverse("admin:index"), headers={"accept-language": "en"})
        notice = Page(home).one("p", class_="mail-failed-notice")
        assert "1 e-mail could not be sent." in notice.text
        assert notice.one("a").get("href") == reverse(CHANGELIST) + "?status__exact=failed"

    def test_emails_are_read_only(self, admin_client, server, settings):
        email = failed_email(server, settings)
        page = admin_client.get(change_url(email)).content.decode()
        assert 'name="subject"' not in page and 'name="_save"' not in page
        assert admin_client.get(reverse("admin:toolkit_outgoingemail_add")).status_code == 403
        response = admin_client.post(
            reverse(CHANGELIST), {"action": "delete_selected", "_selected_action": [email.pk]}
        )
        assert OutgoingEmail.objects.filter(pk=email.pk).exists()
        assert response.status_code in (200, 302)

    def test_the_retry_action_sends_a_failed_email_again(self, client, manager, server, settings):
        email = failed_email(server, settings)
        sent = outbox.queue(message(2))
        run_tasks()
        client.force_login(manager)
        response = retry_action(client, email, sent)
        assert response.status_code == 302
        email.refresh_from_db()
        assert (email.status, email.attempts) == (Status.PENDING, 0)
        assert run_tasks() == 1
        assert [m.to for m in mail.outbox] == [["contact2@example.com"], ["contact1@example.com"]]
        email.refresh_from_db()
        assert email.status == Status.SENT
        retry_action(client, email)  # sent: nothing to do
        assert run_tasks() == 0 and len(mail.outbox) == 2

    def test_the_change_page_button_sends_it_again(self, client, manager, server, settings):
        email = failed_email(server, settings)
        client.force_login(manager)
        page = Page(client.get(change_url(email)))
        assert page.one("form", class_="mail-retry").get("action") == retry_url(email)
        assert client.get(retry_url(email)).status_code == 405  # POST only
        response = client.post(retry_url(email))
        assert response.status_code == 302 and response.url == change_url(email)
        run_tasks()
        assert len(mail.outbox) == 1
        email.refresh_from_db()
        assert email.status == Status.SENT
        assert Page(client.get(change_url(email))).find("form", class_="mail-retry") is None

    def test_staff_without_the_permission_cannot_send_again(
        self, client, onlooker, server, settings
    ):
        email = failed_email(server, settings)
        client.force_login(onlooker)
        assert client.get(change_url(email)).status_code == 200
        assert Page(client.get(change_url(email))).find("form", class_="mail-retry") is None
        changelist = client.get(reverse(CHANGELIST)).content.decode()
        assert "retry_selected" not in changelist
        retry_action(client, email)  # a forged POST of the action
        assert client.post(retry_url(email)).status_code == 403  # and of the button
        email.refresh_from_db()
        assert (email.status, ready_tasks()) == (Status.FAILED, 0)
        assert mail.outbox == []

    def test_staff_without_the_view_permission_do_not_see_the_outbox(
        self, client, django_user_model, server, settings
    ):
        email = failed_email(server, settings)
        editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
        client.force_login(editor)
        assert client.get(reverse(CHANGELIST)).status_code == 403
        assert client.post(retry_url(email)).status_code == 403
        home = client.get(reverse("admin:index"))
        assert Page(home).find("p", class_="mail-failed-notice") is None


class TestSweep:
    def test_a_waiting_email_whose_task_was_lost_is_queued_again(self, server, frozen_clock):
        email = outbox.queue(message())
        DBTaskResult.objects.all().delete()  # a task row lost
        assert outbox.requeue_stalled() == 0  # its time is not long past
        frozen_clock.shift(outbox.STALLED_AFTER)
        output = StringIO()
        call_command("send_pending_emails", stdout=output)
        assert output.getvalue() == "Queued 1 e-mail(s) again.\n"
        assert ready_tasks() == 1
        assert outbox.requeue_stalled() == 0  # its new task waits
        run_tasks()
        assert len(mail.outbox) == 1
        email.refresh_from_db()
        assert email.status == Status.SENT

    def test_a_task_left_running_by_a_dead_worker_is_replaced(self, server, frozen_clock):
        outbox.queue(message())
        DBTaskResult.objects.update(status="RUNNING")  # claimed, then the worker died
        frozen_clock.shift(outbox.STALLED_AFTER)
        assert outbox.requeue_stalled() == 1
        run_tasks()
        assert len(mail.outbox) == 1


class TestRetention:
    def test_old_sent_and_failed_emails_and_their_tasks_are_deleted(
        self, server, frozen_clock, settings
    ):
        old_sent = outbox.queue(message(1))
        run_tasks()
        old_failed = failed_email(server, settings, 2)
        old_waiting = OutgoingEmail.objects.create(subject="Waits", body="", to=["w@example.com"])
        frozen_clock.shift(datetime.timedelta(days=29))
        recent = outbox.queue(message(3))
        run_tasks()
        frozen_clock.shift(datetime.timedelta(days=1, seconds=1))

        output = StringIO()
        call_command("delete_old_emails", "--dry-run", stdout=output)
        assert "Would delete 2 e-mail(s) kept more than 30 days." in output.getvalue()
        assert OutgoingEmail.objects.count() == 4
        call_command("delete_old_emails", stdout=StringIO())
        remaining = set(OutgoingEmail.objects.values_list("pk", flat=True))
        assert remaining == {recent.pk, old_waiting.pk}
        assert {old_sent.pk, old_failed.pk}.isdisjoint(remaining)
        # The finished tasks go with them (their errors may name addresses).
        assert DBTaskResult.objects.get().args_kwargs["args"] == [recent.pk]
