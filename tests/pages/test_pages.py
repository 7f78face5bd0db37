"""The chamber's pages and menus: paths and breadcrumbs in each language, menus with the
current page marked, readiness, review, query counts and the demo."""

from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from chamber.pages.models import MenuItem, Page
from chamber.site.staff_groups import setup_staff_groups
from chamber.toolkit.models import Proposal, StaffProfile
from tests.support.adminforms import admin_url, change_form_data, form_errors
from tests.support.htmlpage import Page as Html

pytestmark = pytest.mark.django_db

TEXTS = {
    "about": {"fr": ("À propos", "a-propos"), "en": ("About", "about"), "ko": ("소개", "소개")},
    "board": {"fr": ("Conseil", "conseil"), "en": ("Board", "board"), "ko": ("이사회", "이사회")},
}
PATHS = {
    "fr": "/fr/a-propos/conseil/",
    "en": "/en/about/board/",
    "ko": "/ko/%EC%86%8C%EA%B0%9C/%EC%9D%B4%EC%82%AC%ED%9A%8C/",
}


def make_page(key, parent=None, languages=("fr", "en", "ko"), **extra):
    values = {"status": Page.Status.PUBLISHED, "parent": parent, **extra}
    for code in languages:
        title, slug = TEXTS[key][code]
        values.update(
            {f"title_{code}": title, f"slug_{code}": slug, f"body_{code}": f"<p>{title}</p>"}
        )
    return Page.objects.create(**values)


@pytest.fixture
def tree():
    about = make_page("about")
    board = make_page("board", parent=about)
    return about, board


@pytest.mark.parametrize("language", ["fr", "en", "ko"])
def test_a_child_page_is_at_its_ancestors_path_with_breadcrumbs(client, tree, language):
    about, board = tree
    with translation.override(language):
        assert board.get_absolute_url() == PATHS[language]
        about_url = about.get_absolute_url()
    response = client.get(PATHS[language])
    assert response.status_code == 200
    page = Html(response)
    assert page.h1.text == TEXTS["board"][language][0]
    crumbs = page.one("nav", class_="breadcrumbs").find_all("li")
    assert [crumb.text.strip() for crumb in crumbs][1:] == [
        TEXTS["about"][language][0],
        TEXTS["board"][language][0],
    ]
    assert crumbs[1].one("a").get("href") == about_url
    assert crumbs[2].one("span").get("aria-current") == "page"
    # The parent lists its sub-pages.
    parent = Html(client.get(about_url))
    assert parent.one("nav", class_="subpages").one("a").get("href") == PATHS[language]


def test_a_path_of_another_language_redirects_to_the_page(client, tree):
    response = client.get("/fr/about/board/")
    assert response.status_code == 301
    assert response["Location"] == PATHS["fr"]


def test_other_pages_of_the_site_are_not_shadowed(client, tree):
    assert client.get("/fr/nothing-here/").status_code == 404
    assert client.get("/fr/a-propos/nothing/").status_code == 404
    news = client.get("/fr/actualites/")
    assert news.status_code == 200
    assert news.resolver_match.view_name == "news:article-list"


def test_a_top_level_slug_another_page_answers_is_refused():
    page = Page(title_fr="Actus", slug_fr="actualites", body_fr="<p>x</p>")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug_fr" in error.value.message_dict


def test_a_page_not_ready_in_korean_is_404_there_and_not_in_the_menu(client):
    about = make_page("about", languages=("fr", "en"))
    MenuItem.objects.create(menu="header", page=about)
    assert client.get("/en/about/").status_code == 200
    response = client.get("/ko/about/")
    assert response.status_code == 404
    # The page in the other languages, for the visitor to choose.
    assert "/en/about/" in response.content.decode()
    ko_home = Html(client.get("/ko/"))
    assert ko_home.one("nav", class_="main-nav").find("a", href="/en/about/") is None
    # The language switcher offers only the languages the page is written in.
    en_page = Html(client.get("/en/about/"))
    switch = en_page.one("nav", class_="language-switch")
    assert switch.find("a", hreflang="ko") is None or "alternate" not in str(
        en_page.find("link", hreflang="ko")
    )
    assert en_page.find("link", hreflang="ko") is None


def test_a_child_of_a_page_not_ready_in_a_language_is_404_there(client):
    about = make_page("about", languages=("fr", "en"))
    make_page("board", parent=about)
    assert client.get("/en/about/board/").status_code == 200
    assert client.get(PATHS["ko"]).status_code == 404


def test_a_draft_is_404_for_visitors_and_a_preview_for_staff(client, admin_client, tree):
    about, _board = tree
    Page.objects.filter(pk=about.pk).update(status=Page.Status.DRAFT)
    assert client.get("/fr/a-propos/").status_code == 404
    # Its children are not reachable either.
    assert client.get(PATHS["fr"]).status_code == 404
    preview = admin_client.get("/fr/a-propos/")
    assert preview.status_code == 200
    assert "preview-banner" in preview.content.decode()


def test_the_body_is_sanitised_on_output(client):
    make_page("about", body_fr="<p>Bonjour</p><script>alert(1)</script>")
    Page.objects.update(body_fr="<p>Bonjour</p><script>alert(1)</script>")
    content = client.get("/fr/a-propos/").content.decode()
    assert "<p>Bonjour</p>" in content
    assert "alert(1)" not in content


class TestMenus:
    @pytest.fixture
    def menus(self, tree):
        about, board = tree
        MenuItem.objects.create(menu="header", position=0, page=about)
        MenuItem.objects.create(
            menu="header",
            position=1,
            section="news:article-list",
            label_fr="Actualités",
            label_en="News",
            label_ko="뉴스",
        )
        MenuItem.objects.create(
            menu="footer",
            position=0,
            url="https://example.org/",
            label_fr="Ailleurs",
            label_en="Elsewhere",
        )
        MenuItem.objects.create(menu="footer", position=1, page=board, label_en="Our board")
        return about, board

    @pytest.mark.parametrize("language", ["fr", "en", "ko"])
    def test_the_header_lists_the_links_in_order_in_each_language(self, client, menus, language):
        about, _board = menus
        with translation.override(language):
            about_url = about.get_absolute_url()
            news_url = (
                f"/{language}/" + {"fr": "actualites", "en": "news", "ko": "소식"}[language] + "/"
            )
        page = Html(client.get(f"/{language}/"))
        links = page.one("nav", class_="main-nav").find_all("a")
        assert [link.text.strip() for link in links] == [
            TEXTS["about"][language][0],
            {"fr": "Actualités", "en": "News", "ko": "뉴스"}[language],
        ]
        assert links[0].get("href") == about_url
        assert unquote(links[1].get("href")) == news_url

    @pytest.mark.parametrize("language", ["fr", "en", "ko"])
    def test_the_footer_has_a_link_where_its_label_is_written(self, client, menus, language):
        page = Html(client.get(f"/{language}/"))
        labels = [a.text.strip() for a in page.one("ul", class_="footer-links").find_all("a")]
        expected = {
            "fr": ["Ailleurs", "Conseil"],
            "en": ["Elsewhere", "Our board"],
            "ko": ["이사회"],
        }
        assert labels == expected[language]

    def test_the_current_page_and_section_are_marked(self, client, menus):
        page = Html(client.get(PATHS["en"]))
        about_link = page.one("nav", class_="main-nav").one("a", href="/en/about/")
        assert about_link.get("class") == "current-section"
        assert about_link.get("aria-current") is None
        footer = page.one("ul", class_="footer-links")
        assert footer.one("a", href=PATHS["en"]).get("aria-current") == "page"
        about = Html(client.get("/en/about/"))
        assert (
            about.one("nav", class_="main-nav").one("a", href="/en/about/").get("aria-current")
            == "page"
        )
        news = Html(client.get("/en/news/"))
        nav = news.one("nav", class_="main-nav")
        assert nav.one("a", href="/en/news/").get("aria-current") == "page"
        assert nav.one("a", href="/en/about/").get("class") is None

    def test_without_menu_links_the_sections_are_shown(self, client):
        page = Html(client.get("/en/"))
        hrefs = [a.get("href") for a in page.one("nav", class_="main-nav").find_all("a")]
        assert "/en/news/" in hrefs and "/en/members/" in hrefs
        footer = [a.get("href") for a in page.one("ul", class_="footer-links").find_all("a")]
        assert "/en/privacy/" in footer

    def test_a_link_has_exactly_one_target(self, tree):
        about, _board = tree
        for values in [
            {},
            {"page": about, "section": "news:article-list"},
            {"section": "x", "url": "https://a.b/"},
        ]:
            with pytest.raises(IntegrityError), transaction.atomic():
                MenuItem.objects.create(label_fr="x", **values)

    def test_the_menus_are_read_once_a_request_without_the_page_cache(self, client, menus):
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/")
        # The tree and the menu links, once each, whatever the links and languages shown.
        assert len([q for q in queries if "pages_" in q["sql"]]) == 2

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_the_menus_are_read_once_then_from_the_cache(self, client, menus):
        client.get("/en/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/")
        assert not [q for q in queries if "pages_" in q["sql"]]


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@override_settings(PAGE_CACHE_SECONDS=300)
def test_a_page_takes_the_same_queries_however_big_the_tree(
    client, tree, django_capture_on_commit_callbacks
):
    about, _board = tree
    with django_capture_on_commit_callbacks(execute=True):
        MenuItem.objects.create(menu="header", page=about)
    cold_small = queries_for(client, PATHS["en"])
    warm_small = queries_for(client, PATHS["en"])
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(12):
            child = Page.objects.create(
                parent=about,
                status=Page.Status.PUBLISHED,
                **{
                    f"{field}_{code}": f"{field}-{index}-{code}"
                    for field in ("title", "slug", "body")
                    for code in ("fr", "en", "ko")
                },
            )
            MenuItem.objects.create(menu="footer", position=index, page=child)
    assert queries_for(client, PATHS["en"]) == cold_small
    assert queries_for(client, PATHS["en"]) == warm_small
    # Once cached, nothing is read again.
    assert warm_small < cold_small


def member_of(django_user_model, username, group, language="en"):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "x", is_staff=True
    )
    with translation.override("fr"):
        user.groups.add(Group.objects.get(name=translation.gettext(group)))
    StaffProfile.objects.create(user=user, language=language)
    return user


def test_an_editors_change_to_a_published_page_waits_for_a_publisher(
    client, django_user_model, tree
):
    setup_staff_groups()
    editor = member_of(django_user_model, "editor", "Editors")
    about, _board = tree
    client.force_login(editor)
    url = admin_url(Page, "change", about.pk)
    data = {
        **change_form_data(client.get(url)),
        "title_en": "About us, better",
        "_version_comment": "Better",
    }
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    about.refresh_from_db()
    assert about.title_en == "About"
    (proposal,) = Proposal.objects.for_object(about)
    assert proposal.author == editor
    client.logout()
    assert Html(client.get("/en/about/")).h1.text == "About"


def test_publishers_may_edit_menus_and_editors_may_not(django_user_model):
    setup_staff_groups()
    editor = member_of(django_user_model, "editor", "Editors")
    publisher = member_of(django_user_model, "publisher", "Publishers")
    assert publisher.has_perm("pages.change_menuitem") and publisher.has_perm("pages.publish_page")
    assert not editor.has_perm("pages.change_menuitem") and not editor.has_perm(
        "pages.publish_page"
    )
    assert editor.has_perm("pages.change_page")


def test_the_sitemap_lists_pages_in_their_ready_languages(client):
    about = make_page("about", languages=("fr", "en"))
    make_page("board", parent=about)
    en = client.get("/sitemap-pages-en.xml").content.decode()
    assert "/en/about/board/" in en and "/en/about/</loc>" in en
    ko = client.get("/sitemap-pages-ko.xml").content.decode()
    assert "<loc>" not in ko
    assert "sitemap-pages-fr.xml" in client.get("/sitemap.xml").content.decode()


def test_the_demo_loads_twice_with_the_same_pages_and_menus(client):
    call_command("load_demo", verbosity=0)
    first = list(Page.objects.values_list("pk", "slug_fr", "parent_id").order_by("pk"))
    menus = list(
        MenuItem.objects.values_list("pk", "menu", "position", "page_id", "section").order_by("pk")
    )
    call_command("load_demo", verbosity=0)
    assert list(Page.objects.values_list("pk", "slug_fr", "parent_id").order_by("pk")) == first
    assert (
        list(
            MenuItem.objects.values_list("pk", "menu", "position", "page_id", "section").order_by(
                "pk"
            )
        )
        == menus
    )
    assert {slug for _pk, slug, _parent in first} == {
        "a-propos",
        "conseil",
        "services",
        "devenir-membre",
    }
    # The partners, publications, newsletter and membership form are sections of their
    # own, which the menus link to (the partners page is not a written page).
    sections = set(MenuItem.objects.exclude(section="").values_list("section", flat=True))
    assert {
        "partners:partner-list",
        "publications:publication-list",
        "newsletter:subscribe",
        "chamber:join",
    } <= sections
    for section in sections:
        assert client.get(reverse(section)).status_code == 200, section
    for language, url in {"fr": "/fr/a-propos/conseil/", "en": "/en/about/board/"}.items():
        assert client.get(url).status_code == 200, language
    assert client.get(PATHS["ko"]).status_code == 200
    header = Html(client.get("/ko/")).one("nav", class_="main-nav")
    assert "상공회의소 소개" in header.text
