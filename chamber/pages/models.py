"""The chamber's own pages (about us, services, joining ...) arranged in a tree, and the
header and footer menus that staff edit.

A page's address is the path of its ancestors' slugs and its own, in the visitor's
language (/fr/a-propos/conseil/). The tree is a parent link with an order among
siblings: a chamber has a few dozen pages, read whole in one query and kept in the cache
for the generation of the content (``chamber.pages.navigation``), which gives paths,
breadcrumbs and menus without a query per level.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from chamber.toolkit.i18n import language_codes, unique_slug_per_language
from chamber.toolkit.images import SanitizedImageField
from chamber.toolkit.publication import (
    Publishable,
    PublishableQuerySet,
    Translated,
    TranslatedQuerySet,
)

PAGE_URL_NAME = "pages:page"


class Page(Publishable):
    """A page of the chamber: it exists in a language when it is published, ready in that
    language, and so are all its ancestors."""

    required_translations = ("title", "slug", "body")

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent page"),
        help_text=_("The page this one sits under; its address starts with the parent's."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_("Rich text: headings, lists, quotes, links; other markup is removed."),
    )
    image = SanitizedImageField(_("image"), upload_to="pages/%Y/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for visitors who cannot see it."),
    )
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("Shown in search results and when the page is shared."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", _("Can publish pages"))]
        constraints = unique_slug_per_language("page")

    def __str__(self):
        return self.title

    def path_in(self, language: str) -> str | None:
        """The slugs of the ancestors and of this page in ``language``, joined by "/"
        (None when one of them has no slug in it)."""
        from chamber.pages.navigation import page_tree

        return page_tree().path(self.pk, language)

    def get_absolute_url(self):
        from chamber.toolkit.publication import active_language

        path = self.path_in(active_language())
        if path is None:
            path = getattr(self, "slug", "") or str(self.pk)
        return reverse(PAGE_URL_NAME, kwargs={"path": path})

    @property
    def ready_languages(self) -> list[str]:
        """The languages this page and all its ancestors are ready in."""
        from chamber.pages.navigation import page_tree

        tree = page_tree()
        return [
            code
            for code in language_codes()
            if self.is_ready_in(code) and tree.ancestors_ready(self, code)
        ]

    @property
    def description(self) -> str:
        return self.seo_description

    def clean(self):
        super().clean()
        self._refuse_cycles()
        self._refuse_shadowed_paths()

    def _refuse_cycles(self):
        ancestor = self.parent
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A page cannot sit under itself.")})
            ancestor = ancestor.parent

    def _refuse_shadowed_paths(self):
        """A top-level slug that another page of the site answers (the news, the
        members ...) would never be reached: refused."""
        if self.parent_id is not None:
            return
        errors = {}
        for code in language_codes():
            field = build_localized_fieldname("slug", code)
            slug = getattr(self, field, "")
            if not slug:
                continue
            with translation.override(code):
                try:
                    match = resolve(f"/{code}/{slug}/")
                except Resolver404:
                    continue
            if match.view_name != PAGE_URL_NAME:
                errors[field] = _("Another page of the site already answers at this address.")
        if errors:
            raise ValidationError(errors)


class MenuSection(models.TextChoices):
    """The sections of the site a menu may link to, each a named URL."""

    HOME = "site:home", _("Home")
    NEWS = "news:article-list", _("News")
    AGENDA = "events:agenda", _("Agenda")
    FAIRS = "events:fair-list", _("Trade fairs")
    MEMBERS = "chamber:member-list", _("Members")
    AGREEMENTS = "chamber:agreement-list", _("MOUs")
    JOIN = "chamber:join", _("Become a member")
    PARTNERS = "partners:partner-list", _("Partners and sponsors")
    PUBLICATIONS = "publications:publication-list", _("Publications")
    NEWSLETTER = "newsletter:subscribe", _("Newsletter")
    SEARCH = "site:search", _("Search")
    PRIVACY = "site:privacy", _("Privacy notice")
    RSS = "news:feed-rss", _("RSS feed")
    ATOM = "news:feed-atom", _("Atom feed")


class MenuItem(Translated):
    """A link of the header or footer menu: to a page, a section of the site or an
    address elsewhere (exactly one). Without a label, a page's link shows its title."""

    class Menu(models.TextChoices):
        HEADER = "header", _("Header")
        FOOTER = "footer", _("Footer")

    # Ready in a language: its label is written in it (a page's link may go without one;
    # see ``chamber.pages.navigation``).
    required_translations = ("label",)

    menu = models.CharField(_("menu"), max_length=10, choices=Menu.choices, default=Menu.HEADER)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(
        _("label"),
        max_length=100,
        blank=True,
        help_text=_("The link's words; for a page, its title when left empty."),
    )
    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="menu_items",
        verbose_name=_("page"),
    )
    section = models.CharField(
        _("section of the site"), max_length=40, choices=MenuSection.choices, blank=True
    )
    url = models.URLField(_("external address"), blank=True)

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["menu", "position", "id"]
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(page__isnull=False, section="", url="")
                    | Q(page__isnull=True, section__gt="", url="")
                    | Q(page__isnull=True, section="", url__gt="")
                ),
                name="menuitem_exactly_one_target",
                violation_error_message=_(
                    "Choose exactly one target: a page, a section of the site or an address."
                ),
            )
        ]

    def __str__(self):
        return self.label or (self.page.title if self.page_id else self.get_section_display())

    def section_url(self) -> str | None:
        try:
            return reverse(self.section)
        except NoReverseMatch:
            return None
