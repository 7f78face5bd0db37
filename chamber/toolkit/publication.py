"""Publication: what visitors may see, in which language, and what staff may preview.

Every model that visitors read through a draft / published status (articles, agreements,
organisations, fairs, delegations ...) inherits ``Publishable``, and its QuerySet
``PublishableQuerySet``. Two rules are written here once, for the database and for a row
in hand:

- published: the status is "published" and, for a model with a publish time, that time
  has come (a later time means the row is scheduled): ``published()``, ``is_public``;
- ready in a language: the row's required texts (``required_translations``: title,
  slug ...) are filled in that language: ``ready_in()``, ``is_ready_in()``. The database
  keeps the answer in a generated column per language (``ready_fr``, ``ready_en`` ...),
  computed from the same rule, so that lists filter and indexes cover it without reading
  the texts.

A visitor sees a row in a language when both hold: ``visible()``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.signals import class_prepared
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from chamber.toolkit.i18n import language_codes, supported_language


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def active_language() -> str:
    return supported_language(translation.get_language())


def readiness_rule(model, language: str) -> Q:
    """The required texts of ``model`` are all filled in ``language``."""
    rule = Q()
    for field in model.required_translations:
        rule &= Q(**{f"{build_localized_fieldname(field, language)}__gt": ""})
    return rule


def readiness_column(language: str) -> str:
    return f"ready_{language}"


def visible_indexes(prefix: str, *fields: str) -> list[models.Index]:
    """One partial index per language on ``fields`` over the rows visitors may see in
    that language (published and ready in it): a list in the page's order reads the
    index, whatever the size of the table."""
    return [
        models.Index(
            fields=list(fields),
            condition=Q(status=PublicationStatus.PUBLISHED) & Q(**{readiness_column(code): True}),
            name=f"{prefix}_visible_{code}",
        )
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]


class TranslatedQuerySet(models.QuerySet):
    def ready_in(self, language: str | None = None):
        """Rows whose required texts are all filled in ``language`` (default: the
        active language)."""
        return self.filter(**{readiness_column(language or active_language()): True})

    def missing_in(self, language: str | None = None):
        """Rows with at least one required text empty in ``language``."""
        return self.filter(**{readiness_column(language or active_language()): False})

    def missing_in_any(self):
        """Rows not ready in every language of the site: they need translating."""
        rule = Q()
        for code in language_codes():
            rule |= Q(**{readiness_column(code): False})
        return self.filter(rule)


class PublishableQuerySet(TranslatedQuerySet):
    def published(self, now=None):
        """Rows a visitor may see: published, and (for a model with a publish time)
        whose publish time has come; a later time means the row is scheduled."""
        rule = Q(status=PublicationStatus.PUBLISHED)
        field = self.model.publish_time_field
        if field:
            rule &= Q(**{f"{field}__lte": now or timezone.now()})
        return self.filter(rule)

    def visible(self, language: str | None = None, now=None):
        """What a visitor sees in ``language`` (default: the active one): published rows
        that are ready in it."""
        return self.published(now).ready_in(language)

    def for_listing(self):
        """What a list of this model's cards needs, in a fixed number of queries.
        Models whose cards show related rows select them here."""
        return self


class Translated(models.Model):
    """A row whose texts are written in each of the site's languages."""

    # The translated fields a row must have in a language to exist in that language.
    required_translations: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def is_ready_in(self, language: str) -> bool:
        """True when the required texts are all filled in ``language`` (the rule of
        ``ready_in()``)."""
        return not self.missing_translations(language)

    def missing_translations(self, language: str) -> list[str]:
        """The required fields that are empty in ``language``."""
        return [
            field
            for field in self.required_translations
            if not getattr(self, build_localized_fieldname(field, language), None)
        ]

    @property
    def ready_languages(self) -> list[str]:
        """The site's languages this row is ready in, in the site's order."""
        return [code for code in language_codes() if self.is_ready_in(code)]


class Publishable(Translated):
    """A row that staff prepare as a draft, then publish, in each language."""

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

    @property
    def is_live(self) -> bool:
        """Published or scheduled: what staff change here reaches visitors (now or at its
        publish time), so it goes through review."""
        return self.pk is not None and self.status == PublicationStatus.PUBLISHED


def publish_permission(model) -> str:
    """The permission that publishes rows of ``model``: ``<app>.publish_<model>``."""
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def may_publish(user, model) -> bool:
    return user.has_perm(publish_permission(model))


def may_preview(user, model) -> bool:
    """Those who may edit or publish rows of ``model`` see its drafts and previews."""
    meta = model._meta
    return (
        user.is_active
        and user.is_staff
        and (
            user.has_perm(f"{meta.app_label}.change_{meta.model_name}") or may_publish(user, model)
        )
    )


def visible_to(request, queryset):
    """Staff who may edit or publish the model see every row, drafts and scheduled ones
    included (to preview them); visitors see published rows."""
    if may_preview(request.user, queryset.model):
        return queryset
    return queryset.published()


def _add_readiness_columns(sender, **kwargs):
    """Give every translated model with required texts a generated column per language
    saying whether the row is ready in it (the database computes it on every write)."""
    if not issubclass(sender, Translated) or sender._meta.abstract:
        return
    if not sender.required_translations:
        return
    for code in settings.MODELTRANSLATION_LANGUAGES:
        sender.add_to_class(
            readiness_column(code),
            models.GeneratedField(
                expression=Case(
                    When(readiness_rule(sender, code), then=Value(True)), default=Value(False)
                ),
                output_field=models.BooleanField(),
                db_persist=True,
                verbose_name=f"ready in {code}",
            ),
        )


class_prepared.connect(_add_readiness_columns)
