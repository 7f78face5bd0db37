"""Review: what staff who may not publish change on a live page waits for a publisher.

The rule, written once: someone who may not publish a model (``may_publish``) never
changes what visitors see. Their changes to a live (published or scheduled) page are kept
as a proposal, a version of the page and its related rows (django-reversion), and the
page stays as it was until a publisher approves the proposal (it is applied, the live
page changes) or rejects it with a comment. A draft they submit is a proposal to publish
it. Every change of a live page is a new version, with who, when and a comment, that
staff can compare with any other and restore (as a new proposal).

The services below are keyword-only, run in one transaction and tell people by e-mail,
in their language: the e-mails are queued in that transaction (``chamber.toolkit.mail``).
"""

from contextlib import contextmanager

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Revision, Version
from reversion.revisions import _get_options

from chamber.toolkit import mail
from chamber.toolkit.locking import lock_row
from chamber.toolkit.mail import site_url, templated_message
from chamber.toolkit.models import Proposal, StaffProfile
from chamber.toolkit.publication import PublicationStatus, may_publish, publish_permission

# What a proposal never changes: who may publish decides these on the live page.
PUBLICATION_FIELDS = ("status", "published_at", "author")


# Versions ---------------------------------------------------------------------------------


def versioned_fields(model) -> list[str]:
    """The fields a version of ``model`` holds: every field staff edit, each translated
    text once per language (``title_fr``, ``title_en`` ...), not the automatic dates."""
    try:
        translated = set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        translated = set()
    names = []
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field.primary_key or field.name in translated:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        names.append(field.name)
    return names


def register(model, follow: tuple[str, ...] = ()) -> None:
    """Keep versions of ``model`` (and of the rows of its ``follow`` relations, which
    must be registered too)."""
    reversion.register(model, fields=versioned_fields(model), follow=follow)


def related_names(model) -> tuple[str, ...]:
    """The relations whose rows belong to a version of ``model`` (an agreement's parties)."""
    return tuple(_get_options(model).follow)


def _rows(obj) -> list:
    """``obj`` and the rows of its followed relations."""
    rows = [obj]
    for name in related_names(type(obj)):
        rows.extend(getattr(obj, name).all())
    return rows


def row_key(row) -> str:
    return f"{row._meta.label_lower}:{row.pk}"


def existing_rows(obj) -> set[str]:
    """The keys of ``obj``'s related rows as stored now (before an edit)."""
    return {row_key(row) for row in _rows(obj)[1:]}


def capture(obj) -> list[dict]:
    """``obj`` and its related rows as versions, serialised as django-reversion does, to
    be stored later (``obj`` may be saved in a transaction about to be rolled back)."""
    captured = []
    for row in _rows(obj):
        model = type(row)
        captured.append(
            {
                "content_type": ContentType.objects.get_for_model(model),
                "object_id": str(row.pk),
                "db": router.db_for_write(model),
                "format": "json",
                "serialized_data": serializers.serialize(
                    "json", [row], fields=_get_options(model).fields
                ),
                "object_repr": str(row)[:191],
            }
        )
    return captured


def _store(captured: list[dict], *, user, comment: str) -> Revision:
    revision = Revision.objects.create(date_created=timezone.now(), user=user, comment=comment)
    Version.objects.bulk_create(Version(revision=revision, **version) for version in captured)
    return revision


def versions_of(obj):
    """Every version of ``obj`` (live ones and proposals), newest first."""
    return (
        Version.objects.get_for_object(obj)
        .select_related("revision__user", "revision__proposal")
        .order_by("-revision__date_created", "-pk")
    )


# Applying a version --------------------------------------------------------------------------


def _version_of(revision, obj):
    content_type = ContentType.objects.get_for_model(type(obj))
    return revision.version_set.get(content_type=content_type, object_id=str(obj.pk))


def apply_revision(obj, revision, *, new_rows=(), publish: bool = False):
    """Make ``obj`` (and its related rows) what ``revision`` holds, keeping its
    publication fields (status, publish time, author) as they are unless ``publish``.
    Rows the revision adds (``new_rows``, or rows since deleted) are created anew; rows it
    does not hold are deleted."""
    model = type(obj)
    values = _version_of(revision, obj).field_dict
    many = {field.attname for field in model._meta.many_to_many}
    for name in _get_options(model).fields:
        field = model._meta.get_field(name)
        if name in PUBLICATION_FIELDS or field.attname in many or field.attname not in values:
            continue
        setattr(obj, field.attname, values[field.attname])
    if publish:
        obj.status = PublicationStatus.PUBLISHED
    obj.save()
    for attname in many & set(values):
        getattr(obj, attname).set(values[attname])
    for name in related_names(model):
        manager = getattr(obj, name)
        related = manager.model
        content_type = ContentType.objects.get_for_model(related)
        kept = []
        for version in revision.version_set.filter(content_type=content_type):
            row = version._object_version.object
            if getattr(row, manager.field.attname) != obj.pk:
                continue
            is_new = (
                f"{related._meta.label_lower}:{version.object_id}" in new_rows
                or not manager.filter(pk=row.pk).exists()
            )
            if is_new:
                row.pk = None
                row._state.adding = True
            row.save()
            kept.append(row.pk)
        manager.exclude(pk__in=kept).delete()
    return obj


# The review ------------------------------------------------------------------------------


def _remember_language(user) -> None:
    """The language a staff member works in now is the one of the e-mails they get."""
    language = translation.get_language()
    if user is not None and language:
        StaffProfile.objects.update_or_create(user=user, defaults={"language": language[:2]})


def propose(
    *, obj, captured: list[dict], new_rows, author, comment: str = "", submit: bool = False
) -> Proposal:
    """Keep ``captured`` (``obj`` as ``author`` edited it) as a proposal; open proposals
    of the same page are replaced. Submitted, it tells the publishers."""
    with transaction.atomic():
        Proposal.objects.for_object(obj).open().update(state=Proposal.State.SUPERSEDED)
        revision = _store(captured, user=author, comment=comment)
        proposal = Proposal.objects.create(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=str(obj.pk),
            revision=revision,
            new_rows=sorted(new_rows),
            publishes=not obj.is_live,
            author=author,
            comment=comment[:500],
        )
        if submit:
            submit_proposal(proposal=proposal, user=author)
    return proposal


def submit_proposal(*, proposal: Proposal, user) -> Proposal:
    """Ask the publishers to review ``proposal`` (an e-mail each, in their language)."""
    if user != proposal.author and not may_publish(user, proposal.content_type.model_class()):
        raise PermissionDenied
    with transaction.atomic():
        proposal.state = Proposal.State.SUBMITTED
        proposal.submitted_at = timezone.now()
        proposal.save(update_fields=["state", "submitted_at"])
        _remember_language(user)
        _tell_publishers(proposal)
    return proposal


def propose_draft(*, obj, author, comment: str = "") -> Proposal:
    """A draft that its author asks the publishers to publish, as it is now."""
    return propose(
        obj=obj, captured=capture(obj), new_rows=(), author=author, comment=comment, submit=True
    )


def _decide(proposal: Proposal, user, state: str, comment: str) -> None:
    proposal.state = state
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.decision_comment = comment
    proposal.save(update_fields=["state", "decided_by", "decided_at", "decision_comment"])
    _remember_language(user)
    _tell_author(proposal)


def _check_reviewer(proposal: Proposal, user):
    model = proposal.content_type.model_class()
    if not may_publish(user, model):
        raise PermissionDenied
    if proposal.state != Proposal.State.SUBMITTED and not (
        proposal.state == Proposal.State.PENDING and proposal.author == user
    ):
        raise ValidationError(_("This version is no longer waiting for review."))
    return model


def approve_proposal(*, proposal: Proposal, user, comment: str = ""):
    """Apply ``proposal`` to the live page (publishing it if it was a draft), as a new
    version by ``user``; its author is told. Returns the page."""
    model = _check_reviewer(proposal, user)
    with transaction.atomic(), reversion.create_revision():
        obj = lock_row(model._default_manager.all(), proposal.object_id)
        apply_revision(
            obj, proposal.revision, new_rows=set(proposal.new_rows), publish=proposal.publishes
        )
        reversion.set_user(user)
        author = proposal.author.get_username() if proposal.author else "?"
        reversion.set_comment(
            _("Approved the version of %(author)s: %(comment)s")
            % {"author": author, "comment": comment or proposal.comment or "—"}
        )
        _decide(proposal, user, Proposal.State.APPROVED, comment)
    return obj


def reject_proposal(*, proposal: Proposal, user, comment: str) -> Proposal:
    """Refuse ``proposal`` with ``comment`` (required: its author must know why)."""
    _check_reviewer(proposal, user)
    if not comment.strip():
        raise ValidationError(_("Say why the version is rejected: its author reads it."))
    with transaction.atomic():
        _decide(proposal, user, Proposal.State.REJECTED, comment.strip())
    return proposal


def restore_version(*, obj, revision: Revision, user) -> Proposal:
    """A new proposal holding what ``revision`` held: submitted at once (a publisher then
    approves it, as any other)."""
    rows = list(revision.version_set.all())
    captured = [
        {
            "content_type": version.content_type,
            "object_id": version.object_id,
            "db": version.db,
            "format": version.format,
            "serialized_data": version.serialized_data,
            "object_repr": version.object_repr,
        }
        for version in rows
    ]
    main = ContentType.objects.get_for_model(type(obj))
    new_rows = {
        f"{version.content_type.model_class()._meta.label_lower}:{version.object_id}"
        for version in rows
        if version.content_type != main
        and not version.content_type.model_class()
        ._default_manager.filter(pk=version.object_id)
        .exists()
    }
    when = timezone.localtime(revision.date_created)
    comment = _("Restores the version of %(date)s.") % {"date": when.strftime("%Y-%m-%d %H:%M")}
    return propose(
        obj=obj, captured=captured, new_rows=new_rows, author=user, comment=comment, submit=True
    )


@contextmanager
def versioned(*, user, comment: str):
    """Every registered row saved inside is kept as one new version by ``user``."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        yield


def record_live_change(obj, *, user, comment: str) -> None:
    """Keep the live page as it now is as a version (after a publisher's direct edit or
    action)."""
    with reversion.create_revision(atomic=False):
        reversion.add_to_revision(obj)
        reversion.set_user(user)
        reversion.set_comment(comment)


# Who is told --------------------------------------------------------------------------------


def publishers_of(model):
    """Active staff who may publish ``model`` and have an e-mail address."""
    app_label, codename = publish_permission(model).split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    rule = Q(is_superuser=True)
    if permission is not None:
        rule |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    return (
        get_user_model()
        .objects.filter(rule, is_active=True, is_staff=True)
        .exclude(email="")
        .distinct()
    )


def language_of(user) -> str:
    profile = StaffProfile.objects.filter(user=user).first()
    return profile.language if profile else translation.get_language() or "fr"


def review_url(proposal: Proposal) -> str:
    meta = proposal.content_type.model_class()._meta
    return site_url(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[proposal.object_id])
    )


def _context(proposal: Proposal) -> dict:
    return {
        "proposal": proposal,
        "page": proposal.content_object,
        "url": review_url(proposal),
        "author": proposal.author,
    }


def _tell_publishers(proposal: Proposal) -> None:
    """Queue an e-mail to each publisher of the page, in their language."""
    for publisher in publishers_of(proposal.content_type.model_class()):
        if publisher == proposal.author:
            continue
        mail.queue(
            templated_message(
                "toolkit/email/review_submitted",
                _context(proposal),
                language=language_of(publisher),
                to=[publisher.email],
            )
        )


def _tell_author(proposal: Proposal) -> None:
    """Queue an e-mail telling the author of the decision, in their language."""
    author = proposal.author
    if author is None or not author.email or author == proposal.decided_by:
        return
    mail.queue(
        templated_message(
            f"toolkit/email/review_{proposal.state}",
            _context(proposal),
            language=language_of(author),
            to=[author.email],
        )
    )
