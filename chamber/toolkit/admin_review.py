"""The admin side of the review (``chamber.toolkit.review``): a ModelAdmin mixin for every
publishable model, and the pages of its versions and proposals.

Someone who may publish the model edits the live page and every save is a new version.
Someone who may not: the publication fields (status, publish time, author) are read-only
and refused if a POST carries them; a save of a live page is kept as a proposal (the
admin validates and saves the whole form, inlines included, in a transaction that is then
rolled back, so the proposal holds exactly what the form would have saved); a draft is
saved as such, and "Submit for review" asks the publishers to publish it.
"""

import copy
from urllib.parse import unquote as unquote_url

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.translation import get_language_info, gettext_lazy, ngettext_lazy
from django.utils.translation import gettext as _
from reversion.models import Version

from chamber.toolkit import review, versions
from chamber.toolkit.i18n import language_codes
from chamber.toolkit.models import Proposal
from chamber.toolkit.publication import may_preview, may_publish


class _Captured(Exception):
    """Raised once the admin has saved a proposal's form, to roll the save back."""

    def __init__(self, captured, new_rows):
        super().__init__("captured")
        self.captured = captured
        self.new_rows = new_rows


class LanguageReadinessFilter(admin.SimpleListFilter):
    title = gettext_lazy("languages")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        choices = []
        for code in language_codes():
            name = get_language_info(code)["name_translated"]
            choices.append((f"ready-{code}", _("Ready in %(language)s") % {"language": name}))
            choices.append((f"missing-{code}", _("Not ready in %(language)s") % {"language": name}))
        return choices

    def queryset(self, request, queryset):
        value = self.value() or ""
        state, _sep, code = value.partition("-")
        if code not in language_codes():
            return queryset
        return queryset.ready_in(code) if state == "ready" else queryset.missing_in(code)


class ReviewedAdmin:
    """ModelAdmin mixin for a publishable model (see the module's docstring)."""

    change_form_template = "admin/toolkit/reviewed_change_form.html"
    # The reports of the publish and return-to-draft actions (models name their rows).
    published_message = ngettext_lazy(
        "%(count)d item published.", "%(count)d items published.", "count"
    )
    unpublished_message = ngettext_lazy(
        "%(count)d item returned to draft.", "%(count)d items returned to draft.", "count"
    )

    # -- Who may do what --------------------------------------------------------------

    def has_publish_permission(self, request) -> bool:
        return may_publish(request.user, self.model)

    def publication_fields(self) -> list[str]:
        names = {field.name for field in self.model._meta.get_fields()}
        return [name for name in review.PUBLICATION_FIELDS if name in names]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += [name for name in self.publication_fields() if name not in readonly]
        return readonly

    def _refuse_forged_fields(self, request) -> None:
        """A POST that carries a field the user may not change changes nothing."""
        if self.has_publish_permission(request):
            return
        for name in self.publication_fields():
            if any(key == name or key.startswith(f"{name}_") for key in request.POST):
                raise PermissionDenied

    # -- Saving -----------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        extra_context = {**(extra_context or {}), **self._review_context(request, obj)}
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        self._refuse_forged_fields(request)
        if obj is not None and obj.is_live and not self.has_publish_permission(request):
            return self._propose(request, obj, object_id, form_url, extra_context)
        comment = request.POST.get("_version_comment", "").strip()
        with review.versioned(user=request.user, comment=comment or _("Saved in the admin.")):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def _propose(self, request, obj, object_id, form_url, extra_context):
        request._review_existing = review.existing_rows(obj)
        try:
            # The admin validates the form and its inlines; if it saves them, response_change
            # raises _Captured, which rolls the save back: the page stays as it was.
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _Captured as done:
            proposal = review.propose(
                obj=obj,
                captured=done.captured,
                new_rows=done.new_rows,
                author=request.user,
                comment=request.POST.get("_version_comment", ""),
                submit="_submit_review" in request.POST,
            )
        if proposal.state == Proposal.State.SUBMITTED:
            message = _("Your version is submitted: the publishers are told and review it.")
        else:
            message = _(
                "Your version is saved aside: the page visitors see has not changed. "
                "Submit it for review when it is ready."
            )
        self.message_user(request, message, messages.SUCCESS)
        return redirect(self._url("change", obj.pk))

    def response_change(self, request, obj):
        existing = getattr(request, "_review_existing", None)
        if existing is not None:
            captured = review.capture(obj)
            rows = {
                f"{version['content_type'].model_class()._meta.label_lower}:{version['object_id']}"
                for version in captured[1:]
            }
            raise _Captured(captured, rows - existing)
        if "_submit_review" in request.POST and not self.has_publish_permission(request):
            review.propose_draft(
                obj=obj, author=request.user, comment=request.POST.get("_version_comment", "")
            )
            self.message_user(
                request,
                _("Submitted for review: a publisher will publish it or tell you why not."),
                messages.SUCCESS,
            )
            return redirect(self._url("change", obj.pk))
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_submit_review" in request.POST and not self.has_publish_permission(request):
            review.propose_draft(
                obj=obj, author=request.user, comment=request.POST.get("_version_comment", "")
            )
            self.message_user(request, _("Submitted for review."), messages.SUCCESS)
            return redirect(self._url("change", obj.pk))
        return super().response_add(request, obj, post_url_continue)

    # -- Publishing actions ------------------------------------------------------------

    def _set_status(self, request, queryset, status) -> int:
        """Give ``status`` to the selected rows that lack it; each change is a version."""
        changed = 0
        comment = _("Published.") if status == "published" else _("Returned to draft.")
        with transaction.atomic():
            for obj in queryset.exclude(status=status).select_for_update(of=("self",)):
                obj.status = status
                obj.save()
                review.record_live_change(obj, user=request.user, comment=comment)
                self.log_change(request, obj, [{"changed": {"fields": ["status"]}}])
                changed += 1
        return changed

    @admin.action(description=gettext_lazy("Publish the selected items"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        """Publish; an item whose publish time is in the future stays scheduled."""
        count = self._set_status(request, queryset, "published")
        self.message_user(request, self.published_message % {"count": count}, messages.SUCCESS)

    @admin.action(
        description=gettext_lazy("Return the selected items to draft"), permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        count = self._set_status(request, queryset, "draft")
        self.message_user(request, self.unpublished_message % {"count": count}, messages.SUCCESS)

    # -- Languages ---------------------------------------------------------------------

    @admin.display(description=gettext_lazy("languages"))
    def languages(self, obj):
        """The site's languages, each marked ready or not."""
        ready = set(obj.ready_languages)
        return format_html_join(
            " ",
            '<span class="language-{}" title="{}">{}</span>',
            (
                (
                    "ready" if code in ready else "missing",
                    _("ready") if code in ready else _("not ready"),
                    code.upper() if code in ready else f"({code.upper()})",
                )
                for code in language_codes()
            ),
        )

    # -- Context of the change form ----------------------------------------------------

    def _review_context(self, request, obj) -> dict:
        missing = []
        if obj is not None:
            for code in language_codes():
                fields = obj.missing_translations(code)
                if fields:
                    missing.append(
                        {
                            "language": get_language_info(code)["name_translated"],
                            "fields": [
                                str(versions.field_label(obj._meta.get_field(f"{name}_{code}")))
                                for name in fields
                            ],
                        }
                    )
        open_proposals = (
            Proposal.objects.for_object(obj).open().select_related("author") if obj else []
        )
        return {
            "review": {
                "may_publish": self.has_publish_permission(request),
                "is_live": bool(obj is not None and obj.is_live),
                "open_proposals": [
                    {"proposal": proposal, "url": self._url("proposal", obj.pk, proposal.pk)}
                    for proposal in open_proposals
                ],
                "missing": missing,
                "versions_url": self._url("versions", obj.pk) if obj else "",
                "required": list(self.model.required_translations),
            }
        }

    # -- The pages of versions and proposals -----------------------------------------

    def _url(self, name, *args) -> str:
        meta = self.model._meta
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_{name}",
            args=[quote(args[0]), *args[1:]],
            current_app=self.admin_site.name,
        )

    def get_urls(self):
        meta = self.model._meta
        prefix = f"{meta.app_label}_{meta.model_name}"

        def view(function):
            return self.admin_site.admin_view(function)

        return [
            path(
                "<path:object_id>/versions/",
                view(self.versions_view),
                name=f"{prefix}_versions",
            ),
            path(
                "<path:object_id>/versions/compare/",
                view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/versions/<int:version_id>/restore/",
                view(self.restore_view),
                name=f"{prefix}_restore",
            ),
            path(
                "<path:object_id>/proposals/<int:proposal_id>/",
                view(self.proposal_view),
                name=f"{prefix}_proposal",
            ),
            path(
                "<path:object_id>/proposals/<int:proposal_id>/preview/<str:language>/",
                view(self.preview_view),
                name=f"{prefix}_preview",
            ),
            path(
                "<path:object_id>/proposals/<int:proposal_id>/<str:decision>/",
                view(self.decide_view),
                name=f"{prefix}_decide",
            ),
            *super().get_urls(),
        ]

    def _object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not (self.has_view_or_change_permission(request, obj)):
            raise PermissionDenied
        return obj

    def _page(self, request, template, obj, **context):
        return TemplateResponse(
            request,
            f"admin/toolkit/{template}.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": obj,
                "title": str(obj),
                "change_url": self._url("change", obj.pk),
                "versions_url": self._url("versions", obj.pk),
                **context,
            },
        )

    def versions_view(self, request, object_id):
        """Every version of the page, newest first, to compare two or restore one."""
        obj = self._object(request, object_id)
        rows = [
            {
                "version": version,
                "proposal": getattr(version.revision, "proposal", None),
                "restore_url": self._url("restore", obj.pk, version.pk),
            }
            for version in review.versions_of(obj)
        ]
        return self._page(
            request,
            "versions",
            obj,
            rows=rows,
            compare_url=self._url("compare", obj.pk),
            may_change=self.has_change_permission(request, obj),
        )

    def _state(self, obj, key: str):
        if key == "live":
            return _("The live page"), versions.state_of_object(obj)
        version = Version.objects.get_for_object(obj).filter(pk=key).first()
        if version is None:
            raise Http404
        when = translation.gettext("Version of %(date)s by %(user)s") % {
            "date": version.revision.date_created.strftime("%Y-%m-%d %H:%M"),
            "user": version.revision.user or "—",
        }
        return when, versions.state_of_revision(version.revision, obj)

    def compare_view(self, request, object_id):
        """Two versions (``?a=`` and ``?b=``: a version's number or "live"), field by
        field and language by language."""
        obj = self._object(request, object_id)
        first_label, first = self._state(obj, request.GET.get("a", "live"))
        second_label, second = self._state(obj, request.GET.get("b", "live"))
        return self._page(
            request,
            "compare",
            obj,
            first_label=first_label,
            second_label=second_label,
            changes=versions.compare(first, second),
        )

    def restore_view(self, request, object_id, version_id):
        """POST: a new proposal holding an earlier version."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._object(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        proposal = review.restore_version(obj=obj, revision=version.revision, user=request.user)
        self.message_user(
            request,
            _("The earlier version is now a proposed version, submitted for review."),
            messages.SUCCESS,
        )
        return redirect(self._url("proposal", obj.pk, proposal.pk))

    def _proposal(self, obj, proposal_id, request) -> Proposal:
        # Proposed versions are drafts: only those who may edit or publish see them.
        if not may_preview(request.user, self.model):
            raise PermissionDenied
        return get_object_or_404(
            Proposal.objects.for_object(obj).select_related("author", "decided_by", "revision"),
            pk=proposal_id,
        )

    def proposal_view(self, request, object_id, proposal_id):
        """A proposed version: what it changes from the live page, previews in each
        language, and approve or reject (publishers) or submit (its author)."""
        obj = self._object(request, object_id)
        proposal = self._proposal(obj, proposal_id, request)
        changes = versions.compare(
            versions.state_of_object(obj), versions.state_of_revision(proposal.revision, obj)
        )
        previews = [
            {
                "code": code,
                "name": get_language_info(code)["name_translated"],
                "url": self._url("preview", obj.pk, proposal.pk, code),
            }
            for code in language_codes()
        ]
        may_decide = self.has_publish_permission(request) and proposal.state in (
            Proposal.State.SUBMITTED,
            Proposal.State.PENDING,
        )
        return self._page(
            request,
            "proposal",
            obj,
            proposal=proposal,
            changes=changes,
            previews=previews,
            may_decide=may_decide,
            may_submit=proposal.state == Proposal.State.PENDING and proposal.author == request.user,
            approve_url=self._url("decide", obj.pk, proposal.pk, "approve"),
            reject_url=self._url("decide", obj.pk, proposal.pk, "reject"),
            submit_url=self._url("decide", obj.pk, proposal.pk, "submit"),
        )

    def preview_view(self, request, object_id, proposal_id, language):
        """The public page as the proposal would make it, in ``language``, with a banner."""
        obj = self._object(request, object_id)
        proposal = self._proposal(obj, proposal_id, request)
        if language not in language_codes():
            raise Http404
        banner = _(
            "Preview of a proposed version (%(state)s), by %(author)s: visitors do not see it."
        ) % {"state": proposal.get_state_display(), "author": proposal.author or "—"}
        return render_preview(request, obj, proposal, language, banner)

    def decide_view(self, request, object_id, proposal_id, decision):
        """POST: approve, reject (with a comment) or submit a proposal."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._object(request, object_id)
        proposal = self._proposal(obj, proposal_id, request)
        comment = request.POST.get("comment", "")
        before = copy.copy(obj)
        try:
            if decision == "approve":
                review.approve_proposal(proposal=proposal, user=request.user, comment=comment)
                self.after_approval(request, self.get_object(request, unquote(object_id)), before)
                message = _("Approved: the page visitors see is now this version.")
            elif decision == "reject":
                review.reject_proposal(proposal=proposal, user=request.user, comment=comment)
                message = _("Rejected: its author is told why.")
            elif decision == "submit":
                review.submit_proposal(proposal=proposal, user=request.user)
                message = _("Submitted for review.")
            else:
                raise Http404
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect(self._url("proposal", obj.pk, proposal.pk))
        self.message_user(request, message, messages.SUCCESS)
        return redirect(self._url("change", obj.pk))

    def after_approval(self, request, obj, before) -> None:
        """What follows a change applied by approval (``before``: the page as it was);
        models override it."""


def render_preview(request, obj, proposal, language, banner):
    """The public page of ``obj`` with ``proposal`` applied, rendered in a transaction
    that is rolled back: exactly what visitors would see, and nothing saved."""
    with transaction.atomic():
        review.apply_revision(obj, proposal.revision, new_rows=set(proposal.new_rows))
        with translation.override(language):
            page = unquote_url(obj.get_absolute_url())
            match = resolve(page)
            request.path = request.path_info = page
            request.resolver_match = match
            request.preview_banner = banner
            response = match.func(request, *match.args, **match.kwargs)
            if hasattr(response, "render"):
                response.render()
        transaction.set_rollback(True)
    return response
