"""The newsletter in the admin: preview, a test to oneself, sending (its own permission,
forged POSTs refused), the recent content helper, CSV export and import."""

import csv
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chamber.newsletter.models import Delivery, NewsletterIssue, Subscriber
from tests.events.factories import EventFactory
from tests.events.staff_support import staff_member
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db

EDIT = [
    "newsletter.view_newsletterissue",
    "newsletter.change_newsletterissue",
    "newsletter.add_newsletterissue",
]


@pytest.fixture
def issue():
    issue = NewsletterIssue.objects.create(subject_fr="Lettre", subject_en="Letter")
    issue.articles.set([ArticleFactory(title_en="Big news")])
    return issue


def login(client, *permissions, name="staff"):
    user = staff_member(name, permissions=permissions)
    client.force_login(user)
    return user


def test_the_preview_shows_html_and_text_per_language(client, issue):
    login(client, *EDIT)
    response = client.get(
        reverse("admin:newsletter_newsletterissue_preview", args=[issue.pk, "en"])
    )
    assert response.status_code == 200
    assert response.context["version"].subject == "Letter"
    assert "Big news" in response.context["text"]
    assert "Big news" in response.context["html"]


def test_a_test_goes_to_the_staff_members_own_address(
    client, issue, django_capture_on_commit_callbacks
):
    user = login(client, *EDIT)
    Subscriber.objects.create(email="sub@example.org", language="en", status="confirmed")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:newsletter_newsletterissue_send_test", args=[issue.pk])
        )
    assert response.status_code == 302
    assert {message.to[0] for message in mail.outbox} == {user.email}
    assert {message.subject for message in mail.outbox} == {"Lettre", "Letter"}
    assert not Delivery.objects.exists()


def test_an_editor_without_the_send_permission_cannot_send_even_by_a_forged_post(client, issue):
    login(client, *EDIT)
    Subscriber.objects.create(email="sub@example.org", language="en", status="confirmed")
    page = client.get(reverse("admin:newsletter_newsletterissue_change", args=[issue.pk]))
    assert page.status_code == 200
    assert 'id="newsletter-send"' not in page.content.decode()
    assert 'id="newsletter-send-test"' in page.content.decode()
    response = client.post(reverse("admin:newsletter_newsletterissue_send", args=[issue.pk]))
    assert response.status_code == 403
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.DRAFT
    assert not Delivery.objects.exists()


def test_a_sender_sends_and_sees_the_progress(client, issue, django_capture_on_commit_callbacks):
    login(client, *EDIT, "newsletter.send_newsletterissue")
    Subscriber.objects.create(email="sub@example.org", language="en", status="confirmed")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:newsletter_newsletterissue_send", args=[issue.pk]))
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["sub@example.org"]]
    page = client.get(reverse("admin:newsletter_newsletterissue_change", args=[issue.pk]))
    english = next(row for row in page.context["progress"] if row.language == "en")
    assert (english.subscribers, english.to_send, english.sent, english.failed) == (1, 0, 1, 0)


def test_a_new_issue_starts_with_recent_articles_and_coming_events(client):
    login(client, *EDIT)
    article = ArticleFactory()
    event = EventFactory()
    ArticleFactory(draft=True)
    response = client.get(reverse("admin:newsletter_newsletterissue_add"))
    initial = response.context["adminform"].form.initial
    assert initial["articles"] == [article.pk]
    assert initial["events"] == [event.pk]


def test_export_is_formula_safe_with_a_bom_and_needs_its_permission(client):
    Subscriber.objects.create(email="=cmd@example.org", language="ko", status="confirmed")
    url = reverse("admin:newsletter_subscriber_changelist")
    data = {
        "action": "export_csv",
        "_selected_action": list(Subscriber.objects.values_list("pk", flat=True)),
    }
    login(client, "newsletter.view_subscriber", "newsletter.change_subscriber", name="viewer")
    refused = client.post(url, data)
    assert refused.get("Content-Type", "").startswith("text/html")
    client.logout()
    login(client, "newsletter.view_subscriber", "newsletter.export_subscriber", name="exporter")
    response = client.post(url, data)
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))
    assert rows[1][0] == "'=cmd@example.org"
    assert rows[1][1] == "ko"


def test_import_records_new_addresses_as_pending_and_asks_them_to_confirm(
    client, django_capture_on_commit_callbacks
):
    Subscriber.objects.create(email="known@example.org", language="en", status="confirmed")
    Subscriber.objects.create(email="left@example.org", language="en", status="unsubscribed")
    login(client, "newsletter.view_subscriber", "newsletter.import_subscriber")
    upload = SimpleUploadedFile(
        "list.csv",
        "\ufeffemail;language\nNew@Example.org;ko\nknown@example.org;fr\nleft@example.org;fr\n"
        "not-an-address;fr\nother@example.org;de\n".encode(),
        content_type="text/csv",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:newsletter_subscriber_import"), {"file": upload})
    assert response.status_code == 302
    new = Subscriber.objects.get(email="new@example.org")
    assert (new.status, new.language, new.source) == ("pending", "ko", "import")
    assert Subscriber.objects.get(email="known@example.org").status == "confirmed"
    assert Subscriber.objects.get(email="left@example.org").status == "unsubscribed"
    assert not Subscriber.objects.filter(email="other@example.org").exists()
    assert [message.to for message in mail.outbox] == [["new@example.org"]]


def test_import_needs_its_permission(client):
    login(client, "newsletter.view_subscriber")
    assert client.get(reverse("admin:newsletter_subscriber_import")).status_code == 403
