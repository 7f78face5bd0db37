"""E-mails: written from templates in the recipient's language, kept in the outbox in the
transaction of the change they tell of, and sent by the task worker, with retries.

The invariant: an e-mail exists if and only if the change it tells of was committed, and
it is handed to the mail server once.

- ``queue(message)`` writes the message, in full, to the outbox (``OutgoingEmail``) and
  enqueues the task ``send_email`` in the caller's transaction. With the database task
  backend the task is a row of that same transaction: a rollback leaves neither.
- ``send_email`` (run by ``manage.py db_worker``) locks the row, does nothing unless it is
  still waiting and due, sends it and marks it sent, in one transaction: two workers
  holding the same e-mail send it once. When sending fails, the error and the attempt are
  recorded and the task queued again after a growing delay (``MAIL_RETRY_DELAYS``); after
  ``MAIL_MAX_ATTEMPTS`` attempts the e-mail is marked failed, for staff to see in the
  admin and send again (``retry_email``).
- ``requeue_stalled`` (``manage.py send_pending_emails``) queues a new task for a waiting
  e-mail whose task was lost (a worker killed mid-task, a task row deleted).
- ``delete_old_emails`` (``manage.py delete_old_emails``): sent e-mails hold personal
  data and are deleted after ``MAIL_RETENTION_DAYS``.

A message can be handed to the server and the worker die before it records so: the next
attempt sends it again. Mail servers offer nothing better than this "at least once"; the
Message-ID, fixed when the e-mail is queued, lets a mailbox drop the copy.
"""

import datetime
import logging
import re
from email.utils import make_msgid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.db import router, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskResultDoesNotExist

from chamber.toolkit.locking import lock_row
from chamber.toolkit.models import OutgoingEmail

logger = logging.getLogger(__name__)

RETRY_PERMISSION = "toolkit.retry_outgoingemail"
# A waiting e-mail this long past its time, with no task waiting to send it, has lost its
# task (the worker sends a due e-mail within seconds).
STALLED_AFTER = datetime.timedelta(minutes=10)


def site_url(path: str) -> str:
    """``path`` on the site's public address, for e-mails sent outside any request."""
    return settings.SITE_URL.rstrip("/") + path


def templated_message(
    template: str, context: dict, *, language: str, to: list[str], reply_to: list[str] = ()
) -> EmailMessage:
    """``<template>_subject.txt`` and ``<template>.txt`` rendered in ``language``."""
    with translation.override(language):
        context = {**context, "SITE_NAME": settings.SITE_NAME}
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(subject=_one_line(subject), body=body, to=list(to), reply_to=list(reply_to))


def _one_line(text: str) -> str:
    """``text`` on one line: its line breaks and runs of spaces as one space (the no-break
    spaces of French punctuation kept)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# Queueing -----------------------------------------------------------------------------------


def queue(message: EmailMessage) -> OutgoingEmail:
    """Keep ``message`` in the outbox and enqueue its sending, in the current transaction
    (or in one of its own): both are saved with the change that causes it, or neither."""
    if message.attachments:
        raise ValueError("The outbox keeps no attachments: link to the file instead.")
    html = ""
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype != "text/html" or html:
            raise ValueError(f"The outbox keeps one HTML alternative, not {mimetype}.")
        html = content
    headers = dict(message.extra_headers)
    if not any(name.lower() == "message-id" for name in headers):
        # The same Message-ID on every attempt: a mailbox can tell a copy sent twice.
        headers["Message-ID"] = make_msgid(domain=DNS_NAME)
    with transaction.atomic(using=router.db_for_write(OutgoingEmail)):
        email = OutgoingEmail.objects.create(
            subject=message.subject,
            body=message.body,
            html_body=html,
            from_email=message.from_email,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            headers=headers,
            next_attempt_at=timezone.now(),
        )
        _enqueue(email)
    return email


def _enqueue(email: OutgoingEmail, run_after: datetime.datetime | None = None) -> None:
    """Queue the task that sends ``email`` (at ``run_after``), and note its id."""
    sender = send_email if run_after is None else send_email.using(run_after=run_after)
    result = sender.enqueue(email.pk)
    email.task_id = str(result.id)
    OutgoingEmail.objects.filter(pk=email.pk).update(task_id=email.task_id)


# Sending ------------------------------------------------------------------------------------


def build_message(email: OutgoingEmail) -> EmailMultiAlternatives:
    """The message as it was queued."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email,
        to=email.to,
        cc=email.cc,
        bcc=email.bcc,
        reply_to=email.reply_to,
        headers=email.headers,
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    return message


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the ``attempts``-th failed attempt (the last delay repeats)."""
    delays = settings.MAIL_RETRY_DELAYS
    return datetime.timedelta(seconds=delays[min(attempts, len(delays)) - 1])


@task()
def send_email(email_id: int) -> str:
    """The worker's task: send the outbox's e-mail ``email_id``; returns its status."""
    return deliver(email_id)


def deliver(email_id: int) -> str:
    """Send the e-mail if it still waits and its time has come, under its row's lock (on
    SQLite, the database's write lock: the send holds it, at most ``EMAIL_TIMEOUT``)."""
    with transaction.atomic(using=router.db_for_write(OutgoingEmail)):
        try:
            email = lock_row(OutgoingEmail.objects.all(), email_id)
        except OutgoingEmail.DoesNotExist:
            return "deleted"
        now = timezone.now()
        if email.status != OutgoingEmail.Status.PENDING:
            return email.status  # sent already (another task was first), or failed
        if email.next_attempt_at and email.next_attempt_at > now:
            return "not due"  # a later task is queued for its time
        email.attempts += 1
        try:
            build_message(email).send()
        except Exception as error:  # noqa: BLE001 -- any failure to send is recorded, then retried
            _record_failure(email, error, now)
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = now
            email.next_attempt_at = None
            email.save()
    return email.status


def _record_failure(email: OutgoingEmail, error: Exception, now: datetime.datetime) -> None:
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    if email.attempts >= settings.MAIL_MAX_ATTEMPTS:
        email.status = OutgoingEmail.Status.FAILED
        email.next_attempt_at = None
        email.save()
        logger.error(
            "E-mail %s (%s) failed after %s attempts: %s",
            email.pk,
            email.subject,
            email.attempts,
            email.last_error,
        )
        return
    email.next_attempt_at = now + retry_delay(email.attempts)
    email.save()
    if send_email.get_backend().supports_defer:
        _enqueue(email, run_after=email.next_attempt_at)
    # Otherwise (a backend that runs tasks at once) manage.py send_pending_emails does.
    logger.warning(
        "E-mail %s (%s) not sent, attempt %s, next at %s: %s",
        email.pk,
        email.subject,
        email.attempts,
        email.next_attempt_at.isoformat(),
        email.last_error,
    )


# Staff, the sweep and retention --------------------------------------------------------------


def retry_email(*, email: OutgoingEmail, user) -> bool:
    """Queue a failed e-mail again, for as many attempts as a new one; False if it had not
    failed (sent meanwhile, or already queued again)."""
    if not user.has_perm(RETRY_PERMISSION):
        raise PermissionDenied
    with transaction.atomic(using=router.db_for_write(OutgoingEmail)):
        locked = lock_row(OutgoingEmail.objects.all(), email.pk)
        if locked.status != OutgoingEmail.Status.FAILED:
            return False
        locked.status = OutgoingEmail.Status.PENDING
        locked.attempts = 0
        locked.next_attempt_at = timezone.now()
        locked.save()
        _enqueue(locked)
    logger.info("E-mail %s queued again by %s", locked.pk, user)
    return True


def _task_waits(task_id: str) -> bool:
    backend = send_email.get_backend()
    if not task_id or not backend.supports_get_result:
        return False
    try:
        result = backend.get_result(task_id)
    except TaskResultDoesNotExist:
        return False
    return result.status == TaskResultStatus.READY


def requeue_stalled() -> int:
    """Queue a new task for each waiting e-mail past its time whose task no longer waits
    (lost, or held by a worker that died); returns how many. A second task for the same
    e-mail is harmless: the first to lock the row sends it, the other finds it sent."""
    limit = timezone.now() - STALLED_AFTER
    stalled = OutgoingEmail.objects.pending().filter(
        Q(next_attempt_at__lte=limit) | Q(next_attempt_at=None)
    )
    count = 0
    for email in list(stalled):
        if _task_waits(email.task_id):
            continue
        with transaction.atomic(using=router.db_for_write(OutgoingEmail)):
            _enqueue(email)
        count += 1
    return count


def old_emails(*, days: int):
    """The e-mails kept longer than ``days``: sent ones counted from their sending, failed
    ones from their queueing. Waiting ones are kept, whatever their age."""
    limit = timezone.now() - datetime.timedelta(days=days)
    return OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.SENT, sent_at__lt=limit)
        | Q(status=OutgoingEmail.Status.FAILED, created_at__lt=limit)
    )
