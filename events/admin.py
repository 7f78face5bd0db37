"""Admin for fairs, delegations and events (registrations: ``events.admin_registrations``).

A delegation's and an event's pages share what registration needs: the questions of the
registration form (translated, in order), the places held against the capacity, the wait
list, links to the registrations, the check-in at the door and its printouts
(``events.checkin``). Their publication is reviewed (``ReviewedAdmin``): only those who
hold ``events.publish_delegation`` / ``events.publish_event`` change what visitors see.
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.utils import build_localized_fieldname

from chamber.toolkit.admin import (
    URL_FIELDS,
    ConfiguredLanguagesMixin,
    UniqueTranslatedSlugForm,
    image_preview,
    prepopulated_slugs,
    translated,
)
from chamber.toolkit.admin_review import LanguageReadinessFilter, ReviewedAdmin
from chamber.toolkit.i18n import language_codes
from chamber.toolkit.publication import may_publish
from events import checkin, occasions, services
from events.models import Delegation, Event, Fair, Question, Registration

CHOICE_KINDS = (Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE)


def report_promoted(model_admin, request, promoted) -> None:
    if promoted:
        names = ", ".join(registration.company_name for registration in promoted)
        model_admin.message_user(
            request,
            _("Promoted from the wait list: %(names)s.") % {"names": names},
            messages.INFO,
        )


class CountryMenuMixin:
    """A venue's country (``events.models.Venue``) chosen in a menu of the countries
    named in the staff member's language, rather than typed as its code."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name != "country":
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        return forms.ChoiceField(
            label=capfirst(db_field.verbose_name),
            choices=[("", "---------"), *occasions.country_choices()],
            required=not db_field.blank,
        )


class DelegationInline(ConfiguredLanguagesMixin, TranslationTabularInline):
    """The fair's delegations, edited here by those who may publish them; others open a
    delegation's own page, where their changes are reviewed."""

    model = Delegation
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return may_publish(request.user, Delegation) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return may_publish(request.user, Delegation) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return may_publish(request.user, Delegation) and super().has_delete_permission(request, obj)

    fields = [
        "title",
        "slug",
        "status",
        "capacity",
        "registration_opens_at",
        "registration_closes_at",
        "contact_email",
    ]


@admin.register(Fair)
class FairAdmin(CountryMenuMixin, ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    formfield_overrides = URL_FIELDS
    list_display = [
        "name",
        "starts_on",
        "ends_on",
        "locality",
        "country",
        "status",
        "languages",
        "delegation_count",
    ]
    list_filter = ["status", LanguageReadinessFilter, "starts_on"]
    search_fields = [*translated("name", "venue_name"), "locality"]
    date_hierarchy = "starts_on"
    prepopulated_fields = prepopulated_slugs(source="name")
    inlines = [DelegationInline]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "description"]}),
        (_("When"), {"fields": ["starts_on", "ends_on"]}),
        (
            _("Where"),
            {
                "fields": [
                    "venue_name",
                    "street_address",
                    "postal_code",
                    "locality",
                    "country",
                ]
            },
        ),
        (_("Organiser"), {"fields": ["organiser_name", "website"]}),
        (_("Image"), {"fields": ["image", "image_preview", "image_alt"]}),
    ]
    readonly_fields = ["image_preview"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_delegation_count=Count("delegations"))

    @admin.display(description=_("image"))
    def image_preview(self, obj):
        return image_preview(obj.image)

    @admin.display(description=_("delegations"), ordering="_delegation_count")
    def delegation_count(self, obj):
        return obj._delegation_count

    def save_formset(self, request, form, formset, change):
        """Delegations edited in the fair's page are saved by the service too: more places
        go to the wait list there as on the delegation's own page."""
        if formset.model is not Delegation:
            return super().save_formset(request, form, formset, change)
        for delegation in formset.save(commit=False):
            promoted = services.save_delegation(delegation=delegation, changed_by=request.user)
            report_promoted(self, request, promoted)
        for delegation in formset.deleted_objects:
            delegation.delete()
        formset.save_m2m()


# Delegations and events ------------------------------------------------------------------


class QuestionForm(forms.ModelForm):
    """A question of the registration form. A choice question needs its choices, and the
    same number of them in every language they are written in (an answer is kept by its
    position in the list)."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") not in CHOICE_KINDS:
            return cleaned
        counts = {}
        for code in language_codes():
            name = build_localized_fieldname("choices", code)
            lines = [line for line in (cleaned.get(name) or "").splitlines() if line.strip()]
            if lines:
                counts[name] = len(lines)
        default = build_localized_fieldname("choices", language_codes()[0])
        if not counts.get(default):
            self.add_error(
                default if default in self.fields else None,
                _("A choice question needs its choices, one per line."),
            )
        elif len(set(counts.values())) > 1:
            for name in counts:
                if counts[name] != counts[default] and name in self.fields:
                    self.add_error(
                        name,
                        _("Give as many choices, in the same order, as in the first language."),
                    )
        return cleaned


class QuestionInline(ConfiguredLanguagesMixin, TranslationStackedInline):
    """The questions of the registration form, in each language, in order."""

    model = Question
    form = QuestionForm
    extra = 0
    ordering = ["position", "id"]
    fields = [("kind", "required", "position"), "label", "help_text", "choices"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})},
    }


def registrations_url(occasion, status: str | None = None) -> str:
    """The registrations list, filtered by ``occasion`` (a delegation or an event) and
    optionally by status."""
    params = {f"{occasion._meta.model_name}__id__exact": occasion.pk}
    if status:
        params["status__exact"] = status
    return reverse("admin:events_registration_changelist") + "?" + urlencode(params)


class RegistrableAdmin(ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    """What the pages of a delegation and of an event share: the counts (one query for
    the list: ``with_counts()``), the questions, the check-in pages and their links."""

    form = UniqueTranslatedSlugForm
    formfield_overrides = URL_FIELDS
    actions = ["publish_selected", "unpublish_selected"]
    inlines = [QuestionInline]
    prepopulated_fields = prepopulated_slugs()
    change_form_template = "admin/events/registrable_change_form.html"

    class Media:
        css = {"all": ["css/admin-events.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    def response_action(self, request, queryset):
        """Actions get the selected rows without the counts: the publish actions lock
        them (``SELECT ... FOR UPDATE``), which PostgreSQL refuses on a grouped query."""
        plain = self.model._default_manager.filter(pk__in=queryset.order_by().values("pk"))
        return super().response_action(request, plain)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "registration_summary"]

    @admin.display(description=_("places held"), ordering="places_held")
    def held(self, obj):
        return format_html(
            '<a href="{}">{} / {}</a>', registrations_url(obj), obj.places_held, obj.capacity
        )

    @admin.display(description=_("accepted"), ordering="accepted_count")
    def accepted(self, obj):
        url = registrations_url(obj, Registration.Status.ACCEPTED)
        return format_html('<a href="{}">{}</a>', url, obj.accepted_count)

    @admin.display(description=_("wait-listed"), ordering="waitlisted_count")
    def waitlisted(self, obj):
        url = registrations_url(obj, Registration.Status.WAITLISTED)
        return format_html('<a href="{}">{}</a>', url, obj.waitlisted_count)

    @admin.display(description=_("registrations"))
    def registration_summary(self, obj):
        """Places held against the capacity, the wait list, and the way to the list."""
        if obj is None or obj.pk is None:
            return "—"
        held = getattr(obj, "places_held", None)
        waiting = getattr(obj, "waitlisted_count", None)
        if held is None or waiting is None:
            counted = type(obj).objects.with_counts().get(pk=obj.pk)
            held, waiting = counted.places_held, counted.waitlisted_count
        return format_html(
            '<span class="registrable-counts">{}</span> · {} · <a href="{}">{}</a>',
            _("%(held)s of %(capacity)s places held") % {"held": held, "capacity": obj.capacity},
            ngettext("%(count)s on the wait list", "%(count)s on the wait list", waiting)
            % {"count": waiting},
            registrations_url(obj),
            _("See its registrations"),
        )

    # -- Check-in -----------------------------------------------------------------------

    def get_urls(self):
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"

        def view(function):
            return self.admin_site.admin_view(self._occasion_view(function))

        return [
            path("<int:pk>/checkin/", view(checkin.attendee_list), name=f"{prefix}_checkin"),
            path(
                "<int:pk>/checkin/<int:attendee_id>/",
                view(checkin.mark_attendee),
                name=f"{prefix}_checkin_mark",
            ),
            path(
                "<int:pk>/attendees.pdf",
                view(checkin.attendee_list_pdf),
                name=f"{prefix}_attendees_pdf",
            ),
            path("<int:pk>/badges.pdf", view(checkin.badges_pdf), name=f"{prefix}_badges_pdf"),
            *super().get_urls(),
        ]

    def _occasion_view(self, function):
        def wrapped(request, pk, **kwargs):
            return function(request, checkin.occasion_for(request, self.model, pk), **kwargs)

        wrapped.__name__ = function.__name__
        wrapped.__doc__ = function.__doc__
        return wrapped

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "checkin_links": checkin.links_for(request, self.model, object_id),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Saved by the service: more places go to the wait list in the same
        transaction, for a delegation as for an event."""
        report_promoted(self, request, services.save_occasion(obj, changed_by=request.user))

    def after_approval(self, request, obj, before):
        """An approved version with more places gives them to the wait list."""
        if obj.capacity != before.capacity:
            promoted = services.promote_from_waitlist(obj, changed_by=request.user)
            report_promoted(self, request, promoted)


REGISTRATION_FIELDS = [
    "capacity",
    "seats_per_company",
    "registration_opens_at",
    "registration_closes_at",
    "contact_email",
    "registration_summary",
]


@admin.register(Delegation)
class DelegationAdmin(RegistrableAdmin):
    list_display = [
        "title",
        "fair",
        "status",
        "languages",
        "held",
        "accepted",
        "waitlisted",
        "registration_opens_at",
        "registration_closes_at",
    ]
    list_filter = ["status", LanguageReadinessFilter, "fair"]
    list_select_related = ["fair"]
    search_fields = translated("title", "fair__name")
    autocomplete_fields = ["fair"]
    fieldsets = [
        (None, {"fields": ["fair", "title", "slug", "status", "summary"]}),
        (_("Offer"), {"fields": ["audience", "offer", "fee", "currency", "fee_details"]}),
        (_("Registration"), {"fields": REGISTRATION_FIELDS}),
    ]


@admin.register(Event)
class EventAdmin(CountryMenuMixin, RegistrableAdmin):
    list_display = [
        "title",
        "kind",
        "starts_at",
        "status",
        "languages",
        "held",
        "accepted",
        "waitlisted",
        "registration_closes_at",
    ]
    list_filter = ["status", LanguageReadinessFilter, "kind", "audience", "starts_at"]
    list_select_related = ["organiser"]
    search_fields = [*translated("title", "venue_name"), "locality"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organiser", "partners"]
    readonly_fields = ["image_preview"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "status", "summary", "description"]}),
        (_("When"), {"fields": ["starts_at", "ends_at", "time_zone"]}),
        (
            _("Where"),
            {
                "fields": [
                    "venue_name",
                    "street_address",
                    "postal_code",
                    "locality",
                    "country",
                    "online_url",
                ]
            },
        ),
        (
            _("Audience and prices"),
            {
                "fields": [
                    "event_language",
                    "audience",
                    "price_members",
                    "price_non_members",
                    "currency",
                    "price_details",
                ]
            },
        ),
        (_("Organiser and partners"), {"fields": ["organiser", "partners"]}),
        (_("Image"), {"fields": ["image", "image_preview", "image_alt"]}),
        (_("Registration"), {"fields": REGISTRATION_FIELDS}),
    ]

    @admin.display(description=_("image"))
    def image_preview(self, obj):
        return image_preview(obj.image)


# The registrations' pages (registered on import; the names stay importable from here).
from events.admin_registrations import RegistrationAdmin  # noqa: E402, F401
