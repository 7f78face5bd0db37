"""The admin home page's review panel: what waits for me, what I proposed, what needs
translating."""

from django import template
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from chamber.toolkit.admin_review import ReviewedAdmin
from chamber.toolkit.models import Proposal
from chamber.toolkit.publication import may_publish

register = template.Library()

SHOWN = 10


def _reviewed_models(user):
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, ReviewedAdmin) and model_admin.has_view_or_change_permission(
            _request_for(user)
        ):
            yield model


class _request_for:
    """What ModelAdmin permission checks read of a request: its user."""

    def __init__(self, user):
        self.user = user


def _proposal_url(proposal: Proposal) -> str:
    meta = proposal.content_type.model_class()._meta
    return reverse(
        f"admin:{meta.app_label}_{meta.model_name}_proposal",
        args=[proposal.object_id, proposal.pk],
    )


def _rows(proposals):
    return [
        {"proposal": proposal, "url": _proposal_url(proposal), "page": proposal.content_object}
        for proposal in proposals
    ]


@register.inclusion_tag("admin/toolkit/_dashboard.html", takes_context=True)
def review_dashboard(context):
    user = context["request"].user
    models = list(_reviewed_models(user))
    publishable = [
        ContentType.objects.get_for_model(model) for model in models if may_publish(user, model)
    ]
    waiting = (
        Proposal.objects.submitted()
        .filter(content_type__in=publishable)
        .select_related("author", "content_type")
        .order_by("submitted_at", "id")[:SHOWN]
    )
    mine = (
        Proposal.objects.filter(author=user)
        .exclude(state=Proposal.State.SUPERSEDED)
        .select_related("decided_by", "content_type")[:SHOWN]
    )
    untranslated = []
    for model in models:
        meta = model._meta
        for obj in model._default_manager.published().missing_in_any()[:SHOWN]:
            untranslated.append(
                {
                    "obj": obj,
                    "kind": meta.verbose_name,
                    "ready": obj.ready_languages,
                    "url": reverse(
                        f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]
                    ),
                }
            )
    return {"waiting": _rows(waiting), "mine": _rows(mine), "untranslated": untranslated}
