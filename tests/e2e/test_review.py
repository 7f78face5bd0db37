"""The review in a real browser: an editor changes a published article and submits it,
a publisher compares the version with the live page and approves it, and visitors then
read the new text."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from chamber.site.staff_groups import setup_staff_groups
from chamber.toolkit.models import Proposal, StaffProfile
from news.models import Article
from tests.support.adminforms import admin_url
from tests.support.factories import ArticleFactory
from tests.support.htmlpage import object_url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def staff_member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "a-long-password-1", is_staff=True
    )
    with translation.override("fr"):
        user.groups.add(Group.objects.get(name=translation.gettext(group)))
    StaffProfile.objects.create(user=user, language="en")
    return user


def log_in(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", "a-long-password-1")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))


def test_an_editor_proposes_and_a_publisher_approves(
    live_server, browser, django_user_model, console_errors
):
    setup_staff_groups()
    editor = staff_member(django_user_model, "editor", "Editors")
    publisher = staff_member(django_user_model, "publisher", "Publishers")
    article = ArticleFactory(title_en="Busan signs an MOU")
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on(
        "console",
        lambda message: console_errors.append(message.text) if message.type == "error" else None,
    )

    # The editor changes the English title and submits the version.
    log_in(page, live_server, editor)
    page.goto(live_server.url + admin_url(Article, "change", article.pk))
    page.locator("label[for='modeltranslation-main-switch']").wait_for(state="visible")
    page.click("a[href='#tab_id_title_en']")
    page.fill("#id_title_en", "Busan and Renault sign an MOU")
    page.fill("#id__version_comment", "A clearer title")
    page.click("input[name='_submit_review']")
    page.wait_for_url(live_server.url + admin_url(Article, "change", article.pk))
    assert "submitted" in page.locator(".messagelist").inner_text().lower()

    # Visitors still read the published title.
    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(live_server.url + object_url(article, "en"))
    assert visitor.locator("h1").inner_text() == "Busan signs an MOU"

    # The publisher finds it on the admin's home page, compares and approves it.
    log_in(page, live_server, publisher)
    page.click("#review-module a")
    proposal = Proposal.objects.get()
    assert page.url.endswith(f"/proposals/{proposal.pk}/")
    changes = page.locator("table.review-changes").inner_text()
    assert "Title (English)" in changes
    assert page.locator("table.review-changes ins").first.inner_text().strip()
    page.click("input[value='Approve and publish this version']")
    page.wait_for_url(live_server.url + admin_url(Article, "change", article.pk))

    visitor.reload()
    assert visitor.locator("h1").inner_text() == "Busan and Renault sign an MOU"
    assert console_errors == []
    context.close()
