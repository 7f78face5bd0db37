"""Subscribers, the issues staff compose, and one delivery per issue and subscriber."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chamber.toolkit.models import OutgoingEmail
from events.models import Event
from news.models import Article


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    """An address that asked for the newsletter. Only a confirmed one receives issues:
    it confirmed through the signed link sent to it (double opt-in)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class Source(models.TextChoices):
        FORM = "form", _("Subscription form")
        IMPORT = "import", _("Imported by staff")

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.SUPPORTED_LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    consent = models.BooleanField(
        _("consent"),
        default=False,
        help_text=_("The subscriber agreed to receive the newsletter and to the privacy notice."),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.FORM
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "language", "id"])]
        permissions = [
            ("export_subscriber", _("Can export subscribers")),
            ("import_subscriber", _("Can import subscribers")),
        ]

    def __str__(self):
        return self.email


class NewsletterIssue(models.Model):
    """One issue: a subject and an introduction per language, the articles and events it
    presents. Each language's version holds only what is published and ready in it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    articles = models.ManyToManyField(
        Article, blank=True, related_name="newsletter_issues", verbose_name=_("articles")
    )
    events = models.ManyToManyField(
        Event, blank=True, related_name="newsletter_issues", verbose_name=_("events")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    send_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at", "-id"]
        permissions = [("send_newsletterissue", _("Can send newsletter issues"))]

    def __str__(self):
        return self.subject or self.subject_fr or self.subject_en or str(_("Newsletter issue"))


class Delivery(models.Model):
    """The issue handed to the outbox for one subscriber: created and marked sent in the
    transaction that queues the e-mail, unique per issue and subscriber, so that a send
    interrupted and resumed never writes to anyone twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        SENT = "sent", _("Handed to the outbox")

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    email = models.ForeignKey(
        OutgoingEmail, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"
