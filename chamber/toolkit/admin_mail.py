"""The outbox in the admin: every e-mail the site sends, whether it was sent, how many
attempts it took and the last error; a failed one can be sent again. Read-only: e-mails
are written by the code that sends them, never by hand.

The task queue's own rows (django-tasks-db's "Task results") are left out of the admin:
staff follow the e-mails here, and operators have ``manage.py db_worker``'s log."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from chamber.toolkit import mail
from chamber.toolkit.models import OutgoingEmail

OTHERS_LEFT = _(
    "Only e-mails that could not be sent are sent again: the others were left as they are."
)

if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


def status_label(email: OutgoingEmail) -> str:
    return format_html(
        '<span class="mail-status mail-status-{}">{}</span>',
        email.status,
        email.get_status_display(),
    )


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "status_display",
        "recipients",
        "subject",
        "attempts",
        "error_excerpt",
        "sent_at",
    ]
    list_display_links = ["created_at", "subject"]
    list_filter = ["status"]
    search_fields = ["subject", "to", "last_error"]
    date_hierarchy = "created_at"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "status_display",
                    "attempts",
                    "last_error",
                    "created_at",
                    "next_attempt_at",
                    "sent_at",
                ]
            },
        ),
        (
            _("Message"),
            {"fields": ["from_email", "recipients", "reply_to", "subject", "body", "html_body"]},
        ),
    ]
    readonly_fields = [
        "status_display",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "from_email",
        "recipients",
        "reply_to",
        "subject",
        "body",
        "html_body",
    ]
    actions = ["retry_selected"]
    change_form_template = "admin/toolkit/outgoingemail/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        return request.user.has_perm(mail.RETRY_PERMISSION)

    @admin.display(description=_("status"), ordering="status")
    def status_display(self, obj):
        return status_label(obj)

    @admin.display(description=pgettext_lazy("e-mail", "to"))
    def recipients(self, obj):
        return ", ".join([*obj.to, *obj.cc, *obj.bcc])

    @admin.display(description=_("last error"))
    def error_excerpt(self, obj):
        return Truncator(obj.last_error).chars(80)

    @admin.action(description=_("Send the selected failed e-mails again"), permissions=["retry"])
    def retry_selected(self, request, queryset):
        queued = sum(mail.retry_email(email=email, user=request.user) for email in queryset)
        self._report(request, queued, len(queryset))

    def get_urls(self):
        retry = path(
            "<path:object_id>/retry/",
            self.admin_site.admin_view(self.retry_view),
            name="toolkit_outgoingemail_retry",
        )
        return [retry, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        email = self.get_object(request, object_id)
        can_retry = (
            email is not None
            and email.status == OutgoingEmail.Status.FAILED
            and self.has_retry_permission(request)
        )
        extra_context = {**(extra_context or {}), "can_retry": can_retry}
        return super().change_view(request, object_id, form_url, extra_context)

    @staticmethod
    def _report(request, queued: int, selected: int) -> None:
        if queued:
            messages.success(
                request,
                ngettext(
                    "%(count)s e-mail queued to be sent again.",
                    "%(count)s e-mails queued to be sent again.",
                    queued,
                )
                % {"count": queued},
            )
        if queued < selected:
            messages.warning(request, OTHERS_LEFT)

    def retry_view(self, request, object_id):
        """The change page's button: send this failed e-mail again (POST only)."""
        return require_POST(self._retry)(request, object_id)

    def _retry(self, request, object_id):
        if not self.has_retry_permission(request):
            raise PermissionDenied
        email = get_object_or_404(OutgoingEmail, pk=object_id)
        self._report(request, int(mail.retry_email(email=email, user=request.user)), 1)
        return redirect(reverse("admin:toolkit_outgoingemail_change", args=[email.pk]))
