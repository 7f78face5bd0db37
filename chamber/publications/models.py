"""Documents the chamber publishes: studies, annual reports, guides, as PDF files."""

import posixpath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from chamber.toolkit.i18n import unique_slug_per_language
from chamber.toolkit.images import SanitizedImageField
from chamber.toolkit.publication import Publishable, PublishableQuerySet, visible_indexes
from chamber.toolkit.validators import validate_pdf_upload


def validate_publication_file(upload) -> None:
    """A PDF (by its content) of ``PUBLICATION_MAX_UPLOAD_BYTES`` at most."""
    validate_pdf_upload(upload, settings.PUBLICATION_MAX_UPLOAD_BYTES)


def file_path(instance, filename: str) -> str:
    """``publications/<year>/<title>.pdf``: a readable name, kept by the browser when the
    file is saved (the title in the default language, in ASCII letters; the storage adds
    a suffix when the name is taken)."""
    title = getattr(instance, f"title_{settings.LANGUAGE_CODE}", "") or instance.title or ""
    stem = slugify(title)[:80].strip("-") or "publication"
    year = (instance.published_on or timezone.localdate()).year
    return posixpath.join("publications", str(year), f"{stem}.pdf")


class Publication(Publishable):
    """A document staff publish: its page (title, summary, cover) and its PDF file."""

    required_translations = ("title", "slug", "summary")

    class Category(models.TextChoices):
        STUDY = "study", _("Study")
        ANNUAL_REPORT = "annual_report", _("Annual report")
        GUIDE = "guide", _("Guide")
        OTHER = "other", _("Other publication")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    summary = models.TextField(_("summary"), blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.STUDY
    )
    published_on = models.DateField(_("date of publication"), default=timezone.localdate)
    file = models.FileField(
        _("PDF file"),
        upload_to=file_path,
        max_length=255,
        validators=[validate_publication_file],
        help_text=_("A PDF document; public once the publication is published."),
    )
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    cover = SanitizedImageField(_("cover image"), upload_to="publications/covers/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [*visible_indexes("publication", "-published_on", "-id")]
        permissions = [("publish_publication", _("Can publish publications"))]
        constraints = unique_slug_per_language("publication")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The size is kept with the row: a list shows it without asking the storage.
        if self.file and (not self.file._committed or not self.file_size):
            self.file_size = self.file.size
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "file_size"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("publications:publication-detail", kwargs={"slug": self.slug})

    @property
    def file_name(self) -> str:
        return posixpath.basename(self.file.name) if self.file else ""
