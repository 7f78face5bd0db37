import base64
import hashlib
import json
import re

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from news.models import Article, Category
from tests.support.adminforms import admin_url, change_form_data, form_errors
from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    CategoryFactory,
    OrganisationFactory,
    image_file,
)
from tests.support.htmlpage import Page, executable_parts, object_url
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

MODELS = {
    "category": (Category, CategoryFactory, ["name", "slug"]),
    "article": (
        Article,
        ArticleFactory,
        ["title", "slug", "lead", "key_points", "body", "image_alt", "seo_description"],
    ),
}


def test_article_change_page_shows_the_image_preview(admin_client):
    article = ArticleFactory(with_image=True)
    page = Page(admin_client.get(admin_url(Article, "change", article.pk)))
    assert page.find("img", class_="admin-thumbnail") is not None


def test_article_changelist_with_search_and_filters(admin_client):
    wanted = ArticleFactory(title_en="Hydrogen buses for Busan")
    other = ArticleFactory(draft=True)

    response = admin_client.get(admin_url(Article, "changelist"), {"q": "hydrogen"})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [wanted]
    response = admin_client.get(
        admin_url(Article, "changelist"), {"status__exact": Article.Status.DRAFT}
    )
    assert list(response.context["cl"].result_list) == [other]
    response = admin_client.get(
        admin_url(Article, "changelist"), {"category__id__exact": wanted.category_id}
    )
    assert list(response.context["cl"].result_list) == [wanted]
    # Every choice of every filter in the sidebar can be followed.
    changelist = response.context["cl"]
    assert len(changelist.filter_specs) == len(admin.site._registry[Article].list_filter)
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            filtered = admin_client.get(admin_url(Article, "changelist") + choice["query_string"])
            assert filtered.status_code == 200, choice


def test_category_changelist_edits_positions(admin_client):
    first, second = CategoryFactory(position=1), CategoryFactory(position=2)
    response = admin_client.get(admin_url(Category, "changelist"))
    assert response.status_code == 200
    page = Page(response)
    assert page.one(id="id_form-0-position").get("value") == str(first.position)
    assert page.one(id="id_form-1-position").get("value") == str(second.position)


def article_post_data(category, **overrides):
    now = timezone.localtime()
    return {
        "title_fr": "Busan signe un protocole d'accord",
        "title_en": "Busan signs an MOU",
        "slug_fr": "busan-signe-un-protocole",
        "slug_en": "busan-signs-an-mou",
        "category": str(category.pk),
        "lead_fr": "Le chapeau.",
        "lead_en": "The lead.",
        "key_points_fr": "Un\nDeux",
        "key_points_en": "One\nTwo",
        "body_fr": "<p>Le corps.</p>",
        "body_en": "<p>The body.</p>",
        "image_alt_fr": "",
        "image_alt_en": "",
        "image_caption_fr": "",
        "image_caption_en": "",
        "image_credit": "",
        "status": Article.Status.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "seo_description_fr": "",
        "seo_description_en": "",
        "title_ko": "부산, 업무협약 체결",
        "slug_ko": "부산-업무협약-체결",
        "lead_ko": "리드.",
        "key_points_ko": "하나\n둘",
        "body_ko": "<p>본문.</p>",
        **overrides,
    }


def test_add_an_article_in_both_languages(admin_client, admin_user, client):
    category = CategoryFactory()
    organisations = OrganisationFactory.create_batch(2)
    agreement = AgreementFactory()
    data = article_post_data(
        category,
        organisations=[str(o.pk) for o in organisations],
        agreement=str(agreement.pk),
        image=image_file("photo.jpg", size=(1200, 630), fmt="JPEG"),
        image_alt_fr="La signature",
        image_alt_en="The signing",
    )

    response = admin_client.post(admin_url(Article, "add"), data)

    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert (article.title_fr, article.title_en) == (data["title_fr"], data["title_en"])
    assert (article.slug_fr, article.slug_en) == (data["slug_fr"], data["slug_en"])
    assert (article.lead_fr, article.lead_en) == (data["lead_fr"], data["lead_en"])
    assert article.author == admin_user
    assert article.agreement == agreement
    assert set(article.organisations.all()) == set(organisations)
    assert article.image.name.endswith(".jpg")
    # and the visitor reads it in both languages
    for code in LANGUAGES:
        page = Page(client.get(object_url(article, code)))
        with translation.override(code):
            assert page.h1.text == article.title


def test_change_an_article_keeps_its_author(admin_client, django_user_model):
    writer = django_user_model.objects.create_user("writer")
    article = ArticleFactory(author=writer)
    data = article_post_data(article.category, title_en="A new title", author=str(writer.pk))

    response = admin_client.post(admin_url(Article, "change", article.pk), data)

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title_en == "A new title"
    assert article.author == writer


def test_the_admin_strips_script_from_the_body_on_save(admin_client):
    attack = (
        '<p>Texte</p><script>alert(1)</script><img src="x" onerror="alert(2)">'
        '<a href="javascript:alert(3)">lien</a>'
    )
    data = article_post_data(CategoryFactory(), body_fr=attack, body_en=attack)

    response = admin_client.post(admin_url(Article, "add"), data)

    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    for body in (article.body_fr, article.body_en):
        assert "<p>Texte</p>" in body
        for marker in ("<script", "onerror", "javascript:", "alert"):
            assert marker not in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_slug_already_used_in_the_same_language_is_refused(admin_client, language):
    existing = ArticleFactory()
    slug = getattr(existing, f"slug_{language}")
    data = article_post_data(existing.category, **{f"slug_{language}": slug})

    response = admin_client.post(admin_url(Article, "add"), data)

    assert response.status_code == 200
    assert f"slug_{language}" in response.context["adminform"].form.errors
    assert Article.objects.count() == 1


def not_an_image():
    return SimpleUploadedFile("photo.png", b"Just some text, renamed.\n", content_type="image/png")


def too_heavy(settings):
    upload = image_file("photo.png", size=(64, 36))
    settings.IMAGE_MAX_UPLOAD_BYTES = upload.size - 1
    return upload


def too_many_pixels(settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    return image_file("photo.png", size=(1200, 1000))


BAD_UPLOADS = {
    "text renamed .png": lambda settings: not_an_image(),
    "over the size limit": too_heavy,
    "too many pixels": too_many_pixels,
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_a_bad_image_is_refused_with_a_message_and_nothing_is_written(admin_client, settings, case):
    category = CategoryFactory()
    upload = BAD_UPLOADS[case](settings)
    before = Article.objects.count()

    response = admin_client.post(
        admin_url(Article, "add"), article_post_data(category, image=upload)
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["image"]
    page = Page(response)
    shown = page.one("div", class_="field-image").find("ul", class_="errorlist")
    assert shown is not None
    assert shown.text.strip() == errors["image"][0]
    assert Article.objects.count() == before


@pytest.mark.parametrize("name", MODELS)
def test_admin_pages_run_no_inline_script_but_the_editors_import_map(admin_client, name):
    """The Content Security Policy allows scripts from this site's files only, so the
    admin (with its language tabs) must work without inline script. The one exception
    is the rich-text editor's import map, allowed by its hash alone."""
    model, factory, _fields = MODELS[name]
    for path in (admin_url(model, "add"), admin_url(model, "change", factory().pk)):
        response = admin_client.get(path)
        parts = [p for p in executable_parts(Page(response).doc) if '{"imports"' not in p]
        assert parts == []
        policy = dict(
            directive.strip().split(" ", 1)
            for directive in response["Content-Security-Policy"].split(";")
        )
        assert "'unsafe-inline'" not in policy["script-src"]
        import_maps = re.findall(
            rb'<script type="importmap">(.*?)</script>', response.content, re.DOTALL
        )
        assert len(import_maps) == (1 if model is Article else 0)
        for block in import_maps:
            digest = base64.b64encode(hashlib.sha256(block).digest()).decode()
            assert f"'sha256-{digest}'" in policy["script-src"]


# What django-prose-editor writes in English (its button titles as it names them, the
# words of its dialogs as its catalogue does) and what staff read in each language.
EDITOR_WORDS = {
    "fr": {
        "bold": "Gras",
        "insert link": "Insérer un lien",
        "heading 2": "Titre 2",
        "Update": "Valider",
        "Cancel": "Annuler",
    },
    "en": {
        "bold": "Bold",
        "insert link": "Insert link",
        "heading 2": "Heading 2",
        "Update": "Apply",
        "Cancel": "Cancel",
    },
    "ko": {
        "bold": "굵게",
        "insert link": "링크 삽입",
        "heading 2": "제목 2",
        "Update": "적용",
        "Cancel": "취소",
    },
}
# Every word the body editor of an article shows: its menu, the link and HTML dialogs.
EDITOR_SHOWS = [
    *("paragraph", "heading 2", "heading 3", "heading 4", "unordered list", "ordered list"),
    *("List properties", "blockquote", "horizontal rule", "bold", "italic", "underline"),
    *("strike", "subscript", "superscript", "insert link", "remove link", "undo", "redo"),
    *("edit HTML", "Edit Link", "URL", "Title", "Edit HTML", "Prettify", "Update", "Cancel"),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_body_editor_speaks_the_staff_members_language(admin_client, language):
    """The rich-text editor names its buttons in English and translates its dialogs with
    Django's JavaScript catalogue, which holds the admin's words only: the article form
    gives it its words in the staff member's language (js/admin-editor.js applies them)."""
    article = ArticleFactory()

    response = admin_client.get(
        admin_url(Article, "change", article.pk), headers={"accept-language": language}
    )

    (script,) = Page(response).find_all("script", data_editor_words=True)
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    assert finders.find(script.get("src").removeprefix(static_prefix))
    words = json.loads(script.get("data-editor-words"))
    assert {english: words[english] for english in EDITOR_WORDS[language]} == EDITOR_WORDS[language]
    assert set(EDITOR_SHOWS) <= set(words)
    if language != "en":
        assert [english for english in EDITOR_SHOWS if words[english] == english] == []


def test_view_on_site_previews_a_draft(admin_client):
    article = ArticleFactory(draft=True)
    page = Page(admin_client.get(admin_url(Article, "change", article.pk)))
    link = page.one("a", class_="viewsitelink").get("href")

    response = admin_client.get(link, follow=True)

    assert response.status_code == 200
    assert response.context["article"] == article
    assert Page(response).find("p", class_="preview-banner") is not None


def test_changelist_tells_draft_scheduled_and_published_apart(admin_client):
    ArticleFactory(title_en="A draft piece", draft=True)
    ArticleFactory(title_en="A scheduled piece", scheduled=True)
    ArticleFactory(title_en="A published piece")
    response = admin_client.get(admin_url(Article, "changelist"), headers={"accept-language": "en"})
    content = response.content.decode()
    for label in ("Draft", "Scheduled", "Published"):
        assert f">{label}</td>" in content


def test_publish_and_unpublish_actions(admin_client, admin_user, client):
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True, status=Article.Status.DRAFT)
    response = admin_client.post(
        admin_url(Article, "changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk, scheduled.pk]},
        follow=True,
        headers={"accept-language": "fr"},
    )
    assert "2 articles publiés." in [str(m) for m in response.context["messages"]]
    draft.refresh_from_db()
    scheduled.refresh_from_db()
    assert draft.status == scheduled.status == Article.Status.PUBLISHED
    # Publishing keeps the publish time: the scheduled article is still not public.
    public = set(Article.objects.published().values_list("pk", flat=True))
    assert draft.pk in public and scheduled.pk not in public

    admin_client.post(
        admin_url(Article, "changelist"),
        {"action": "unpublish_selected", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert client.get(draft.get_absolute_url()).status_code == 404
    # Each change is in the article's admin history: who, when, what.
    history = LogEntry.objects.filter(object_id=str(draft.pk)).order_by("action_time")
    assert [entry.user for entry in history] == [admin_user, admin_user]
    assert all(entry.is_change() for entry in history)


def test_an_editor_writes_an_article_that_stays_a_draft(client, django_user_model):
    """An editor (no publish permission) who posts status=published is refused; without
    it, the article is saved as a draft."""
    from django.contrib.auth.models import Group

    from chamber.site.staff_groups import setup_staff_groups

    setup_staff_groups()
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    with translation.override("fr"):
        editor.groups.add(Group.objects.get(name=translation.gettext("Editors")))
    client.force_login(editor)
    organisation = OrganisationFactory()
    data = article_post_data(CategoryFactory(), organisations=[str(organisation.pk)])

    assert client.post(admin_url(Article, "add"), data).status_code == 403
    assert not Article.objects.exists()
    for field in ("status", "published_at_0", "published_at_1"):
        del data[field]
    response = client.post(admin_url(Article, "add"), data)

    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.author == editor
    assert list(article.organisations.all()) == [organisation]


# The history of an article changed in French: its category and its English body.
HISTORY = {
    "fr": "Modification de Catégorie et Corps (anglais).",
    "en": "Changed Category and Body (English).",
    "ko": "분류 및 본문 (영어) 항목을 변경했습니다.",
}


def test_the_history_names_the_changed_fields_in_the_readers_language(admin_client):
    """Django's history of changes stores the changed fields' names untranslated and
    translates them as it shows them: a French editor's change to the English body reads
    "Corps (anglais)" in French and "Body (English)" in English."""
    article = ArticleFactory(published_at=timezone.now().replace(microsecond=0))
    url = admin_url(Article, "change", article.pk)
    data = change_form_data(admin_client.get(url, headers={"accept-language": "fr"}))
    data.update(body_en="<p>A new body.</p>", category=CategoryFactory().pk)

    response = admin_client.post(url, data, headers={"accept-language": "fr"})

    assert response.status_code == 302, form_errors(response)
    for language in LANGUAGES:
        history = admin_client.get(
            admin_url(Article, "history", article.pk), headers={"accept-language": language}
        )
        (row,) = Page(history).one(id="change-history").find("tbody").find_all("tr")
        assert row.find_all("td")[-1].text.strip() == HISTORY[language]
