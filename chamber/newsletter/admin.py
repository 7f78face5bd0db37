"""The newsletter in the admin: subscribers (CSV export and import), issues (preview,
a test to oneself, sending and its progress).

Importing: staff upload a CSV (email, language). Each new address is recorded as
*pending* and receives the confirmation e-mail: a list collected elsewhere proves no
consent we could show, so every imported address confirms itself before any issue
reaches it. An address already on the list is left as it is (a confirmed one stays
confirmed; one that unsubscribed is never subscribed again by an import).
"""

import csv
import io

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.validators import validate_email
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from chamber.newsletter import services
from chamber.newsletter.forms import ImportForm
from chamber.newsletter.models import NewsletterIssue, Subscriber
from chamber.toolkit.admin import ConfiguredLanguagesMixin
from chamber.toolkit.i18n import language_codes
from events.export import FORMULA_START

EXPORT_PERMISSION = "newsletter.export_subscriber"
IMPORT_PERMISSION = "newsletter.import_subscriber"


def safe_cell(value) -> str:
    """A value a spreadsheet never runs as a formula (``events.export``'s rule)."""
    return FORMULA_START.sub(r"\1\2'", str(value))


def subscribers_csv(queryset) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "subscribers.csv")
    response.write("\ufeff")
    writer = csv.writer(response, quoting=csv.QUOTE_ALL)
    writer.writerow(
        [
            _("E-mail address"),
            _("Language"),
            _("Status"),
            _("Consent"),
            _("Created"),
            _("Confirmed"),
            _("Unsubscribed"),
            _("Source"),
        ]
    )
    for subscriber in queryset.order_by("id"):
        writer.writerow(
            [
                safe_cell(subscriber.email),
                subscriber.language,
                subscriber.get_status_display(),
                _("yes") if subscriber.consent else _("no"),
                *(
                    timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""
                    for moment in (
                        subscriber.created_at,
                        subscriber.confirmed_at,
                        subscriber.unsubscribed_at,
                    )
                ),
                subscriber.get_source_display(),
            ]
        )
    return response


class ImportResult:
    def __init__(self):
        self.added = 0
        self.existing = 0
        self.errors: list[str] = []


def import_subscribers(data: bytes) -> ImportResult:
    """Each new address of the CSV becomes pending and is sent the confirmation."""
    result = ImportResult()
    text = data.decode("utf-8-sig")
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = {name.strip().lower(): name for name in reader.fieldnames or []}
    if "email" not in fields:
        result.errors.append(_("The file has no “email” column."))
        return result
    for number, row in enumerate(reader, start=2):
        email = services.normalise(row.get(fields["email"]) or "")
        language = (row.get(fields.get("language", ""), "") or "").strip().lower()
        try:
            validate_email(email)
        except Exception:  # noqa: BLE001 -- any invalid address is reported, the rest imported
            result.errors.append(_("Line %(line)s: not an e-mail address.") % {"line": number})
            continue
        if language not in language_codes():
            result.errors.append(
                _("Line %(line)s: unknown language “%(language)s”.")
                % {"line": number, "language": language}
            )
            continue
        if Subscriber.objects.filter(email=email).exists():
            result.existing += 1
            continue
        services.subscribe(
            email, language, source=Subscriber.Source.IMPORT, note=_("Imported by staff")
        )
        result.added += 1
    return result


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "status", "source", "created_at", "confirmed_at"]
    list_filter = ["status", "language", "source"]
    search_fields = ["email"]
    readonly_fields = [
        "status",
        "source",
        "consent",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    actions = ["export_csv"]
    change_list_template = "admin/newsletter/subscriber/change_list.html"

    def has_add_permission(self, request):
        return False  # addresses come through the form or an import, and confirm themselves

    @admin.action(description=gettext_lazy("Export the selected subscribers (CSV)"))
    def export_csv(self, request, queryset):
        if not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        return subscribers_csv(queryset)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm(EXPORT_PERMISSION):
            actions.pop("export_csv", None)
        return actions

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="newsletter_subscriber_import",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_import": request.user.has_perm(IMPORT_PERMISSION),
        }
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            result = import_subscribers(form.cleaned_data["file"].read())
            messages.success(
                request,
                _(
                    "%(added)s addresses imported: each was sent an e-mail to confirm its "
                    "subscription. %(existing)s already on the list were left as they were."
                )
                % {"added": result.added, "existing": result.existing},
            )
            for error in result.errors:
                messages.error(request, error)
            return redirect("admin:newsletter_subscriber_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("Import subscribers"),
        }
        return TemplateResponse(request, "admin/newsletter/subscriber/import.html", context)


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    """Composing is editing the issue; sending needs ``newsletter.send_newsletterissue``."""

    list_display = ["__str__", "status", "created_at", "sent_at"]
    list_filter = ["status"]
    fields = ["subject", "intro", "articles", "events", "status", "send_started_at", "sent_at"]
    readonly_fields = ["status", "send_started_at", "sent_at"]
    autocomplete_fields = ["articles", "events"]
    change_form_template = "admin/newsletter/newsletterissue/change_form.html"

    def get_changeform_initial_data(self, request):
        """A new issue starts with the recent articles and the coming events."""
        initial = super().get_changeform_initial_data(request)
        articles, events = services.recent_content()
        initial.setdefault("articles", [article.pk for article in articles])
        initial.setdefault("events", [event.pk for event in events])
        return initial

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status != NewsletterIssue.Status.DRAFT:
            return False  # what was sent stays as it was sent
        return super().has_change_permission(request, obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/preview/<str:language>/",
                view(self.preview_view),
                name="newsletter_newsletterissue_preview",
            ),
            path(
                "<int:pk>/send-test/",
                view(self.send_test_view),
                name="newsletter_newsletterissue_send_test",
            ),
            path("<int:pk>/send/", view(self.send_view), name="newsletter_newsletterissue_send"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        issue = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if issue is not None:
            extra.update(
                progress=services.progress(issue),
                may_send=services.may_send(request.user),
                preview_languages=language_codes(),
                issue=issue,
            )
        return super().change_view(request, object_id, form_url, extra)

    def _issue(self, request, pk) -> NewsletterIssue:
        issue = get_object_or_404(NewsletterIssue, pk=pk)
        if not self.has_view_or_change_permission(request, issue):
            raise PermissionDenied
        return issue

    def preview_view(self, request, pk, language):
        issue = self._issue(request, pk)
        if language not in language_codes():
            raise PermissionDenied
        version = services.version(issue, language)
        text, html = services.render(version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": issue,
            "title": _("Preview: %(subject)s") % {"subject": version.subject or issue},
            "version": version,
            "text": text,
            "html": html,
            "languages": language_codes(),
        }
        return TemplateResponse(request, "admin/newsletter/newsletterissue/preview.html", context)

    def send_test_view(self, request, pk):
        if request.method != "POST":
            return redirect("admin:newsletter_newsletterissue_change", pk)
        issue = self._issue(request, pk)
        if not request.user.email:
            messages.error(request, _("Your account has no e-mail address to send the test to."))
        else:
            sent = services.send_test(issue, request.user)
            if sent:
                messages.success(
                    request,
                    _("A test of each version (%(languages)s) was sent to %(email)s.")
                    % {"languages": ", ".join(sent), "email": request.user.email},
                )
            else:
                messages.warning(request, _("No version has a subject yet: nothing was sent."))
        return redirect("admin:newsletter_newsletterissue_change", pk)

    def send_view(self, request, pk):
        if request.method != "POST":
            return redirect("admin:newsletter_newsletterissue_change", pk)
        issue = self._issue(request, pk)
        if not services.may_send(request.user):
            raise PermissionDenied
        if issue.status == NewsletterIssue.Status.SENT and not services.recipients(issue).exists():
            messages.info(request, _("This issue was already sent to every subscriber."))
            return redirect("admin:newsletter_newsletterissue_change", pk)
        services.start_sending(issue, request.user)
        count = services.recipients(issue).count()
        messages.success(
            request,
            ngettext(
                "Sending started in the background to %(count)s subscriber.",
                "Sending started in the background to %(count)s subscribers.",
                count,
            )
            % {"count": count},
        )
        return redirect("admin:newsletter_newsletterissue_change", pk)

    def response_post_save_add(self, request, obj):
        return redirect(reverse("admin:newsletter_newsletterissue_change", args=[obj.pk]))
