"""The chamber's partners and sponsors, by level, in the order staff choose."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from chamber.models import Organisation
from chamber.toolkit.images import SanitizedImageField


class PartnerQuerySet(models.QuerySet):
    def shown(self):
        """The active partners, by level (premium first) then in the order staff chose."""
        return self.filter(active=True).order_by("level", "position", "id")


class Partner(models.Model):
    """A partner or sponsor: its logo links to its site (or its page in the directory)."""

    class Level(models.IntegerChoices):
        # The value orders the levels on the page: the smallest first.
        PREMIUM = 1, _("Premium partner")
        PARTNER = 2, _("Partner")
        SPONSOR = 3, _("Sponsor")

    name = models.CharField(_("name"), max_length=200)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.PARTNER
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first within a level.")
    )
    active = models.BooleanField(
        _("shown"), default=True, help_text=_("Untick to hide the partner without deleting it.")
    )
    logo = SanitizedImageField(_("logo"), upload_to="partners/")
    link = models.URLField(_("link"), blank=True, help_text=_("The partner's web site."))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships",
        verbose_name=_("organisation"),
        help_text=_("Its page in the directory, used when there is no link."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["level", "position", "id"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    @property
    def url(self) -> str:
        """Where the logo leads: the partner's site, else its organisation's page if
        that is published."""
        if self.link:
            return self.link
        organisation = self.organisation
        if organisation is not None and organisation.is_public:
            return organisation.get_absolute_url()
        return ""
