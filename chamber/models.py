"""The chamber's own records: organisations and the agreements (MOUs) they sign."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chamber.toolkit.i18n import unique_slug_per_language
from chamber.toolkit.images import SanitizedImageField
from chamber.toolkit.publication import Publishable, PublishableQuerySet, visible_indexes


class OrganisationQuerySet(PublishableQuerySet):
    def members(self):
        """Organisations that hold a membership of the chamber."""
        return self.exclude(membership=Organisation.Membership.NONE)


class Organisation(Publishable):
    """A company, public body, association, university alliance, techno park ...

    Its page is published by a publisher; it exists in a language once its name is
    written in it."""

    required_translations = ("name",)

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        PUBLIC_BODY = "public_body", _("Public body")
        ASSOCIATION = "association", _("Association")
        ACADEMIC = "academic", _("University or academic body")
        TECHNO_PARK = "techno_park", _("Techno park or cluster")
        OTHER = "other", _("Other")

    class Membership(models.TextChoices):
        NONE = "", _("Not a member")
        MEMBER = "member", _("Member")
        CORPORATE = "corporate", _("Corporate member")
        PATRON = "patron", _("Patron member")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("Acronym such as BAICA.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    membership = models.CharField(
        _("membership"), max_length=20, choices=Membership.choices, blank=True, default=""
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True)
    website = models.URLField(_("web site"), blank=True)
    logo = SanitizedImageField(_("logo"), upload_to="organisations/", blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [("publish_organisation", _("Can publish organisations"))]
        # The directory's orders by membership date read an index in each language.
        indexes = visible_indexes("organisation_since", "member_since", "id")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("chamber:organisation-detail", kwargs={"slug": self.slug})

    @property
    def is_member(self) -> bool:
        return bool(self.membership)


def agreement_prefetches(through: str = "", *, signatories: bool = True) -> list[Prefetch]:
    """What a page needs to show agreements with their parties (and signatories), each
    with its organisation, in a fixed number of queries. ``through`` reaches the
    agreements from another model ("agreement__" from an article)."""
    prefetches = [
        Prefetch(f"{through}parties", queryset=Party.objects.select_related("organisation"))
    ]
    if signatories:
        prefetches.append(
            Prefetch(
                f"{through}signatories", queryset=Signatory.objects.select_related("organisation")
            )
        )
    return prefetches


class AgreementQuerySet(PublishableQuerySet):
    def with_parties(self):
        """Each agreement with its parties and their organisations (a list of MOUs)."""
        return self.prefetch_related(*agreement_prefetches(signatories=False))

    def with_details(self):
        """Each agreement with its parties and signatories (an agreement's page)."""
        return self.prefetch_related(*agreement_prefetches())


class Agreement(Publishable):
    """A memorandum of understanding (MOU) or other agreement signed by organisations."""

    required_translations = ("title", "slug")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    signed_on = models.DateField(_("date of signature"))
    place = models.CharField(_("place of signature"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    organisations = models.ManyToManyField(
        Organisation,
        through="Party",
        related_name="agreements",
        verbose_name=_("parties"),
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("agreement (MOU)")
        verbose_name_plural = _("agreements (MOUs)")
        indexes = [models.Index(fields=["-signed_on"])]
        constraints = unique_slug_per_language("agreement")
        permissions = [("publish_agreement", _("Can publish agreements"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("chamber:agreement-detail", kwargs={"slug": self.slug})


class Party(models.Model):
    """An organisation that is party to an agreement, with the role it commits to."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="parties", verbose_name=_("agreement")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="parties",
        verbose_name=_("organisation"),
    )
    role = models.TextField(_("committed role"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="party_unique_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.agreement}"


class Signatory(models.Model):
    """A person who signed (or witnessed) an agreement, in the order shown."""

    class Role(models.TextChoices):
        SIGNATORY = "signatory", _("Signatory")
        WITNESS = "witness", _("Witness")
        AUSPICES = "auspices", _("Under the auspices of")

    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="signatories",
        verbose_name=_("agreement"),
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="signatories",
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SIGNATORY)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name

    @property
    def is_signatory(self) -> bool:
        """Signed the agreement (rather than witnessed it, or gave it their auspices)."""
        return self.role == self.Role.SIGNATORY


class MembershipApplication(models.Model):
    """A company's request to join the chamber, sent from the public form; staff accept
    it (the organisation becomes a member) or refuse it (``chamber.membership``)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")

    class Size(models.TextChoices):
        MICRO = "micro", _("1 to 9 people")
        SMALL = "small", _("10 to 49 people")
        MEDIUM = "medium", _("50 to 249 people")
        LARGE = "large", _("250 people or more")

    company_name = models.CharField(_("company"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    sector = models.CharField(_("sector"), max_length=120)
    size = models.CharField(_("size"), max_length=10, choices=Size.choices)
    tier = models.CharField(
        _("membership wanted"),
        max_length=20,
        choices=[choice for choice in Organisation.Membership.choices if choice[0]],
    )
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    staff_note = models.TextField(
        _("staff note"),
        blank=True,
        help_text=_("For staff only. When refusing, the reason given to the applicant."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("organisation"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        indexes = [
            models.Index(fields=["status", "-created_at"], name="application_status"),
            models.Index(fields=["decided_at"], name="application_decided"),
        ]

    def __str__(self):
        return f"{self.company_name} ({self.contact_name})"

    @property
    def is_decided(self) -> bool:
        return self.status != self.Status.SUBMITTED
