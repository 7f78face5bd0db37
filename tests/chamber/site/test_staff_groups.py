"""Staff groups: editors write, publishers publish, event managers run events and
delegations."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation

from chamber.site.staff_groups import setup_staff_groups
from news.models import Article
from tests.support.adminforms import admin_url
from tests.support.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def staff_member(django_user_model, group_name):
    user = django_user_model.objects.create_user(
        f"{group_name.lower().replace(' ', '-')}", password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def group_name(english):
    with translation.override("fr"):
        return translation.gettext(english)


def test_groups_are_created_once_with_their_permissions():
    first = setup_staff_groups()
    call_command("setup_staff_groups")
    assert Group.objects.count() == 3
    assert setup_staff_groups() == first
    publishers = Group.objects.get(name=group_name("Publishers"))
    editors = Group.objects.get(name=group_name("Editors"))
    managers = Group.objects.get(name=group_name("Event managers"))
    assert publishers.permissions.filter(codename="publish_article").exists()
    assert not editors.permissions.filter(codename="publish_article").exists()
    assert managers.permissions.filter(codename="export_registration").exists()
    assert not managers.permissions.filter(content_type__app_label="news").exists()
    # They watch the outbox and send failed e-mails again; editors do not.
    assert managers.permissions.filter(codename="retry_outgoingemail").exists()
    assert not editors.permissions.filter(content_type__app_label="toolkit").exists()
    # They run the chamber's events, design the forms and check people in at the door.
    for codename in ("publish_event", "change_event", "add_question", "checkin_attendee"):
        assert managers.permissions.filter(codename=codename).exists(), codename
    assert not editors.permissions.filter(codename="checkin_attendee").exists()


def test_the_former_delegation_managers_group_is_renamed_with_its_members(django_user_model):
    former = Group.objects.create(name=group_name("Delegation managers"))
    member = django_user_model.objects.create_user("member", password="x", is_staff=True)
    member.groups.add(former)
    setup_staff_groups()
    assert not Group.objects.filter(name=group_name("Delegation managers")).exists()
    renamed = Group.objects.get(pk=former.pk)
    assert renamed.name == group_name("Event managers") == "Gestion des événements"
    assert member.has_perm("events.checkin_attendee")


def test_an_editor_saves_drafts_but_cannot_publish(client, django_user_model):
    setup_staff_groups()
    editor = staff_member(django_user_model, group_name("Editors"))
    client.force_login(editor)
    article = ArticleFactory(draft=True, category=CategoryFactory())

    page = client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert 'name="status"' not in page  # shown read-only
    assert "publish_selected" not in client.get(admin_url(Article, "changelist")).content.decode()

    response = client.post(
        admin_url(Article, "changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert response.status_code in (200, 302)


def test_a_publisher_can_publish(client, django_user_model):
    setup_staff_groups()
    publisher = staff_member(django_user_model, group_name("Publishers"))
    client.force_login(publisher)
    article = ArticleFactory(draft=True)
    assert 'name="status"' in client.get(admin_url(Article, "change", article.pk)).content.decode()
    client.post(
        admin_url(Article, "changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
