"""Composing an issue per language and sending it: only to confirmed subscribers, each
at most once even when a send is interrupted and resumed, with the unsubscribe headers."""

from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from chamber.newsletter import services
from chamber.newsletter.models import Delivery, NewsletterIssue, Subscriber
from chamber.toolkit.models import OutgoingEmail
from tests.events.factories import EventFactory
from tests.events.staff_support import staff_member
from tests.support.factories import ArticleFactory
from tests.support.tasks import run_tasks

pytestmark = pytest.mark.django_db


def subscriber(email, language="fr", status=Subscriber.Status.CONFIRMED):
    return Subscriber.objects.create(email=email, language=language, status=status)


def issue_with(articles=(), events=()):
    issue = NewsletterIssue.objects.create(
        subject_fr="Lettre de novembre",
        subject_en="November newsletter",
        subject_ko="11월 뉴스레터",
        intro_fr="Bonjour à tous.",
        intro_en="Hello all.",
        intro_ko="안녕하세요.",
    )
    issue.articles.set(articles)
    issue.events.set(events)
    return issue


@pytest.fixture
def sender():
    return staff_member("sender", permissions=["newsletter.send_newsletterissue"])


def test_each_language_holds_only_what_is_ready_in_it(django_capture_on_commit_callbacks, sender):
    everywhere = ArticleFactory(title_ko="모든 언어 기사")
    not_in_korean = ArticleFactory(title_ko="", slug_ko="", lead_ko="", body_ko="")
    draft = ArticleFactory(draft=True)
    event = EventFactory()
    issue = issue_with([everywhere, not_in_korean, draft], [event])
    subscriber("fr@example.org", "fr")
    subscriber("ko@example.org", "ko")

    ko = services.version(issue, "ko")
    assert ko.articles == [everywhere]
    assert ko.events == [event]
    assert set(services.version(issue, "fr").articles) == {everywhere, not_in_korean}

    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue, sender)
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"fr@example.org", "ko@example.org"}
    korean = sent["ko@example.org"]
    assert korean.subject == "11월 뉴스레터"
    assert "모든 언어 기사" in korean.body
    assert not_in_korean.title_fr not in korean.body
    assert draft.title_ko not in korean.body
    assert not_in_korean.title_fr in sent["fr@example.org"].body
    html = korean.alternatives[0][0]
    assert 'lang="ko"' in html and "모든 언어 기사" in html
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT


def test_only_confirmed_subscribers_receive_an_issue(django_capture_on_commit_callbacks, sender):
    subscriber("yes@example.org")
    subscriber("pending@example.org", status=Subscriber.Status.PENDING)
    subscriber("gone@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue_with([ArticleFactory()]), sender)
    assert [message.to for message in mail.outbox] == [["yes@example.org"]]


def test_every_issue_carries_its_one_click_unsubscribe(django_capture_on_commit_callbacks, sender):
    person = subscriber("reader@example.org", "en")
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue_with([ArticleFactory()]), sender)
    (message,) = mail.outbox
    # The outbox kept the headers.
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<mailto:")
    link = header.split("<")[2].rstrip(">")
    assert link.startswith("http://testserver/en/newsletter/unsubscribe/")
    assert link in message.body
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        link.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.status == Subscriber.Status.UNSUBSCRIBED


@override_settings(NEWSLETTER_BATCH_SIZE=2)
def test_an_interrupted_send_resumed_writes_to_each_subscriber_once(
    django_capture_on_commit_callbacks, sender
):
    people = [subscriber(f"p{number}@example.org") for number in range(5)]
    issue = issue_with([ArticleFactory()])
    real_queue = services.queue
    calls = {"count": 0}

    def failing_on_the_fourth(message):
        calls["count"] += 1
        if calls["count"] == 4:
            raise ConnectionError("the database went away")
        return real_queue(message)

    with (
        mock.patch.object(services, "queue", failing_on_the_fourth),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.start_sending(issue, sender)
    # Two batches ran: the first served two, the second failed on its second subscriber.
    assert Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count() == 3
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENDING
    assert len(mail.outbox) == 3

    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue, sender)
    run_tasks()
    received = sorted(message.to[0] for message in mail.outbox)
    assert received == sorted(person.email for person in people)
    assert OutgoingEmail.objects.count() == 5
    assert Delivery.objects.filter(issue=issue).count() == 5
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    progress = {row.language: row for row in services.progress(issue)}
    assert (progress["fr"].subscribers, progress["fr"].to_send, progress["fr"].sent) == (5, 0, 5)


def test_a_second_run_of_a_batch_sends_nothing_again(sender):
    person = subscriber("once@example.org")
    issue = issue_with([ArticleFactory()])
    issue.status = NewsletterIssue.Status.SENDING
    issue.save()
    version = services.version(issue, "fr")
    assert services.deliver_one(issue, person, version) is True
    assert services.deliver_one(issue, person, version) is False
    assert OutgoingEmail.objects.count() == 1


def test_sending_needs_its_own_permission():
    editor = staff_member("editor", permissions=["newsletter.change_newsletterissue"])
    subscriber("x@example.org")
    issue = issue_with([ArticleFactory()])
    with pytest.raises(PermissionDenied):
        services.start_sending(issue, editor)
    assert not Delivery.objects.exists()


def test_the_progress_is_read_in_a_fixed_number_of_queries(
    django_assert_num_queries, django_capture_on_commit_callbacks, sender
):
    issue = issue_with([ArticleFactory()])
    subscriber("a@example.org", "fr")
    with django_assert_num_queries(3):
        services.progress(issue)
    for number in range(4):
        subscriber(f"b{number}@example.org", ("fr", "en", "ko")[number % 3])
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue, sender)
    with django_assert_num_queries(3):
        rows = services.progress(issue)
    assert sum(row.sent for row in rows) == 5
