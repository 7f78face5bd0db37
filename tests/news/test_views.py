import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext
from easy_thumbnails.files import get_thumbnailer

from chamber.models import Organisation
from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    CategoryFactory,
    OrganisationFactory,
    PartyFactory,
    SignatoryFactory,
)
from tests.support.htmlpage import (
    Page,
    absolute,
    assert_language_head,
    executable_parts,
    mailto,
    object_url,
    query,
    url_in,
)
from tests.support.languages import LANGUAGES, OTHER

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    """A press release in both languages, with an image, about an MOU of two parties."""
    agreement = AgreementFactory()
    member = OrganisationFactory(membership=Organisation.Membership.MEMBER)
    outsider = OrganisationFactory(membership=Organisation.Membership.NONE)
    PartyFactory(agreement=agreement, organisation=member, position=1)
    PartyFactory(agreement=agreement, organisation=outsider, position=2)
    SignatoryFactory(agreement=agreement, organisation=member, position=1)
    SignatoryFactory(agreement=agreement, organisation=outsider, position=2)
    return ArticleFactory(
        with_image=True,
        title_fr="Busan signe un protocole d'accord « mobilité » & innovation",
        title_en="Busan signs an MOU on mobility & innovation",
        agreement=agreement,
        organisations=[member, outsider],
    )


def paths_of(obj):
    return {code: object_url(obj, code) for code in LANGUAGES}


class TestArticleList:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_lists_published_articles_in_both_languages(self, client, article, language):
        draft = ArticleFactory(draft=True)
        scheduled = ArticleFactory(scheduled=True)
        paths = {code: url_in(code, "news:article-list") for code in LANGUAGES}

        response = client.get(paths[language])

        assert response.status_code == 200
        page = Page(response)
        assert_language_head(page, language, {code: absolute(p) for code, p in paths.items()})
        assert list(response.context["articles"]) == [article]
        titles = [h3.text for h3 in page.find_all("h3", class_="card-title")]
        with translation.override(language):
            assert titles == [article.title]
        links = {a.get("href") for a in page.find_all("a")}
        assert object_url(article, language) in links
        assert object_url(article.category, language) in links
        assert object_url(draft, language) not in links
        assert object_url(scheduled, language) not in links

    def test_the_translated_path_words(self, client):
        """The news section is /fr/actualites/ in French and /en/news/ in English."""
        assert url_in("fr", "news:article-list") == "/fr/actualites/"
        assert url_in("en", "news:article-list") == "/en/news/"
        assert client.get("/fr/actualites/").status_code == 200
        assert client.get("/en/news/").status_code == 200

    def test_nine_a_page(self, client):
        ArticleFactory.create_batch(10)
        path = url_in("en", "news:article-list")

        first = Page(client.get(path, {"utm_source": "newsletter"}))
        second = Page(client.get(path, {"page": 2, "utm_source": "newsletter"}))

        assert len(first.find_all("article", class_="card")) == 9
        assert len(second.find_all("article", class_="card")) == 1
        assert first.canonical == absolute(path)
        assert second.canonical == absolute(f"{path}?page=2")
        assert second.one("a", rel="prev").get("href") == "?page=1"
        # hreflang alternates point at canonical URLs: the page number, no tracking tags.
        lists = {code: url_in(code, "news:article-list") for code in LANGUAGES}
        assert first.hreflang == {
            **{code: absolute(url) for code, url in lists.items()},
            "x-default": absolute(lists["fr"]),
        }
        assert second.hreflang == {
            **{code: absolute(f"{url}?page=2") for code, url in lists.items()},
            "x-default": absolute(f"{lists['fr']}?page=2"),
        }


class TestCategory:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_lists_the_categorys_published_articles(self, client, article, language):
        category = article.category
        ArticleFactory()  # another category
        ArticleFactory(category=category, draft=True)
        paths = paths_of(category)

        response = client.get(paths[language])

        assert response.status_code == 200
        page = Page(response)
        assert_language_head(page, language, {code: absolute(p) for code, p in paths.items()})
        assert list(response.context["articles"]) == [article]
        with translation.override(language):
            assert page.h1.text == category.name

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_language_switch_lands_on_the_translated_slug(self, client, article, language):
        category = article.category
        link = Page(client.get(object_url(category, language))).language_link(OTHER[language])

        assert link == object_url(category, OTHER[language])
        response = client.get(link)
        assert response.status_code == 200
        assert response.context["category"] == category

    def test_later_pages_are_their_own_canonical_pages(self, client):
        category = CategoryFactory()
        ArticleFactory.create_batch(10, category=category)
        paths = paths_of(category)

        page = Page(client.get(paths["fr"], {"page": 2}))

        assert len(page.find_all("article", class_="card")) == 1
        assert page.canonical == absolute(f"{paths['fr']}?page=2")
        assert page.hreflang["en"] == absolute(f"{paths['en']}?page=2")
        assert page.language_link("en") == f"{paths['en']}?page=2"

    def test_a_category_not_named_in_english_is_not_an_english_page(self, client):
        category = CategoryFactory(name_en="", slug_en="")
        ArticleFactory(category=category)
        path = object_url(category, "en")
        assert path == url_in("en", "news:category", slug=category.slug_fr)

        response = client.get(path)

        assert response.status_code == 404
        links = {
            link.get("hreflang"): link.get("href")
            for link in Page(response).find_all("a", hreflang=True)
        }
        assert links == {code: object_url(category, code) for code in LANGUAGES if code != "en"}
        menu = Page(client.get(url_in("en", "news:article-list"))).one("nav", class_="category-nav")
        assert category.name_fr not in menu.text

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_other_languages_slug_redirects_to_the_canonical_slug(
        self, client, article, language
    ):
        category = article.category
        other_slug = getattr(category, f"slug_{OTHER[language]}")

        response = client.get(url_in(language, "news:category", slug=other_slug))

        assert response.status_code == 301
        assert response["Location"] == object_url(category, language)

    def test_the_category_menu_marks_the_page_shown(self, client, article):
        other = CategoryFactory(name_en="Trade fairs")
        news = url_in("en", "news:article-list")
        for path in (news, object_url(article.category, "en"), object_url(other, "en")):
            menu = Page(client.get(path)).one("nav", class_="category-nav")
            current = [link.get("href") for link in menu.find_all("a", aria_current="page")]
            assert current == [path], path
            names = [link.text.strip() for link in menu.find_all("a")]
            assert names[1:] == [article.category.name_en, "Trade fairs"]

    def test_unknown_category_is_a_404(self, client):
        response = client.get(url_in("en", "news:category", slug="unknown"))
        assert response.status_code == 404

    def test_an_empty_category_says_so(self, client):
        category = CategoryFactory()
        response = client.get(object_url(category, "en"))
        with translation.override("en"):
            expected = gettext("No articles in this category yet.")
        assert expected in response.content.decode()


class TestArticleDetail:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_in_both_languages(self, client, article, language):
        paths = paths_of(article)
        assert paths["fr"] != paths["en"]

        response = client.get(paths[language])

        assert response.status_code == 200
        page = Page(response)
        assert_language_head(page, language, {code: absolute(p) for code, p in paths.items()})
        with translation.override(language):
            assert page.h1.text == article.title
            assert page.h1.get("lang") is None
            assert page.one("p", class_="article-lead").text == article.lead
            points = page.one("section", class_="key-points").find_all("li")
            assert [li.text for li in points] == article.key_point_list
            assert page.one("div", class_="article-body").text.strip() in article.body
            assert page.one("title").text.startswith(article.title)
        assert page.find("p", class_="preview-banner") is None

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_open_graph_tags(self, client, article, language):
        path = object_url(article, language)

        page = Page(client.get(path))

        with translation.override(language):
            assert page.meta("og:type") == "article"
            # The page's subject then the chamber's name, the same for each reader.
            title = f"{article.title} · {settings.SITE_NAME}"
            assert page.one("title").text == page.meta("og:title") == title
            assert page.meta("twitter:title") == title
            assert page.meta("og:description") == article.description
            assert page.meta("twitter:description") == article.description
            assert page.meta("description") == article.description
            assert page.meta("og:image:alt") == article.image_alt
        assert page.meta("og:url") == page.canonical == absolute(path)
        assert page.meta("twitter:card") == "summary_large_image"
        hero = get_thumbnailer(article.image)["hero"]
        assert page.meta("og:image") == absolute(hero.url)
        assert page.meta("twitter:image") == page.meta("og:image")
        assert hero.storage.exists(hero.name)
        # The upload is smaller than a share preview: the rendition is enlarged to it.
        assert (hero.width, hero.height) == (1200, 630)
        assert (page.meta("og:image:width"), page.meta("og:image:height")) == ("1200", "630")

    def test_without_an_image_the_chamber_share_picture_is_used(self, client):
        article = ArticleFactory()
        page = Page(client.get(object_url(article, "fr")))
        assert page.meta("og:image") == absolute(static("img/share-default.png"))
        assert page.meta("twitter:image") == page.meta("og:image")
        assert (settings.BASE_DIR / "static" / "img" / "share-default.png").is_file()

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_share_links_carry_the_page_url_in_its_language(self, client, article, language):
        url = absolute(object_url(article, language))
        with translation.override(language):
            title = article.title

        page = Page(client.get(object_url(article, language)))

        assert query(page.share_href("facebook")) == {"u": url}
        assert query(page.share_href("x")) == {"url": url, "text": title}
        assert query(page.share_href("linkedin")) == {"url": url}
        address, fields = mailto(page.share_href("email"))
        assert address == ""
        assert fields == {"subject": title, "body": f"{title}\n{url}"}
        assert page.one("button", class_="share-copy").get("data-copy-url") == url
        for network in ("facebook", "x", "linkedin"):
            link = page.one("a", class_=f"share-{network}")
            assert set(link.get("rel").split()) == {"noopener", "noreferrer"}

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_language_switch_lands_on_the_translated_slug(self, client, article, language):
        other = OTHER[language]
        link = Page(client.get(object_url(article, language))).language_link(other)

        assert link == object_url(article, other)
        response = client.get(link)

        assert response.status_code == 200
        page = Page(response)
        assert page.lang == other
        with translation.override(other):
            assert page.h1.text == article.title
        assert query(page.share_href("facebook")) == {"u": absolute(link)}

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_other_languages_slug_redirects_to_the_canonical_slug(
        self, client, article, language
    ):
        other_slug = getattr(article, f"slug_{OTHER[language]}")
        path = url_in(language, "news:article-detail", slug=other_slug)

        response = client.get(path)

        assert response.status_code == 301
        assert response["Location"] == object_url(article, language)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_unknown_slug_is_a_404_in_the_visitors_language(self, client, language):
        response = client.get(url_in(language, "news:article-detail", slug="nothing-here"))

        assert response.status_code == 404
        page = Page(response)
        assert page.lang == language
        with translation.override(language):
            assert page.h1.text == gettext("Page not found")
            assert gettext("Read the news") in response.content.decode()

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_shows_the_agreement_with_its_parties_and_signatories(self, client, article, language):
        page = Page(client.get(object_url(article, language)))

        agreement = article.agreement
        section = page.one("section", class_="agreement")
        with translation.override(language):
            assert section.one("h2").one("a").text == agreement.title
            roles = [p.text for p in section.find_all("p", class_="party-role")]
            assert roles == [party.role for party in agreement.parties.all()]
            names = [s.text for s in section.find_all("span", class_="signatory-name")]
            assert names == [signatory.name for signatory in agreement.signatories.all()]
        assert section.one("h2").one("a").get("href") == object_url(agreement, language)

    def test_links_member_organisations_only(self, client, article):
        page = Page(client.get(object_url(article, "en")))
        section = page.one("section", class_="related-organisations")
        member, outsider = sorted(article.organisations.all(), key=lambda o: not o.is_member)
        hrefs = {a.get("href") for a in section.find_all("a")}
        assert hrefs == {object_url(member, "en")}
        with translation.override("en"):
            assert outsider.name in section.text


class TestVisibility:
    @pytest.mark.parametrize("traits", [{"draft": True}, {"scheduled": True}])
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_drafts_and_scheduled_articles_are_404_for_visitors(
        self, client, django_user_model, traits, language
    ):
        article = ArticleFactory(**traits)
        path = object_url(article, language)

        assert client.get(path).status_code == 404
        member = django_user_model.objects.create_user("reader", password="x")
        client.force_login(member)
        assert client.get(path).status_code == 404

    @pytest.mark.parametrize("traits", [{"draft": True}, {"scheduled": True}])
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_staff_preview_drafts_and_scheduled_articles(
        self, client, django_user_model, traits, language
    ):
        article = ArticleFactory(**traits)
        editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
        editor.user_permissions.add(Permission.objects.get(codename="change_article"))
        client.force_login(editor)

        response = client.get(object_url(article, language))

        assert response.status_code == 200
        page = Page(response)
        with translation.override(language):
            assert page.h1.text == article.title
            expected = gettext("Preview: this article is not published yet; only staff can see it.")
        assert page.one("p", class_="preview-banner").text == expected

    def test_an_article_appears_when_its_time_comes(self, client):
        article = ArticleFactory(scheduled=True)
        path = object_url(article, "fr")
        assert client.get(path).status_code == 404
        article.published_at = timezone.now() - datetime.timedelta(minutes=1)
        article.save()
        assert client.get(path).status_code == 200


class TestUnicodeSlugs:
    """Slugs may hold accents ("coopération"): reverse() percent-encodes them, the
    request's path is decoded, and the two must be recognised as the same page."""

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_an_accented_slug_is_served(self, client, language):
        article = ArticleFactory(slug_fr="coopération-à-busan", slug_en="coopération-in-busan")
        response = client.get(object_url(article, language))
        assert response.status_code == 200
        assert response.context["article"] == article

    def test_a_french_accented_slug_on_the_english_site_is_not_looped(self, client):
        article = ArticleFactory(slug_fr="coopération-à-busan", slug_en="", title_en="")
        path = object_url(article, "en")
        assert "%C3%A9" in path

        response = client.get(path)

        # Not written in English: the page says so (no redirect to itself).
        assert response.status_code == 404
        assert object_url(article, "fr") in response.content.decode()

    def test_an_accented_slug_of_the_other_language_redirects_once(self, client):
        article = ArticleFactory(slug_fr="coopération-à-busan", slug_en="cooperation-in-busan")
        path = url_in("en", "news:article-detail", slug=article.slug_fr)

        response = client.get(path, {"utm_source": "newsletter"})

        assert response.status_code == 301
        assert response["Location"] == object_url(article, "en") + "?utm_source=newsletter"
        assert client.get(response["Location"]).status_code == 200

    def test_a_category_with_an_accented_slug(self, client):
        category = CategoryFactory(slug_fr="économie", slug_en="economie-en")
        response = client.get(object_url(category, "fr"))
        assert response.status_code == 200
        assert response.context["category"] == category


class TestReadiness:
    """An article exists in a language once its title, slug, lead and body are written in
    it; the site never shows one language's text as another's."""

    def test_a_page_not_written_in_english_says_where_to_read_it(self, client):
        article = ArticleFactory(title_en="", lead_en="", key_points_en="", body_en="")

        response = client.get(object_url(article, "en"))

        assert response.status_code == 404
        page = Page(response)
        assert page.lang == "en"
        assert page.h1.text == "Not available in this language"
        assert article.title_fr not in response.content.decode()
        links = {
            link.get("hreflang"): link.get("href") for link in page.find_all("a", hreflang=True)
        }
        assert links == {code: object_url(article, code) for code in LANGUAGES if code != "en"}
        assert page.find("link", rel="canonical") is None
        assert page.hreflang == {}
        assert page.find("meta", name="robots").get("content") == "noindex"
        assert page.meta("og:url") is None

    @pytest.mark.parametrize("missing", ["title", "slug", "lead", "body"])
    def test_each_required_field_makes_the_language(self, client, missing):
        article = ArticleFactory(**{f"{missing}_en": ""})
        assert client.get(object_url(article, "en")).status_code == 404
        assert client.get(object_url(article, "fr")).status_code == 200
        assert article not in client.get(url_in("en", "news:article-list")).context["articles"]
        assert article in client.get(url_in("fr", "news:article-list")).context["articles"]

    def test_lists_show_only_articles_written_in_their_language(self, client):
        english = ArticleFactory()
        french_only = ArticleFactory(title_en="", body_en="")
        page = Page(client.get(url_in("en", "news:article-list")))
        titles = [
            link.text for link in page.find_all("a") if link.parent.get("class") == "card-title"
        ]
        assert titles == [english.title_en]
        assert french_only.title_fr not in page.response.content.decode()

    def test_staff_preview_a_language_not_ready_with_a_note(self, admin_client):
        article = ArticleFactory(lead_en="")
        response = admin_client.get(object_url(article, "en"))
        assert response.status_code == 200
        notes = [p.text for p in Page(response).find_all("p", class_="preview-banner")]
        assert any("lead" in note for note in notes)

    def test_an_optional_text_missing_in_english_is_shown_in_french_marked_as_french(self, client):
        article = ArticleFactory(with_image=True, image_caption_en="")
        page = Page(client.get(object_url(article, "en")))
        caption = page.one("figcaption").find_all("span")[0]
        assert caption.text == article.image_caption_fr
        assert caption.get("lang") == "fr"


ATTACK_BODY = (
    '<p>Texte</p><script>alert("body")</script>'
    '<img src="x" onerror="alert(\'img\')">'
    "<a href=\"javascript:alert('link')\">lien</a>"
    "<p onmouseover=\"alert('p')\">survol</p>"
)
ATTACK_TEXT = '<script>alert("text")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_article():
    return ArticleFactory(
        title_fr=f"Titre {ATTACK_TEXT}",
        title_en=f"Title {ATTACK_TEXT}",
        lead_fr=ATTACK_TEXT,
        lead_en=ATTACK_TEXT,
        key_points_fr=ATTACK_TEXT,
        key_points_en=ATTACK_TEXT,
        body_fr=ATTACK_BODY,
        body_en=ATTACK_BODY,
        seo_description_fr=ATTACK_TEXT,
        image_caption_fr=ATTACK_TEXT,
        with_image=True,
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("where", ["article", "list", "category", "home"])
def test_script_in_an_article_never_reaches_a_page(client, hostile_article, where, language):
    path = {
        "article": lambda: object_url(hostile_article, language),
        "list": lambda: url_in(language, "news:article-list"),
        "category": lambda: object_url(hostile_article.category, language),
        "home": lambda: url_in(language, "site:home"),
    }[where]()

    response = client.get(path)

    assert response.status_code == 200
    assert executable_parts(Page(response).doc) == []
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "<img src=x onerror" not in content
    assert "javascript:alert" not in content


def test_the_body_keeps_its_text_without_the_script(client, hostile_article):
    page = Page(client.get(object_url(hostile_article, "fr")))
    body = page.one("div", class_="article-body")
    assert body.find("p").text == "Texte"
    assert body.one("a").get("href") is None
    assert "alert" not in str(body.find_all())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_main_menu_marks_the_news_section_on_every_news_page(client, article, language):
    news_url = url_in(language, "news:article-list")
    in_section = [news_url, object_url(article.category, language), object_url(article, language)]

    for path in in_section:
        menu = Page(client.get(path)).one("nav", class_="main-nav")
        assert menu.one("a", href=news_url).get("aria-current") == "page", path
    home = Page(client.get(url_in(language, "site:home"))).one("nav", class_="main-nav")
    assert home.one("a", href=news_url).get("aria-current") is None


def test_the_article_page_suggests_the_latest_of_its_category(client):
    article = ArticleFactory()
    same = ArticleFactory.create_batch(4, category=article.category)
    ArticleFactory(category=article.category, draft=True)
    ArticleFactory()  # another category
    response = client.get(object_url(article, "en"))
    related = list(response.context["related_articles"])
    newest = sorted(same, key=lambda a: a.published_at, reverse=True)[:3]
    assert related == newest
    assert article not in related
