"""The admin home page's word on the outbox: the e-mails that could not be sent."""

from django import template
from django.urls import reverse

from chamber.toolkit.models import OutgoingEmail

register = template.Library()


@register.inclusion_tag("admin/toolkit/_failed_emails.html", takes_context=True)
def failed_emails_notice(context):
    """How many e-mails failed, with a link to them, for staff who may see the outbox."""
    user = context["request"].user
    if not user.has_perm("toolkit.view_outgoingemail"):
        return {"failed": 0}
    url = reverse("admin:toolkit_outgoingemail_changelist")
    failed = OutgoingEmail.objects.failed().count()
    return {"failed": failed, "url": f"{url}?status__exact={OutgoingEmail.Status.FAILED}"}
