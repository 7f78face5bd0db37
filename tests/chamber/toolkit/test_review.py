"""Editors never change what visitors see: their changes to live pages wait for a
publisher, who approves or rejects them; every version is kept, compared and restored."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from chamber.models import Agreement
from chamber.site.staff_groups import setup_staff_groups
from chamber.toolkit.models import Proposal, StaffProfile
from news.models import Article
from tests.support.adminforms import admin_url, change_form_data, form_errors
from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    OrganisationFactory,
    PartyFactory,
)
from tests.support.htmlpage import Page, object_url
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db


def member_of(django_user_model, username, group, language="fr"):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "x", is_staff=True
    )
    with translation.override("fr"):
        user.groups.add(Group.objects.get(name=translation.gettext(group)))
    StaffProfile.objects.create(user=user, language=language)
    return user


@pytest.fixture
def staff(django_user_model):
    setup_staff_groups()
    return {
        "editor": member_of(django_user_model, "editor", "Editors", "fr"),
        "publisher": member_of(django_user_model, "publisher", "Publishers", "en"),
        "manager": member_of(django_user_model, "manager", "Event managers", "fr"),
    }


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def edit(client, obj, headers=None, **changes):
    """Post ``obj``'s admin change page with ``changes``; follow the redirect."""
    url = admin_url(type(obj), "change", obj.pk)
    data = change_form_data(client.get(url))
    data.update(changes)
    return client.post(url, data, headers=headers or {})


def proposal_url(proposal, action=""):
    meta = proposal.content_type.model_class()._meta
    name = f"admin:{meta.app_label}_{meta.model_name}_{'decide' if action else 'proposal'}"
    args = [proposal.object_id, proposal.pk, *([action] if action else [])]
    return reverse(name, args=args)


class TestEditorsPropose:
    @pytest.mark.parametrize("traits", [{}, {"scheduled": True}])
    def test_a_change_to_a_live_article_waits_for_a_publisher(self, staff, as_user, client, traits):
        article = ArticleFactory(**traits)
        before = Article.objects.get(pk=article.pk)
        response = edit(
            as_user(staff["editor"]),
            article,
            title_en="A better title",
            body_en="<p>New body.</p>",
            _version_comment="Clearer title",
        )

        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert (article.title_en, article.body_en) == (before.title_en, before.body_en)
        assert article.updated_at == before.updated_at
        (proposal,) = Proposal.objects.for_object(article)
        assert proposal.state == Proposal.State.PENDING
        assert (proposal.author, proposal.comment) == (staff["editor"], "Clearer title")
        assert not proposal.publishes
        # Visitors still read the live text.
        if not traits:
            page = Page(client.get(object_url(article, "en")))
            assert page.h1.text == before.title_en

    @pytest.mark.parametrize(
        "field",
        [
            {"status": "draft"},
            {"published_at_0": "2020-01-01", "published_at_1": "09:00:00"},
            {"author": "1"},
        ],
    )
    def test_a_forged_post_of_a_publication_field_is_refused_and_changes_nothing(
        self, staff, as_user, field
    ):
        article = ArticleFactory()
        before = Article.objects.get(pk=article.pk)
        url = admin_url(Article, "change", article.pk)
        client = as_user(staff["editor"])
        data = {**change_form_data(client.get(url)), **field, "title_en": "Forged"}

        assert client.post(url, data).status_code == 403
        article.refresh_from_db()
        assert (article.status, article.published_at, article.title_en) == (
            before.status,
            before.published_at,
            before.title_en,
        )
        assert not Proposal.objects.exists()

    def test_the_publication_fields_are_read_only_for_editors(self, staff, as_user):
        article = ArticleFactory()
        form = as_user(staff["editor"]).get(admin_url(Article, "change", article.pk))
        fields = form.context["adminform"].form.fields
        assert not {"status", "published_at", "author"} & set(fields)

    def test_a_draft_is_saved_directly_and_submitted_to_publish(
        self, staff, as_user, django_capture_on_commit_callbacks
    ):
        article = ArticleFactory(draft=True)
        client = as_user(staff["editor"])
        with django_capture_on_commit_callbacks(execute=True):
            response = edit(client, article, title_en="Draft title", _submit_review="1")
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.title_en == "Draft title"
        assert article.status == Article.Status.DRAFT
        (proposal,) = Proposal.objects.for_object(article)
        assert proposal.state == Proposal.State.SUBMITTED and proposal.publishes
        # The publisher is told, in English (their language).
        (message,) = mail.outbox
        assert message.to == [staff["publisher"].email]
        assert "To review" in message.subject
        assert proposal_url(proposal) not in message.body  # the page's admin page instead
        assert admin_url(Article, "change", article.pk) in message.body

    def test_a_new_agreement_by_an_editor_is_a_draft_nobody_sees(self, staff, as_user, client):
        editor = as_user(staff["editor"])
        url = admin_url(Agreement, "add")
        data = change_form_data(editor.get(url))
        data.update(
            {f"title_{code}": f"MOU {code}" for code in LANGUAGES}
            | {f"slug_{code}": f"mou-{code}" for code in LANGUAGES}
            | {"signed_on": "2024-05-02"}
        )
        response = editor.post(url, data)
        assert response.status_code == 302, form_errors(response)
        agreement = Agreement.objects.get()
        assert agreement.status == Agreement.Status.DRAFT
        client.logout()
        assert client.get(object_url(agreement, "fr")).status_code == 404


class TestSubmitAndNotify:
    def test_submitting_tells_the_publishers_after_the_commit_in_their_language(
        self, staff, as_user, django_capture_on_commit_callbacks, django_user_model
    ):
        french = member_of(django_user_model, "publieur", "Publishers", "fr")
        article = ArticleFactory()
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            edit(as_user(staff["editor"]), article, title_en="Better", _submit_review="1")
        assert mail.outbox == []  # nothing before the commit
        for callback in callbacks:
            callback()
        by_address = {message.to[0]: message for message in mail.outbox}
        assert set(by_address) == {staff["publisher"].email, french.email}
        assert "To review" in by_address[staff["publisher"].email].subject
        assert "À relire" in by_address[french.email].subject

    def test_the_admin_home_lists_what_waits(self, staff, as_user):
        article = ArticleFactory()
        edit(as_user(staff["editor"]), article, title_en="Better", _submit_review="1")
        home = as_user(staff["publisher"]).get(reverse("admin:index"))
        (proposal,) = Proposal.objects.all()
        assert proposal_url(proposal) in home.content.decode()


@pytest.fixture
def submitted(staff, as_user):
    article = ArticleFactory()
    edit(as_user(staff["editor"]), article, title_en="The reviewed title", _submit_review="1")
    return article, Proposal.objects.get()


class TestDecisions:
    def test_approving_changes_the_page_and_tells_the_editor(
        self, staff, as_user, client, submitted, django_capture_on_commit_callbacks
    ):
        article, proposal = submitted
        publisher = as_user(staff["publisher"])
        with django_capture_on_commit_callbacks(execute=True):
            response = publisher.post(proposal_url(proposal, "approve"), {"comment": "Good"})
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.title_en == "The reviewed title"
        proposal.refresh_from_db()
        assert (proposal.state, proposal.decided_by) == (
            Proposal.State.APPROVED,
            staff["publisher"],
        )
        (message,) = [m for m in mail.outbox if m.to == [staff["editor"].email]]
        assert "Approuvé" in message.subject  # the editor works in French
        latest = Version.objects.get_for_object(article).first()
        assert latest.revision.user == staff["publisher"]
        client.logout()
        assert Page(client.get(object_url(article, "en"))).h1.text == "The reviewed title"

    def test_rejecting_needs_a_comment_that_the_editor_reads(
        self, staff, as_user, submitted, django_capture_on_commit_callbacks
    ):
        article, proposal = submitted
        publisher = as_user(staff["publisher"])
        publisher.post(proposal_url(proposal, "reject"), {"comment": "  "})
        proposal.refresh_from_db()
        assert proposal.state == Proposal.State.SUBMITTED
        with django_capture_on_commit_callbacks(execute=True):
            publisher.post(proposal_url(proposal, "reject"), {"comment": "Keep the old title."})
        proposal.refresh_from_db()
        assert proposal.state == Proposal.State.REJECTED
        article.refresh_from_db()
        assert article.title_en != "The reviewed title"
        (message,) = [m for m in mail.outbox if m.to == [staff["editor"].email]]
        assert "Keep the old title." in message.body
        home = as_user(staff["editor"]).get(reverse("admin:index")).content.decode()
        assert "Keep the old title." in home

    @pytest.mark.parametrize("action", ["approve", "reject"])
    def test_an_editor_cannot_decide(self, staff, as_user, submitted, action):
        article, proposal = submitted
        response = as_user(staff["editor"]).post(
            proposal_url(proposal, action), {"comment": "mine"}
        )
        assert response.status_code == 403
        proposal.refresh_from_db()
        assert proposal.state == Proposal.State.SUBMITTED

    def test_a_decision_needs_a_post(self, staff, as_user, submitted):
        _article, proposal = submitted
        assert as_user(staff["publisher"]).get(proposal_url(proposal, "approve")).status_code == 405


class TestPreview:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_preview_shows_the_proposed_version_with_a_banner(
        self, staff, as_user, submitted, language
    ):
        article, proposal = submitted
        meta = Article._meta
        url = reverse(
            f"admin:{meta.app_label}_{meta.model_name}_preview",
            args=[article.pk, proposal.pk, language],
        )
        page = Page(as_user(staff["publisher"]).get(url))
        assert page.lang == language
        expected = (
            "The reviewed title" if language == "en" else getattr(article, f"title_{language}")
        )
        assert page.h1.text == expected
        assert page.find("p", class_="preview-banner") is not None
        article.refresh_from_db()
        assert article.title_en != "The reviewed title"  # nothing was saved

    def test_only_those_who_may_edit_see_previews_and_drafts(
        self, staff, as_user, submitted, client
    ):
        article, proposal = submitted
        meta = Article._meta
        preview = reverse(
            f"admin:{meta.app_label}_{meta.model_name}_preview",
            args=[article.pk, proposal.pk, "en"],
        )
        manager = as_user(staff["manager"])
        assert manager.get(preview).status_code == 403
        draft = ArticleFactory(draft=True)
        assert manager.get(object_url(draft, "en")).status_code == 404
        assert as_user(staff["editor"]).get(object_url(draft, "en")).status_code == 200


class TestInlines:
    def test_an_agreements_parties_change_only_once_approved(self, staff, as_user):
        agreement = AgreementFactory()
        kept, removed = PartyFactory(agreement=agreement), PartyFactory(agreement=agreement)
        newcomer = OrganisationFactory()
        editor = as_user(staff["editor"])
        url = admin_url(Agreement, "change", agreement.pk)
        data = change_form_data(editor.get(url))
        data.update(
            {
                "parties-0-role_en": "A new commitment",
                "parties-1-DELETE": "on",
                "parties-2-organisation": str(newcomer.pk),
                "parties-2-position": "3",
                "parties-2-role_fr": "Nouveau rôle",
                "parties-2-role_en": "New role",
                "parties-TOTAL_FORMS": "3",
                "_submit_review": "1",
            }
        )
        response = editor.post(url, data)
        assert response.status_code == 302, form_errors(response)
        live = list(agreement.parties.values_list("organisation", "role_en"))
        assert live == [
            (kept.organisation_id, kept.role_en),
            (removed.organisation_id, removed.role_en),
        ]

        proposal = Proposal.objects.get()
        as_user(staff["publisher"]).post(proposal_url(proposal, "approve"))
        parties = {party.organisation_id: party.role_en for party in agreement.parties.all()}
        assert parties == {kept.organisation_id: "A new commitment", newcomer.pk: "New role"}


class TestVersions:
    def test_compare_two_versions_with_human_field_names(self, staff, as_user):
        article = ArticleFactory(title_en="First title")
        publisher = as_user(staff["publisher"])
        edit(publisher, article, title_en="Second title", _version_comment="one")
        edit(publisher, article, title_en="Third title", _version_comment="two")
        versions = list(Version.objects.get_for_object(article))
        assert [v.revision.comment for v in versions] == ["two", "one"]
        meta = Article._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_compare", args=[article.pk])
        response = publisher.get(
            url, {"a": versions[1].pk, "b": versions[0].pk}, headers={"accept-language": "en"}
        )
        changes = {change.label: change for change in response.context["changes"]}
        assert list(changes) == ["Title (English)"]
        assert "<del>Second</del>" in changes["Title (English)"].diff
        assert "<ins>Third</ins>" in changes["Title (English)"].diff

    def test_restore_an_earlier_version_as_a_new_proposal(self, staff, as_user):
        article = ArticleFactory(title_en="First title")
        publisher = as_user(staff["publisher"])
        edit(publisher, article, title_en="Second title")
        edit(publisher, article, title_en="Third title")
        first = Version.objects.get_for_object(article).last()
        meta = Article._meta
        restore = reverse(
            f"admin:{meta.app_label}_{meta.model_name}_restore", args=[article.pk, first.pk]
        )
        editor = as_user(staff["editor"])
        assert editor.get(restore).status_code == 405
        editor.post(restore)
        article.refresh_from_db()
        assert article.title_en == "Third title"  # restoring proposes, it does not publish
        proposal = Proposal.objects.get()
        assert proposal.state == Proposal.State.SUBMITTED
        as_user(staff["publisher"]).post(proposal_url(proposal, "approve"))
        article.refresh_from_db()
        assert article.title_en == "Second title"


class TestPublishersAndManagers:
    def test_a_publisher_edits_the_live_page_directly(self, staff, as_user):
        article = ArticleFactory()
        edit(as_user(staff["publisher"]), article, title_en="Direct")
        article.refresh_from_db()
        assert article.title_en == "Direct"
        assert not Proposal.objects.exists()

    def test_delegation_managers_publish_delegations(self, staff, as_user):
        delegation = DelegationFactory()
        response = edit(as_user(staff["manager"]), delegation, title_en="Renamed")
        assert response.status_code == 302, form_errors(response)
        delegation.refresh_from_db()
        assert delegation.title_en == "Renamed"

    def test_the_publish_permission_of_each_model(self, staff):
        publisher, manager = staff["publisher"], staff["manager"]
        for codename in ("publish_article", "publish_agreement", "publish_organisation"):
            assert Permission.objects.filter(codename=codename).exists()
            assert publisher.has_perm(
                f"{'news' if 'article' in codename else 'chamber'}.{codename}"
            )
            assert not staff["editor"].has_perm(f"x.{codename}")
        assert manager.has_perm("events.publish_delegation") and manager.has_perm(
            "events.publish_fair"
        )
        assert not manager.has_perm("news.publish_article")


def test_a_staff_members_page_sets_the_language_of_their_e_mails(admin_client, staff):
    editor = staff["editor"]
    url = reverse("admin:auth_user_change", args=[editor.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "staff_profile-0-language" in page.content.decode()


def test_those_who_may_only_view_see_no_proposed_version(staff, as_user, django_user_model):
    article = ArticleFactory()
    edit(as_user(staff["editor"]), article, title_en="Pending", _submit_review="1")
    proposal = Proposal.objects.get()
    reader = django_user_model.objects.create_user("reader", password="x", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    assert as_user(reader).get(proposal_url(proposal)).status_code == 403


def test_the_admin_home_lists_published_pages_that_need_translating(staff, as_user):
    untranslated = ArticleFactory(title_en="Only partly translated", body_en="")
    ArticleFactory(title_en="Everywhere")
    home = as_user(staff["publisher"]).get(
        reverse("admin:index"), headers={"accept-language": "en"}
    )
    module = Page(home).one("div", id="review-module").text
    assert "Only partly translated" in module
    assert "Everywhere" not in module
    assert admin_url(Article, "change", untranslated.pk) in home.content.decode()
