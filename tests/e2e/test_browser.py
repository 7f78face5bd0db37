"""The visitor's path through an article in a real browser (headless Chromium)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from chamber.models import Agreement, Organisation
from news.models import Article
from tests.support.adminforms import admin_url
from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    OrganisationFactory,
    PartyFactory,
    SignatoryFactory,
)
from tests.support.htmlpage import mailto, object_url, query
from tests.support.languages import LANGUAGES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    """A press release in French and English about an MOU of two parties."""
    member = OrganisationFactory(
        name_fr="Ville métropolitaine de Busan",
        name_en="Busan Metropolitan City",
        membership=Organisation.Membership.MEMBER,
    )
    partner = OrganisationFactory(
        name_fr="Alliance des universités de Busan",
        name_en="Busan University Alliance",
        membership=Organisation.Membership.NONE,
    )
    agreement = AgreementFactory()
    PartyFactory(agreement=agreement, organisation=member, position=1)
    PartyFactory(agreement=agreement, organisation=partner, position=2)
    SignatoryFactory(agreement=agreement, organisation=member, name="Park Hyung-joon")
    SignatoryFactory(agreement=agreement, organisation=partner, name="Kim Min-ji")
    return ArticleFactory(
        with_image=True,
        title_fr="Busan signe un protocole d'accord pour la mobilité",
        title_en="Busan signs an MOU on mobility",
        slug_fr="busan-signe-un-protocole-mobilite",
        slug_en="busan-signs-an-mou-on-mobility",
        agreement=agreement,
        organisations=[member, partner],
    )


def test_read_an_article_switch_to_english_and_share_it(live_server, page, console_errors, article):
    french_url = live_server.url + object_url(article, "fr")
    english_url = live_server.url + object_url(article, "en")
    with translation.override("en"):
        english_title = article.title
        english_roles = [party.role for party in article.agreement.parties.all()]

    page.goto(french_url)

    assert page.get_attribute("html", "lang") == "fr"
    assert page.inner_text("h1") == article.title_fr

    page.click('[data-language-link="en"]')
    page.wait_for_url(english_url)

    assert page.url == english_url
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("h1") == english_title
    assert page.locator(".party-role").all_inner_texts() == english_roles

    share = {
        network: page.get_attribute(f"a.share-{network}", "href")
        for network in ("facebook", "x", "linkedin", "email")
    }
    assert query(share["facebook"]) == {"u": page.url}
    assert query(share["x"]) == {"url": page.url, "text": english_title}
    assert query(share["linkedin"]) == {"url": page.url}
    assert mailto(share["email"]) == (
        "",
        {"subject": english_title, "body": f"{english_title}\n{page.url}"},
    )

    copy = page.locator("button.share-copy")
    assert copy.is_visible()  # shown by site.js where the Clipboard API exists
    assert copy.get_attribute("data-copy-url") == page.url
    label = copy.get_attribute("data-copied-label")
    copy.click()
    page.wait_for_function(
        "label => document.querySelector('.share-status').textContent === label", arg=label
    )
    assert copy.inner_text() == label
    assert page.evaluate("navigator.clipboard.readText()") == page.url

    assert console_errors == []


def test_the_article_page_loads_without_console_errors(live_server, page, console_errors, article):
    """Nothing on the page breaks the Content Security Policy: the stylesheet, the
    script and the images all load from the site itself."""
    response = page.goto(live_server.url + object_url(article, "fr"))

    assert response.ok
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    # The stylesheet applied and the hero image decoded.
    assert page.evaluate("document.styleSheets.length") >= 1
    assert page.evaluate("document.querySelector('.article-figure img').naturalWidth") > 0
    assert console_errors == []


def test_the_admin_shows_one_tab_per_language(live_server, page, console_errors, admin_user):
    """The language tabs are built by modeltranslation's script with jQuery UI, both
    served by the site itself, under the Content Security Policy."""
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")  # pytest-django's admin_user
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))

    page.goto(live_server.url + admin_url(Article, "add"))

    # The tab set around the French title: a list of one tab per language.
    tab_set = page.locator("#id_title_fr").locator(
        "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ui-tabs ')][1]"
    )
    tabs = tab_set.locator(".ui-tabs-nav li")
    assert tabs.count() == len(LANGUAGES)
    assert page.is_visible("#id_title_fr")
    assert not page.is_visible("#id_title_en")
    tabs.nth(1).locator("a").click()
    assert page.is_visible("#id_title_en")
    assert not page.is_visible("#id_title_fr")
    assert console_errors == []


def test_the_admin_body_editor_writes_sanitised_rich_text(
    live_server, page, console_errors, admin_user
):
    """The body is edited in a rich-text editor (no HTML to type), per language, and what
    it saves is the markup the site keeps."""
    article = ArticleFactory(body_fr="<p>Premier paragraphe.</p>", body_en="<p>First.</p>")
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    page.goto(live_server.url + admin_url(Article, "change", article.pk))

    editor = page.locator("#id_body_fr").locator(
        "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' prose-editor ')]"
        "[1]"
    )
    editable = editor.locator("[contenteditable=true]")
    assert editable.is_visible()
    editable.click()
    page.keyboard.press("End")
    page.keyboard.type(" Texte en gras")
    # Select the paragraph (triple click), then make it bold.
    editable.locator("p").first.click(click_count=3)
    page.keyboard.press("Control+b")
    page.click("input[name=_save]")
    page.wait_for_url(live_server.url + admin_url(Article, "changelist"))

    article.refresh_from_db()
    assert article.body_fr == "<p><strong>Premier paragraphe. Texte en gras</strong></p>"
    assert article.body_en == "<p>First.</p>"
    assert console_errors == []


def test_the_admin_body_editor_speaks_the_staff_members_language(
    live_server, page, console_errors, admin_user
):
    """The editor's buttons and dialogs, which django-prose-editor writes in English,
    are in the staff member's language: French here, the browser's."""
    article = ArticleFactory(body_fr="<p>Premier paragraphe.</p>")
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    page.goto(live_server.url + admin_url(Article, "change", article.pk))

    editor = page.locator("#id_body_fr").locator(
        "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' prose-editor ')]"
        "[1]"
    )
    bold = editor.locator("button[data-name=bold]")
    bold.wait_for()
    page.wait_for_function("button => button.title === 'Gras'", arg=bold.element_handle())
    assert bold.get_attribute("aria-label") == "Gras"
    editor.locator("[contenteditable=true] p").first.click(click_count=3)
    editor.locator("button[data-name=link]").click()
    dialog = editor.locator("dialog.prose-editor-dialog")
    assert dialog.locator("h3").inner_text() == "Modifier le lien"
    assert [button.inner_text() for button in dialog.locator("button").all()] == [
        "Valider",
        "Annuler",
    ]
    assert console_errors == []


def test_the_admin_notes_a_time_difference_to_staff_elsewhere_only(
    live_server, browser, page, console_errors, admin_user
):
    """Under date fields, Django's admin notes how far the browser's clock is from the
    server's time zone (the chamber's): staff who work in it see no note, staff who
    work elsewhere do."""
    elsewhere = "Europe/Paris" if settings.TIME_ZONE != "Europe/Paris" else "Asia/Seoul"
    traveller = browser.new_context(locale="fr-FR", timezone_id=elsewhere).new_page()
    for tab in (page, traveller):
        tab.goto(live_server.url + reverse("admin:login"))
        tab.fill("#id_username", admin_user.username)
        tab.fill("#id_password", "password")
        tab.click("input[type=submit]")
        tab.wait_for_url(live_server.url + reverse("admin:index"))
        tab.goto(live_server.url + admin_url(Agreement, "add"))
        tab.locator("#id_signed_on + .datetimeshortcuts").wait_for()

    assert page.locator(".timezonewarning").count() == 0
    note = traveller.locator(".field-signed_on .timezonewarning")
    assert note.count() == 1
    assert "heure du serveur" in note.inner_text()
    assert console_errors == []
    traveller.context.close()
