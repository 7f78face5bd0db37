"""Trade fairs, the delegations the chamber leads to them, and companies' registrations."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chamber.toolkit.i18n import unique_slug_per_language
from chamber.toolkit.images import SanitizedImageField
from chamber.toolkit.publication import PublicationStatus, Publishable, PublishableQuerySet
from chamber.toolkit.storage import private_storage
from chamber.toolkit.text import item_lines
from events import workflow


class FairQuerySet(PublishableQuerySet):
    def upcoming(self, today=None):
        """Fairs that have not ended yet (a fair in progress is still upcoming)."""
        return self.filter(ends_on__gte=today or timezone.localdate())

    def past(self, today=None):
        return self.filter(ends_on__lt=today or timezone.localdate())


class Venue(models.Model):
    """Where a fair or an event takes place: the venue's name (translated) and its postal
    address, written once as the country writes it, with the country's ISO 3166 code
    (pages name the country in the visitor's language)."""

    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("Two-letter code: KR, FR ...")
    )

    class Meta:
        abstract = True

    @property
    def has_venue(self) -> bool:
        return bool(self.venue_name or self.street_address or self.locality)


class Fair(Venue, Publishable):
    """A trade fair or exhibition, such as Maison & Objet at Paris Nord Villepinte."""

    required_translations = ("name", "slug")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    organiser_name = models.CharField(
        _("organiser"),
        max_length=200,
        blank=True,
        help_text=_("The company or body that runs the fair, as search engines should name it."),
    )
    website = models.URLField(_("web site"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # The fair's picture: its page's hero, its card's and its share picture (the
    # chamber's banner without one); its delegations' too when they have none.
    image = SanitizedImageField(
        _("image"),
        upload_to="fairs/%Y/%m/",
        blank=True,
        help_text=_("At least 1200 × 630 pixels."),
    )
    image_alt = models.CharField(_("image description"), max_length=255, blank=True)
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

    def clean(self):
        """A fair's page, its calendar file and search engines all say where it is: its
        city and its country at least."""
        super().clean()
        message = _("A fair takes place somewhere: give at least its city and its country.")
        missing = {name: message for name in ("locality", "country") if not getattr(self, name)}
        if missing:
            raise ValidationError(missing)

    @property
    def is_past(self) -> bool:
        return self.ends_on < timezone.localdate()


class RegistrationState(models.TextChoices):
    """Where a delegation stands for a visitor who would register now."""

    UNAVAILABLE = "unavailable", _("Not available")
    NOT_OPEN = "not_open", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", pgettext_lazy("registration", "Closed")


def registrable_constraints(name: str, no_places_message) -> list[models.CheckConstraint]:
    """The rules every Registrable's table keeps: registration closes after it opens, and
    there is at least one place (``<name>_closes_after_opening``, ``<name>_has_places``)."""
    return [
        models.CheckConstraint(
            condition=models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
            name=f"{name}_closes_after_opening",
            violation_error_message=_("Registration must close after it opens."),
        ),
        models.CheckConstraint(
            condition=models.Q(capacity__gte=1),
            name=f"{name}_has_places",
            violation_error_message=no_places_message,
        ),
    ]


def occasion_constraint(name: str) -> models.CheckConstraint:
    """A row belongs to a delegation or to an event, exactly one of the two."""
    return models.CheckConstraint(
        condition=(
            Q(delegation__isnull=False, event__isnull=True)
            | Q(delegation__isnull=True, event__isnull=False)
        ),
        name=name,
    )


class Registrable(Publishable):
    """What companies register for: a delegation to a fair or one of the chamber's own
    events. One engine serves both (``events.services``): places, the registration
    window, seats per company, the wait list, the organiser's questions."""

    capacity = models.PositiveIntegerField(
        _("places"),
        validators=[MinValueValidator(1)],
        help_text=_("Registrations beyond this number are put on the wait list."),
    )
    seats_per_company = models.PositiveSmallIntegerField(
        _("people per registration"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How many people one company may name in one registration; each takes a place."
        ),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    contact_email = models.EmailField(
        _("contact e-mail"), help_text=_("Replies to the registrants' e-mails go here.")
    )

    class Meta:
        abstract = True

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
        """Places held (seats of the registrations holding one); read from the
        ``with_counts()`` annotation when present."""
        held = getattr(self, "places_held", None)
        if held is None:
            held = self.registrations.holding_place().aggregate(seats=Coalesce(Sum("seats"), 0))[
                "seats"
            ]
        return held

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.held_count, 0)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0


class RegistrableQuerySet(PublishableQuerySet):
    def open_for_registration(self, now=None):
        now = now or timezone.now()
        return self.published().filter(
            registration_opens_at__lte=now, registration_closes_at__gt=now
        )

    def with_counts(self):
        """Annotate places held (seats), accepted and wait-listed registrations (one
        query)."""

        def count(statuses):
            return models.Count("registrations", filter=Q(registrations__status__in=statuses))

        return self.annotate(
            places_held=Coalesce(
                Sum(
                    "registrations__seats",
                    filter=Q(registrations__status__in=workflow.HOLDS_PLACE),
                ),
                0,
            ),
            accepted_count=count([workflow.Status.ACCEPTED]),
            waitlisted_count=count([workflow.Status.WAITLISTED]),
        )


class DelegationQuerySet(RegistrableQuerySet):
    def published(self, now=None):
        """Delegations a visitor may see: published, at a published fair."""
        return super().published(now).filter(fair__status=PublicationStatus.PUBLISHED)

    def upcoming(self, today=None):
        return self.filter(fair__ends_on__gte=today or timezone.localdate())

    def for_listing(self):
        """What a delegation card or page shows (its fair, places held), in one query."""
        return self.select_related("fair").with_counts()


class Delegation(Registrable):
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["fair__starts_on", "registration_closes_at", "id"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        permissions = [("publish_delegation", _("Can publish delegations"))]
        constraints = [
            *registrable_constraints("delegation", _("A delegation has at least one place.")),
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

    @property
    def offer_list(self) -> list[str]:
        return item_lines(self.offer)


class EventQuerySet(RegistrableQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet (one in progress is still upcoming)."""
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())

    def for_listing(self):
        """What an event card or page shows (organiser, places held), in one query."""
        return self.select_related("organiser").with_counts()


class Event(Venue, Registrable):
    """One of the chamber's own events: a networking evening, a seminar, a webinar, the
    general meeting, a gala, a business mission ... Companies register as for a
    delegation."""

    class Kind(models.TextChoices):
        NETWORKING = "networking", _("Networking")
        SEMINAR = "seminar", _("Seminar")
        WEBINAR = "webinar", _("Webinar")
        GENERAL_MEETING = "general_meeting", _("General meeting")
        GALA = "gala", _("Gala")
        MISSION = "mission", _("Business mission")
        OTHER = "other", _("Other event")

    class Audience(models.TextChoices):
        MEMBERS = "members", _("Members only")
        MEMBERS_AND_GUESTS = "members_and_guests", _("Members and their guests")
        PUBLIC = "public", _("Open to all")

    MULTILINGUAL = "multi"

    required_translations = ("title", "slug")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown in lists and when the page is shared."),
    )
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        help_text=_("Where the event takes place, e.g. Asia/Seoul or Europe/Paris."),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("For a webinar or a hybrid event; sent to accepted registrants only."),
    )
    event_language = models.CharField(
        _("language of the event"),
        max_length=10,
        choices=[*settings.SUPPORTED_LANGUAGES, (MULTILINGUAL, _("Several languages"))],
        default=settings.LANGUAGE_CODE,
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    price_members = models.DecimalField(
        _("price for members"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Per person; 0 means free."),
    )
    price_non_members = models.DecimalField(
        _("price for non-members"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Per person; empty when the event is for members only."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="KRW")
    price_details = models.CharField(
        _("price details"),
        max_length=255,
        blank=True,
        help_text=_("What the price includes, how to pay ..."),
    )
    organiser = models.ForeignKey(
        "chamber.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organised_events",
        verbose_name=_("organiser"),
        help_text=_("Empty when the chamber organises it."),
    )
    partners = models.ManyToManyField(
        "chamber.Organisation",
        blank=True,
        related_name="partnered_events",
        verbose_name=_("partner organisations"),
    )
    image = SanitizedImageField(
        _("image"),
        upload_to="events/%Y/%m/",
        blank=True,
        help_text=_("At least 1200 × 630 pixels."),
    )
    image_alt = models.CharField(_("image description"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can publish events"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            *registrable_constraints("event", _("An event has at least one place.")),
            *unique_slug_per_language("event"),
        ]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.has_venue

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()


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
    """A company's application for places in a delegation or at an event (exactly one of
    the two). Its status changes only through ``events.services``, following
    ``events.workflow``."""

    Status = workflow.Status

    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("delegation"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("event"),
    )
    seats = models.PositiveSmallIntegerField(
        _("places"), default=1, validators=[MinValueValidator(1)]
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
            occasion_constraint("registration_for_one_delegation_or_event"),
            models.CheckConstraint(condition=Q(seats__gte=1), name="registration_has_seats"),
            models.UniqueConstraint(
                Lower("email"),
                "delegation",
                condition=models.Q(status__in=workflow.ACTIVE),
                name="registration_one_active_per_email",
                violation_error_message=_(
                    "This e-mail address already has a registration for this delegation."
                ),
            ),
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=models.Q(status__in=workflow.ACTIVE),
                name="registration_one_active_per_email_event",
                violation_error_message=_(
                    "This e-mail address already has a registration for this event."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["delegation", "status", "created_at"]),
            models.Index(fields=["event", "status", "created_at"]),
        ]

    def __str__(self):
        return f"{self.company_name} — {self.occasion}"

    @property
    def occasion(self) -> "Registrable":
        """The delegation or the event this registration is for."""
        return self.delegation if self.delegation_id else self.event

    @property
    def occasion_filter(self) -> dict:
        """Keyword arguments selecting the registrations of the same occasion."""
        if self.delegation_id:
            return {"delegation_id": self.delegation_id}
        return {"event_id": self.event_id}

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
        waiting = Registration.objects.filter(**self.occasion_filter).waiting()
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


class Attendee(models.Model):
    """A person a registration names: the contact first, then the colleagues the
    organiser allows (``seats_per_company``). Staff tick them present at the door."""

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="attendees",
        verbose_name=_("registration"),
    )
    name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    checked_in_at = models.DateTimeField(_("arrived at"), null=True, blank=True)

    class Meta:
        ordering = ["registration", "position", "id"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        permissions = [("checkin_attendee", _("Can check attendees in at the door"))]

    def __str__(self):
        return self.name


class Question(models.Model):
    """A question the organiser adds to the registration form of a delegation or an
    event, translated. Answers keep their own copy of the question's words, so changing
    or deleting a question never changes what people answered."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE_CHOICE = "single_choice", _("One choice among several")
        MULTIPLE_CHOICE = "multiple_choice", _("Several choices")
        YES_NO = "yes_no", _("Yes or no")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        FILE = "file", _("File (PDF)")

    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("delegation"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("event"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("question"), max_length=255)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("One choice per line, in the same order in every language."),
    )
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [occasion_constraint("question_for_one_delegation_or_event")]

    def __str__(self):
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return item_lines(self.choices)


class Answer(models.Model):
    """A registrant's answer to a question, with the question's words and kind as they
    were when answered (in the registrant's language)."""

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("registration"),
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("question"),
    )
    label = models.CharField(_("question"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Question.Kind.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    value = models.TextField(_("answer"), blank=True)
    file = models.FileField(
        _("file"),
        upload_to="registrations/%Y/%m/",
        storage=private_storage,
        blank=True,
    )

    class Meta:
        ordering = ["registration", "position", "id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.label}: {self.value or self.file.name}"


def next_registration_change(now):
    """When what the event pages say next changes by itself (for the page cache): a
    registration window opens or closes, an event starts or ends, or a day ends (fairs
    become past)."""
    moments = []
    for model, fields in (
        (Delegation, ("registration_opens_at", "registration_closes_at")),
        (Event, ("registration_opens_at", "registration_closes_at", "starts_at", "ends_at")),
    ):
        published = model.objects.published()
        for name in fields:
            moments.append(
                published.filter(**{f"{name}__gt": now})
                .order_by(name)
                .values_list(name, flat=True)
                .first()
            )
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    return min(moment for moment in [*moments, midnight] if moment is not None)
