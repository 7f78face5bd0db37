"""Review of what staff who may not publish prepare, and the staff's own language.

A proposal is a version of a page (a reversion ``Revision`` holding the page and its
related rows as they would be) that waits aside, the live page unchanged, until a
publisher approves it (it is applied) or rejects it (with a comment its author reads).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProposalQuerySet(models.QuerySet):
    def open(self):
        """Proposals still waiting: saved or submitted, not decided."""
        return self.filter(state__in=Proposal.OPEN_STATES)

    def submitted(self):
        return self.filter(state=Proposal.State.SUBMITTED)

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )


class Proposal(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Saved, not submitted")
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", pgettext_lazy("proposed version", "Rejected")
        SUPERSEDED = "superseded", _("Replaced by a later version")

    OPEN_STATES = (State.PENDING, State.SUBMITTED)

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of content")
    )
    object_id = models.CharField(_("object"), max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    revision = models.OneToOneField(
        "reversion.Revision",
        on_delete=models.CASCADE,
        related_name="proposal",
        verbose_name=_("version"),
    )
    # Rows the proposal adds (an agreement's new party ...): "app.model:pk" of the rows
    # as they were numbered when the proposal was made; they get new numbers when applied.
    new_rows = models.JSONField(_("added rows"), default=list, blank=True)
    publishes = models.BooleanField(
        _("publishes the page"),
        default=False,
        help_text=_("The page is a draft: approving the proposal publishes it."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposals",
        verbose_name=_("author"),
    )
    comment = models.CharField(_("note for the reviewer"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = models.TextField(_("reviewer's comment"), blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("proposed version")
        verbose_name_plural = _("proposed versions")
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]

    def __str__(self):
        return f"{self.revision.version_set.first() or self.object_id} ({self.get_state_display()})"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES


class StaffProfile(models.Model):
    """What the site knows of a staff member beyond Django's user: the language they
    work in, for the e-mails the review sends them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.SUPPORTED_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails this staff member receives."),
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)


class OutgoingEmailQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=OutgoingEmail.Status.PENDING)

    def failed(self):
        return self.filter(status=OutgoingEmail.Status.FAILED)


class OutgoingEmail(models.Model):
    """An e-mail the site sends, kept from the moment the change it tells of is saved (in
    the same transaction) until a worker has sent it (``chamber.toolkit.mail``).

    It is written out in full when it is queued, in its recipient's language, so sending
    needs neither a request nor a language: the worker only hands it to the mail server,
    again later when that fails, and marks it failed for staff after the last attempt.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not be sent")

    subject = models.TextField(_("subject"))
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML version"), blank=True)
    from_email = models.CharField(pgettext_lazy("e-mail", "from"), max_length=320)
    to = models.JSONField(pgettext_lazy("e-mail", "to"), default=list)
    cc = models.JSONField(_("copy to"), default=list, blank=True)
    bcc = models.JSONField(_("hidden copy to"), default=list, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The task last queued to send it (a django-tasks result id), so that the sweep
    # (``manage.py send_pending_emails``) can tell an e-mail whose task was lost.
    task_id = models.CharField(_("task"), max_length=64, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        permissions = [("retry_outgoingemail", _("Can send a failed e-mail again"))]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["status", "sent_at"]),
        ]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"
