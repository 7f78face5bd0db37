"""What the newsletter does: subscriptions (double opt-in), an issue's version in each
language, and its sending in the background.

- ``subscribe()`` answers the same whatever the address's state (nothing tells a visitor
  whether an address is on the list): a new or pending address gets the confirmation
  e-mail (again), a confirmed one nothing, an unsubscribed one becomes pending and gets it.
- Only confirmed subscribers ever receive an issue.
- ``start_sending()`` (permission ``newsletter.send_newsletterissue``) marks the issue as
  sending and queues the task ``send_batch``. Each run of the task takes the next
  ``NEWSLETTER_BATCH_SIZE`` confirmed subscribers without a delivery of the issue and, for
  each, in one transaction: creates the ``Delivery`` (unique per issue and subscriber),
  queues the e-mail in the outbox and marks the delivery sent; then it queues the next
  batch, or marks the issue sent when none is left. A send interrupted (a worker killed, an
  error) is resumed by ``start_sending()`` again: the subscribers already served have their
  delivery and are skipped, so no one receives the issue twice.
"""

import dataclasses
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from chamber.newsletter import links
from chamber.newsletter.models import Delivery, NewsletterIssue, Subscriber
from chamber.toolkit.i18n import language_codes, supported_language
from chamber.toolkit.mail import queue, site_url, templated_message
from chamber.toolkit.models import OutgoingEmail
from events.models import Event
from news.models import Article

logger = logging.getLogger(__name__)

SEND_PERMISSION = "newsletter.send_newsletterissue"
RECENT_ARTICLES = 5
RECENT_EVENTS = 5


# Subscriptions ------------------------------------------------------------------------------


def normalise(email: str) -> str:
    return email.strip().lower()


def send_confirmation(subscriber: Subscriber) -> None:
    message = templated_message(
        "newsletter/email/confirm",
        {"link": links.confirm_url(subscriber), "max_age_days": confirmation_days()},
        language=subscriber.language,
        to=[subscriber.email],
    )
    queue(message)
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=timezone.now())


def confirmation_days() -> int:
    return max(1, settings.NEWSLETTER_CONFIRMATION_MAX_AGE // (24 * 3600))


@transaction.atomic
def subscribe(email: str, language: str, *, source=Subscriber.Source.FORM, note="") -> Subscriber:
    """Record the wish to subscribe and send the confirmation when it is needed."""
    language = supported_language(language)
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=normalise(email),
        defaults={"language": language, "consent": True, "source": source, "note": note},
    )
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return subscriber
    if not created:
        subscriber.language = language
        subscriber.consent = True
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            subscriber.status = Subscriber.Status.PENDING
            subscriber.unsubscribed_at = None
        subscriber.save()
    send_confirmation(subscriber)
    return subscriber


def _subscriber_for(pk: int, email: str) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().filter(pk=pk, email=email).first()
    if subscriber is None:
        raise links.InvalidLink
    return subscriber


@transaction.atomic
def confirm(token: str) -> Subscriber:
    """Confirm the address of the link; ``links.InvalidLink`` (changing nothing) when the
    link was altered or has expired. Confirming twice is harmless."""
    subscriber = _subscriber_for(*links.read_confirm_token(token))
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save()
    return subscriber


def subscriber_from_unsubscribe_token(token: str) -> Subscriber:
    pk, email = links.read_unsubscribe_token(token)
    subscriber = Subscriber.objects.filter(pk=pk, email=email).first()
    if subscriber is None:
        raise links.InvalidLink
    return subscriber


@transaction.atomic
def unsubscribe(token: str) -> Subscriber:
    subscriber = _subscriber_for(*links.read_unsubscribe_token(token))
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
    return subscriber


# An issue's versions --------------------------------------------------------------------------


@dataclasses.dataclass
class Version:
    """What an issue says in one language."""

    language: str
    subject: str
    intro: str
    articles: list
    events: list

    @property
    def is_ready(self) -> bool:
        return bool(self.subject)


def version(issue: NewsletterIssue, language: str) -> Version:
    """The issue in ``language``: its subject and introduction in it, and only the
    articles and events published and ready in it."""
    now = timezone.now()
    return Version(
        language=language,
        subject=getattr(issue, f"subject_{language}") or "",
        intro=getattr(issue, f"intro_{language}") or "",
        articles=list(
            issue.articles.visible(language, now)
            .select_related("category")
            .order_by("-published_at", "-id")
        ),
        events=list(issue.events.visible(language, now).order_by("starts_at", "id")),
    )


def render(issue_version: Version, *, unsubscribe: str = "") -> tuple[str, str]:
    """The text and the HTML of a version, with absolute links in its language."""
    with translation.override(issue_version.language):
        context = {
            "version": issue_version,
            "articles": [(a, site_url(a.get_absolute_url())) for a in issue_version.articles],
            "events": [(e, site_url(e.get_absolute_url())) for e in issue_version.events],
            "unsubscribe_url": unsubscribe,
            "site_url": site_url("/"),
            "SITE_NAME": settings.SITE_NAME,
        }
        text = render_to_string("newsletter/email/issue.txt", context)
        html = render_to_string("newsletter/email/issue.html", context)
    return text, html


def message(issue_version: Version, *, to: str, subscriber: Subscriber | None = None):
    """The e-mail of a version for one recipient: for a subscriber, with its own
    unsubscribe link and the List-Unsubscribe headers."""
    unsubscribe_link = links.unsubscribe_url(subscriber) if subscriber else ""
    text, html = render(issue_version, unsubscribe=unsubscribe_link)
    headers = links.unsubscribe_headers(subscriber) if subscriber else {}
    email = EmailMultiAlternatives(
        subject=issue_version.subject, body=text, to=[to], headers=headers
    )
    email.attach_alternative(html, "text/html")
    return email


def recent_content():
    """The articles published lately and the events to come, to start an issue with."""
    now = timezone.now()
    articles = Article.objects.published(now).order_by("-published_at", "-id")[:RECENT_ARTICLES]
    events = Event.objects.published(now).upcoming(now).order_by("starts_at", "id")[:RECENT_EVENTS]
    return list(articles), list(events)


# Sending ------------------------------------------------------------------------------------


def send_test(issue: NewsletterIssue, user) -> list[str]:
    """Each language's version to the staff member's own address; returns the languages."""
    if not user.email:
        raise ValueError("no address")
    sent = []
    for language in language_codes():
        issue_version = version(issue, language)
        if issue_version.is_ready:
            queue(message(issue_version, to=user.email))
            sent.append(language)
    return sent


def may_send(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm(SEND_PERMISSION)


def recipients(issue: NewsletterIssue):
    """The confirmed subscribers, in the languages the issue is written in, not yet served."""
    ready = [code for code in language_codes() if getattr(issue, f"subject_{code}")]
    served = Delivery.objects.filter(
        issue=issue, subscriber=OuterRef("pk"), status=Delivery.Status.SENT
    )
    return (
        Subscriber.objects.confirmed()
        .filter(language__in=ready)
        .exclude(Exists(served))
        .order_by("id")
    )


def start_sending(issue: NewsletterIssue, user) -> None:
    """Send the issue (or resume its sending) to its confirmed subscribers, in the
    background."""
    if not may_send(user):
        raise PermissionDenied
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
        issue.status = NewsletterIssue.Status.SENDING
        issue.send_started_at = issue.send_started_at or timezone.now()
        issue.sent_by = issue.sent_by or user
        issue.sent_at = None
        issue.save()
        send_batch.enqueue(issue.pk)
    logger.info("Newsletter issue %s: sending started by %s", issue.pk, user)


@task()
def send_batch(issue_id: int) -> int:
    """The worker's task: the next batch of the issue's recipients; returns how many."""
    return deliver_batch(issue_id)


def deliver_batch(issue_id: int) -> int:
    issue = NewsletterIssue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status != NewsletterIssue.Status.SENDING:
        return 0
    batch = list(recipients(issue)[: settings.NEWSLETTER_BATCH_SIZE])
    versions = {}
    count = 0
    for subscriber in batch:
        if subscriber.language not in versions:
            versions[subscriber.language] = version(issue, subscriber.language)
        if deliver_one(issue, subscriber, versions[subscriber.language]):
            count += 1
    with transaction.atomic():
        if recipients(issue).exists():
            send_batch.enqueue(issue.pk)
        else:
            NewsletterIssue.objects.filter(pk=issue.pk).update(
                status=NewsletterIssue.Status.SENT, sent_at=timezone.now()
            )
    return count


def deliver_one(issue: NewsletterIssue, subscriber: Subscriber, issue_version: Version) -> bool:
    """Queue the issue for one subscriber unless it was already: the delivery, the outbox's
    e-mail and the mark are written together, or none of them."""
    try:
        with transaction.atomic():
            delivery, _created = Delivery.objects.select_for_update().get_or_create(
                issue=issue, subscriber=subscriber, defaults={"language": issue_version.language}
            )
            if delivery.status == Delivery.Status.SENT:
                return False
            current = Subscriber.objects.filter(pk=subscriber.pk).values_list("status", flat=True)
            if current.first() != Subscriber.Status.CONFIRMED:
                return False  # unsubscribed since the batch was read
            email = queue(message(issue_version, to=subscriber.email, subscriber=subscriber))
            delivery.email = email
            delivery.status = Delivery.Status.SENT
            delivery.language = issue_version.language
            delivery.save()
    except IntegrityError:
        return False  # another worker created it meanwhile: it sends it
    return True


@dataclasses.dataclass
class LanguageProgress:
    language: str
    name: str
    written: bool
    subscribers: int
    to_send: int
    queued: int
    sent: int
    failed: int


def progress(issue: NewsletterIssue) -> list[LanguageProgress]:
    """Per language: confirmed subscribers, those still to serve, and the e-mails
    waiting in the outbox, sent and failed (an e-mail deleted after its retention was sent).
    A fixed number of queries, whatever the number of languages and subscribers."""
    names = dict(settings.LANGUAGES)
    confirmed = dict(
        Subscriber.objects.confirmed()
        .values_list("language")
        .annotate(count=Count("id"))
        .values_list("language", "count")
    )
    served = Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT)
    delivered = {
        row["language"]: row
        for row in served.values("language").annotate(
            total=Count("id"),
            waiting=Count("id", filter=Q(email__status=OutgoingEmail.Status.PENDING)),
            failed=Count("id", filter=Q(email__status=OutgoingEmail.Status.FAILED)),
        )
    }
    unserved = dict(
        recipients(issue)
        .order_by()
        .values_list("language")
        .annotate(count=Count("id"))
        .values_list("language", "count")
    )
    rows = []
    for code in language_codes():
        row = delivered.get(code, {"total": 0, "waiting": 0, "failed": 0})
        rows.append(
            LanguageProgress(
                language=code,
                name=str(names[code]),
                written=bool(getattr(issue, f"subject_{code}")),
                subscribers=confirmed.get(code, 0),
                to_send=unserved.get(code, 0),
                queued=row["waiting"],
                sent=row["total"] - row["waiting"] - row["failed"],
                failed=row["failed"],
            )
        )
    return rows
