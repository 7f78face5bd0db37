"""Publication: what visitors may see, and what staff may preview.

Every model that visitors read through a draft / published status (articles, fairs,
delegations ...) inherits ``Publishable``, and its QuerySet ``PublishableQuerySet``:
the rule "a visitor sees a row when it is published and its publish time has come" is
written here once, for the database (``published()``) and for a row in hand
(``is_public``).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Rows a visitor may see: published, and (for a model with a publish time)
        whose publish time has come; a later time means the row is scheduled."""
        rule = Q(status=PublicationStatus.PUBLISHED)
        field = self.model.publish_time_field
        if field:
            rule &= Q(**{f"{field}__lte": now or timezone.now()})
        return self.filter(rule)

    def for_listing(self):
        """What a list of this model's cards needs, in a fixed number of queries.
        Models whose cards show related rows select them here."""
        return self


class Publishable(models.Model):
    """A row that staff prepare as a draft, then publish."""

    Status = PublicationStatus

    # The name of the field holding the publish time, for models that schedule rows.
    publish_time_field: str | None = None

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        """True when visitors may see this row (the rule of ``published()``)."""
        if self.status != PublicationStatus.PUBLISHED:
            return False
        field = self.publish_time_field
        return field is None or getattr(self, field) <= timezone.now()


def visible_to(request, queryset):
    """Staff may preview drafts and scheduled rows; visitors see published ones only."""
    return queryset if request.user.is_staff else queryset.published()
