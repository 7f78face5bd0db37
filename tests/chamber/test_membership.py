"""Joining the chamber: the public form, staff review in the admin, the e-mails in the
applicant's language, and the retention of decided applications."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from chamber import membership
from chamber.models import MembershipApplication, Organisation
from tests.support.factories import OrganisationFactory
from tests.support.htmlpage import Page, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db
Status = MembershipApplication.Status

FORM = {
    "company_name": "Hanbit Robotics",
    "contact_name": "Kim Min-jun",
    "email": "minjun@hanbit.example",
    "phone": "+82 51 555 0101",
    "sector": "Robotique",
    "size": "small",
    "tier": "corporate",
    "message": "Bonjour,\nhttps://spam.example nous intéresse.",
    "consent": "on",
    "homepage": "",
}


def post(client, language, capture, address="127.0.0.1", **changes):
    with capture(execute=True), translation.override(language):
        return client.post(
            url_in(language, "chamber:join"), {**FORM, **changes}, REMOTE_ADDR=address
        )


def application(**changes) -> MembershipApplication:
    values = {k: v for k, v in FORM.items() if k not in ("consent", "homepage")}
    return MembershipApplication.objects.create(**{**values, "language": "ko", **changes})


class TestForm:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_a_valid_application_is_recorded_and_staff_are_told(
        self, client, language, settings, django_capture_on_commit_callbacks
    ):
        settings.CHAMBER_CONTACT_EMAIL = "join@chamber.example"
        response = post(client, language, django_capture_on_commit_callbacks)
        assert response.status_code == 302
        assert response["Location"] == url_in(language, "chamber:join-thanks")
        recorded = MembershipApplication.objects.get()
        assert recorded.status == Status.SUBMITTED
        assert recorded.language == language
        assert recorded.tier == "corporate"
        [notice] = mail.outbox
        assert notice.to == ["join@chamber.example"]
        assert notice.reply_to == [FORM["email"]]
        admin_url = reverse("admin:chamber_membershipapplication_change", args=[recorded.pk])
        first_lines = notice.body.strip().splitlines()
        assert first_lines[1].endswith(admin_url)
        # What the applicant wrote is quoted, never the chamber's own words.
        assert "> Bonjour,\n> https://spam.example nous intéresse." in notice.body
        assert "Hanbit Robotics" in notice.subject

    def test_the_join_path_is_translated(self):
        paths = {language: url_in(language, "chamber:join") for language in LANGUAGES}
        assert paths["en"] == "/en/join/"
        assert paths["fr"] != "/fr/join/"
        assert len(set(paths.values())) == 3

    @pytest.mark.parametrize(
        ("language", "summary", "required"),
        [
            ("fr", "Votre demande n’a pas été envoyée", "Ce champ est obligatoire."),
            ("en", "Your application was not sent", "This field is required."),
            ("ko", "신청서가 전송되지 않았습니다", "필수 항목입니다."),
        ],
    )
    def test_an_invalid_application_lists_its_errors_and_writes_nothing(
        self, client, language, summary, required, django_capture_on_commit_callbacks
    ):
        response = post(
            client,
            language,
            django_capture_on_commit_callbacks,
            company_name="",
            email="not an address",
            consent="",
            tier="gold",
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert summary in content
        assert required in content
        page = Page(response)
        links = [a.get("href") for a in page.one(id="error-summary").find_all("a")]
        assert links == ["#id_company_name", "#id_email", "#id_tier_0", "#id_consent"]
        assert not MembershipApplication.objects.exists()
        assert mail.outbox == []

    @pytest.mark.parametrize("trap", ["http://spam.example", " ", "   "])
    def test_a_bot_filling_the_trap_even_with_spaces_is_refused(
        self, client, trap, django_capture_on_commit_callbacks
    ):
        response = post(client, "en", django_capture_on_commit_callbacks, homepage=trap)
        assert response.status_code == 400
        assert "Leave this field empty" in response.content.decode()
        assert not MembershipApplication.objects.exists()
        assert mail.outbox == []

    def test_too_many_applications_from_one_address_are_refused(
        self, client, settings, django_capture_on_commit_callbacks
    ):
        settings.MEMBERSHIP_APPLICATION_RATE = "2/h"
        for number in range(2):
            response = post(
                client, "en", django_capture_on_commit_callbacks, email=f"a{number}@x.example"
            )
            assert response.status_code == 302
        refused = post(client, "en", django_capture_on_commit_callbacks, email="a9@x.example")
        assert refused.status_code == 429
        assert "Too many applications" in refused.content.decode()
        assert MembershipApplication.objects.count() == 2
        other = post(
            client,
            "en",
            django_capture_on_commit_callbacks,
            address="10.0.0.2",
            email="b@x.example",
        )
        assert other.status_code == 302

    def test_nothing_is_half_written_when_the_notice_cannot_be_queued(self, monkeypatch):
        def broken(message):
            raise RuntimeError("outbox down")

        monkeypatch.setattr(membership.mail, "queue", broken)
        data = {k: v for k, v in FORM.items() if k not in ("consent", "homepage")}
        with pytest.raises(RuntimeError):
            membership.apply(data, language="fr")
        assert not MembershipApplication.objects.exists()


@pytest.fixture
def staff_viewer(client):
    """A staff member who may see applications but not decide them."""
    user = get_user_model().objects.create_user("viewer", password="x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="view_membershipapplication"),
        Permission.objects.get(codename="change_membershipapplication"),
    )
    client.force_login(user)
    return user


def decide(client, application, verb, capture, **data):
    url = reverse("admin:chamber_membershipapplication_decide", args=[application.pk, verb])
    with capture(execute=True):
        return client.post(url, data)


class TestReview:
    def test_the_list_shows_a_status_label_filters_and_search(self, admin_client):
        application(company_name="Zeta Corp")
        application(company_name="Alpha Ltd", status=Status.REFUSED)
        url = reverse("admin:chamber_membershipapplication_changelist")
        response = admin_client.get(url, {"status__exact": "refused"})
        content = response.content.decode()
        assert "Alpha Ltd" in content and "Zeta Corp" not in content
        assert "registration-status-rejected" in content
        assert "Zeta Corp" in admin_client.get(url, {"q": "zeta"}).content.decode()

    def test_the_page_offers_accept_and_refuse_until_decided(self, admin_client):
        pending = application()
        url = reverse("admin:chamber_membershipapplication_change", args=[pending.pk])
        content = admin_client.get(url).content.decode()
        assert (
            reverse("admin:chamber_membershipapplication_decide", args=[pending.pk, "accept"])
            in content
        )
        pending.status = Status.ACCEPTED
        pending.save()
        content = admin_client.get(url).content.decode()
        assert "decide/accept" not in content

    def test_accepting_creates_a_draft_member_and_welcomes_in_their_language(
        self, admin_client, admin_user, django_capture_on_commit_callbacks, frozen_clock
    ):
        pending = application(company_name="부산 로보틱스", sector="로봇", language="ko")
        response = decide(admin_client, pending, "accept", django_capture_on_commit_callbacks)
        assert response.status_code == 302
        pending.refresh_from_db()
        assert pending.status == Status.ACCEPTED
        assert pending.decided_by == admin_user
        assert pending.decided_at == timezone.now()
        organisation = pending.organisation
        assert organisation.name_ko == "부산 로보틱스"
        assert organisation.sector_ko == "로봇"
        assert organisation.membership == "corporate"
        assert organisation.member_since == timezone.localdate()
        assert organisation.status == Organisation.Status.DRAFT
        [welcome] = mail.outbox
        assert welcome.to == [FORM["email"]]
        assert "회원" in welcome.subject or "환영" in welcome.subject
        assert "부산 로보틱스" in welcome.body
        assert "/ko/" in welcome.body

    def test_accepting_makes_an_existing_organisation_a_member(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        existing = OrganisationFactory(
            name_fr="Hanbit Robotics", membership=Organisation.Membership.NONE
        )
        pending = application(company_name="HANBIT robotics", tier="patron", language="fr")
        decide(admin_client, pending, "accept", django_capture_on_commit_callbacks)
        existing.refresh_from_db()
        assert existing.membership == "patron"
        assert existing.member_since == timezone.localdate()
        assert existing.status == Organisation.Status.PUBLISHED
        assert Organisation.objects.count() == 1
        assert mail.outbox[0].subject.startswith("Bienvenue")

    def test_accepting_is_one_transaction(self, admin_user, monkeypatch):
        pending = application()

        def broken(message):
            raise RuntimeError("outbox down")

        monkeypatch.setattr(membership.mail, "queue", broken)
        with pytest.raises(RuntimeError):
            membership.accept(pending, user=admin_user)
        pending.refresh_from_db()
        assert pending.status == Status.SUBMITTED
        assert not Organisation.objects.exists()

    def test_refusing_tells_the_applicant_with_the_reason_quoted(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        pending = application(language="en")
        decide(
            admin_client, pending, "refuse", django_capture_on_commit_callbacks, reason="Not now."
        )
        pending.refresh_from_db()
        assert pending.status == Status.REFUSED
        assert pending.staff_note == "Not now."
        [message] = mail.outbox
        assert message.subject == "Your membership application"
        assert "> Not now." in message.body
        assert not Organisation.objects.exists()

    def test_a_decided_application_is_not_decided_again(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        pending = application(status=Status.REFUSED)
        decide(admin_client, pending, "accept", django_capture_on_commit_callbacks)
        pending.refresh_from_db()
        assert pending.status == Status.REFUSED
        assert mail.outbox == []

    @pytest.mark.parametrize("verb", ["accept", "refuse"])
    def test_a_forged_post_without_the_permission_is_refused(
        self, client, staff_viewer, verb, django_capture_on_commit_callbacks
    ):
        pending = application()
        response = decide(client, pending, verb, django_capture_on_commit_callbacks)
        assert response.status_code == 403
        pending.refresh_from_db()
        assert pending.status == Status.SUBMITTED
        assert mail.outbox == []

    def test_deciding_needs_a_post(self, admin_client):
        pending = application()
        url = reverse("admin:chamber_membershipapplication_decide", args=[pending.pk, "accept"])
        assert admin_client.get(url).status_code == 405


def test_decided_applications_are_deleted_after_two_years(frozen_clock):
    now = timezone.now()
    old = application(status=Status.ACCEPTED, decided_at=now - datetime.timedelta(days=731))
    recent = application(status=Status.REFUSED, decided_at=now - datetime.timedelta(days=700))
    pending = application()
    MembershipApplication.objects.filter(pk=pending.pk).update(
        created_at=now - datetime.timedelta(days=900)
    )
    out = io.StringIO()
    call_command("delete_old_applications", stdout=out)
    assert "Deleted 1" in out.getvalue()
    assert set(MembershipApplication.objects.all()) == {recent, pending}
    assert not MembershipApplication.objects.filter(pk=old.pk).exists()


def test_the_demo_has_applications_in_each_status():
    from chamber.demo import loader

    loader.load_applications()
    loader.load_applications()
    assert sorted(MembershipApplication.objects.values_list("status", flat=True)) == [
        "accepted",
        "refused",
        "submitted",
    ]
