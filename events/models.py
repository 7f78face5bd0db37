"""Trade fairs, the delegations the chamber leads to them, and companies' registrations."""

import datetime

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chamber.toolkit.i18n import unique_slug_per_language
from chamber.toolkit.publication import PublicationStatus, Publishable, PublishableQuerySet
from chamber.toolkit.text import item_lines
from events import workflow


class FairQuerySet(PublishableQuerySet):
    def upcoming(self, today=None):
        """Fairs that have not ended yet (a fair in progress is still upcoming)."""
        return self.filter(ends_on__gte=today or timezone.localdate())

    def past(self, today=None):
        return self.filter(ends_on__lt=today or timezone.localdate())


class Fair(Publishable):
    """A trade fair or exhibition, such as Maison & Objet in Paris."""

    required_translations = ("name", "slug")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=120)
    website = models.URLField(_("web site"), blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FairQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("fair")
        verbose_name_plural = _("fairs")
        permissions = [("publish_fair", _("Can publish fairs"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="fair_ends_after_start",
                violation_error_message=_("The last day cannot come before the first day."),
            ),
            *unique_slug_per_language("fair"),
        ]
        indexes = [models.Index(fields=["status", "ends_on"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:fair-detail", kwargs={"slug": self.slug})

    @property
    def is_past(self) -> bool:
        return self.ends_on < timezone.localdate()


class RegistrationState(models.TextChoices):
    """Where a delegation stands for a visitor who would register now."""

    UNAVAILABLE = "unavailable", _("Not available")
    NOT_OPEN = "not_open", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", pgettext_lazy("registration", "Closed")


class DelegationQuerySet(PublishableQuerySet):
    def published(self, now=None):
        """Delegations a visitor may see: published, at a published fair."""
        return super().published(now).filter(fair__status=PublicationStatus.PUBLISHED)

    def upcoming(self, today=None):
        return self.filter(fair__ends_on__gte=today or timezone.localdate())

    def open_for_registration(self, now=None):
        now = now or timezone.now()
        return self.published().filter(
            registration_opens_at__lte=now, registration_closes_at__gt=now
        )

    def for_listing(self):
        """What a delegation card or page shows (its fair, places held), in one query."""
        return self.select_related("fair").with_counts()

    def with_counts(self):
        """Annotate places held, accepted and wait-listed registrations (one query)."""

        def count(statuses):
            return models.Count("registrations", filter=Q(registrations__status__in=statuses))

        return self.annotate(
            places_held=count(workflow.HOLDS_PLACE),
            accepted_count=count([workflow.Status.ACCEPTED]),
            waitlisted_count=count([workflow.Status.WAITLISTED]),
        )


class Delegation(Publishable):
    """A group of companies the chamber leads to a fair; companies register for a place."""

    required_translations = ("title", "slug")

    fair = models.ForeignKey(
        Fair, on_delete=models.PROTECT, related_name="delegations", verbose_name=_("fair")
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown in lists and when the page is shared."),
    )
    audience = models.TextField(_("who it is for"), blank=True)
    offer = models.TextField(
        _("what it offers"), blank=True, help_text=_("One item per line is shown as a list.")
    )
    fee = models.DecimalField(
        _("fee"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Per company; 0 means free."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    fee_details = models.CharField(
        _("fee details"),
        max_length=255,
        blank=True,
        help_text=_("What the fee includes or not, discounts for members ..."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        validators=[MinValueValidator(1)],
        help_text=_("Registrations beyond this number are put on the wait list."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    contact_email = models.EmailField(
        _("contact e-mail"), help_text=_("Replies to the registrants' e-mails go here.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["fair__starts_on", "registration_closes_at", "id"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        permissions = [("publish_delegation", _("Can publish delegations"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="delegation_closes_after_opening",
                violation_error_message=_("Registration must close after it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1),
                name="delegation_has_places",
                violation_error_message=_("A delegation has at least one place."),
            ),
            *unique_slug_per_language("delegation"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:delegation-detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        """Published, at a published fair (the rule of ``published()``)."""
        return super().is_public and self.fair.is_public

    def registration_state(self, now=None) -> str:
        now = now or timezone.now()
        if not self.is_public:
            return RegistrationState.UNAVAILABLE
        if now < self.registration_opens_at:
            return RegistrationState.NOT_OPEN
        if now >= self.registration_closes_at:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    # Where registration stands now, for templates.
    @property
    def registration_is_open(self) -> bool:
        return self.registration_state() == RegistrationState.OPEN

    @property
    def registration_is_not_open_yet(self) -> bool:
        return self.registration_state() == RegistrationState.NOT_OPEN

    @property
    def registration_is_closed(self) -> bool:
        return self.registration_state() == RegistrationState.CLOSED

    @property
    def held_count(self) -> int:
        """Places held; read from the ``with_counts()`` annotation when present."""
        held = getattr(self, "places_held", None)
        if held is None:
            held = self.registrations.holding_place().count()
        return held

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.held_count, 0)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0

    @property
    def offer_list(self) -> list[str]:
        return item_lines(self.offer)


class RegistrationQuerySet(models.QuerySet):
    def holding_place(self):
        """Registrations that hold one of their delegation's places."""
        return self.filter(status__in=workflow.HOLDS_PLACE)

    def active(self):
        """Registrations still in the running (holding a place or wait-listed)."""
        return self.filter(status__in=workflow.ACTIVE)

    def waiting(self):
        """The wait list, first come first served."""
        return self.filter(status=workflow.Status.WAITLISTED).order_by("created_at", "id")


class Registration(models.Model):
    """A company's application for a place in a delegation. Its status changes only
    through ``events.services``, following ``events.workflow``."""

    Status = workflow.Status

    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("delegation"),
    )
    company_name = models.CharField(_("company name"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telephone"), max_length=40)
    website = models.URLField(_("web site"), blank=True)
    sector = models.CharField(_("sector"), max_length=120)
    pitch = models.TextField(
        _("short pitch"),
        max_length=1000,
        validators=[MaxLengthValidator(1000)],
        help_text=_("What your company does and what it seeks in France (1000 characters)."),
    )
    consent = models.BooleanField(_("consent to data processing"), default=False)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.SUPPORTED_LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=workflow.Status.choices, default=Status.SUBMITTED
    )
    staff_notes = models.TextField(_("staff notes"), blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("export_registration", _("Can export registrations as CSV"))]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "delegation",
                condition=models.Q(status__in=workflow.ACTIVE),
                name="registration_one_active_per_email",
                violation_error_message=_(
                    "This e-mail address already has a registration for this delegation."
                ),
            )
        ]
        indexes = [models.Index(fields=["delegation", "status", "created_at"])]

    def __str__(self):
        return f"{self.company_name} — {self.delegation}"

    @property
    def holds_place(self) -> bool:
        return workflow.STATUSES[self.status].holds_place

    @property
    def is_active(self) -> bool:
        return workflow.STATUSES[self.status].active

    @property
    def waitlist_position(self) -> int | None:
        """1 for the first on the wait list, ``None`` when not wait-listed."""
        if self.status != self.Status.WAITLISTED:
            return None
        earlier = Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, id__lt=self.id)
        waiting = Registration.objects.filter(delegation_id=self.delegation_id).waiting()
        return waiting.filter(earlier).count() + 1

    @property
    def status_explanation(self) -> str:
        """What the status means for the registrant, in the active language."""
        explanation = workflow.STATUSES[self.status].explanation
        return str(explanation) % {"position": self.waitlist_position}


class RegistrationStatusChange(models.Model):
    """One change of a registration's status: who made it, when, from what to what."""

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("registration"),
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=workflow.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=workflow.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
        help_text=_("Empty when the registrant or the site made the change."),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        # The statuses' labels, in the reader's language (the admin shows this in the
        # registration's history and as the title of the change's page).
        before = self.get_from_status_display() or "—"
        return f"{self.registration}: {before} → {self.get_to_status_display()}"


def next_registration_change(now):
    """When what the event pages say next changes by itself (for the page cache): a
    registration window opens or closes, or a day ends (fairs become past)."""
    published = Delegation.objects.published()
    moments = [
        published.filter(registration_opens_at__gt=now)
        .order_by("registration_opens_at")
        .values_list("registration_opens_at", flat=True)
        .first(),
        published.filter(registration_closes_at__gt=now)
        .order_by("registration_closes_at")
        .values_list("registration_closes_at", flat=True)
        .first(),
    ]
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    return min(moment for moment in [*moments, midnight] if moment is not None)
