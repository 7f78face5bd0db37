import pytest
from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from chamber.toolkit.templatetags.chamber_tags import (
    OG_LOCALES,
    canonical_url,
    lang_attr,
    language_alternates,
    og_locale,
    sanitize,
    share_urls,
)
from tests.support.factories import ArticleFactory
from tests.support.htmlpage import mailto, object_url, query, url_in
from tests.support.languages import LANGUAGES, OG_LOCALE

PAGE_URL = "https://chamber.example/fr/actualites/un-protocole/"
TITLE = "Protocole d'accord & partenariat : Busan — « Eurasie » #1?"


class TestShareUrls:
    def test_one_link_per_network(self):
        assert set(share_urls(PAGE_URL, TITLE)) == {"facebook", "x", "linkedin", "email"}

    def test_facebook_shares_the_url(self):
        url = share_urls(PAGE_URL, TITLE)["facebook"]
        assert url.startswith("https://www.facebook.com/sharer/sharer.php?")
        assert query(url) == {"u": PAGE_URL}

    def test_x_shares_the_url_and_the_title(self):
        url = share_urls(PAGE_URL, TITLE)["x"]
        assert url.startswith("https://twitter.com/intent/tweet?")
        assert query(url) == {"url": PAGE_URL, "text": TITLE}

    def test_linkedin_shares_the_url(self):
        url = share_urls(PAGE_URL, TITLE)["linkedin"]
        assert url.startswith("https://www.linkedin.com/sharing/share-offsite/?")
        assert query(url) == {"url": PAGE_URL}

    def test_email_has_the_title_as_subject_and_the_url_in_the_body(self):
        address, fields = mailto(share_urls(PAGE_URL, TITLE)["email"])
        assert address == ""
        assert fields == {"subject": TITLE, "body": f"{TITLE}\n{PAGE_URL}"}

    def test_email_keeps_plus_signs_and_spaces_apart(self):
        # mailto: is not a form: "+" must stay a plus, a space must be %20.
        address, fields = mailto(share_urls(PAGE_URL, "C++ + Rust")["email"])
        assert "+" not in share_urls(PAGE_URL, "a b")["email"]
        assert fields["subject"] == "C++ + Rust"


@pytest.mark.django_db
class TestLangAttr:
    def test_nothing_when_the_text_is_in_the_active_language(self):
        article = ArticleFactory()
        for language in LANGUAGES:
            with translation.override(language):
                assert lang_attr(article, "title") == ""

    def test_marks_a_french_fallback_on_the_english_site(self):
        article = ArticleFactory(title_en="")
        with translation.override("en"):
            assert article.title == article.title_fr
            assert lang_attr(article, "title") == ' lang="fr"'

    def test_marks_an_english_fallback_on_the_french_site(self):
        article = ArticleFactory(lead_fr="", lead_en="Only in English.")
        with translation.override("fr"):
            assert article.lead == "Only in English."
            assert lang_attr(article, "lead") == ' lang="en"'

    def test_nothing_when_no_language_has_text(self):
        article = ArticleFactory(lead_fr="", lead_en="")
        with translation.override("en"):
            assert lang_attr(article, "lead") == ""

    def test_in_a_template(self):
        article = ArticleFactory(title_en="")
        template = Template('{% load chamber_tags %}<h1{% lang_attr article "title" %}>')
        with translation.override("en"):
            assert template.render(Context({"article": article})) == '<h1 lang="fr">'


@pytest.mark.django_db
class TestLanguageAlternates:
    def request(self, path, **params):
        return RequestFactory().get(path, params)

    def test_an_object_page_links_to_its_translated_slugs(self):
        article = ArticleFactory()
        paths = {code: object_url(article, code) for code in LANGUAGES}
        request = self.request(paths["fr"])
        with translation.override("fr"):
            alternates = language_alternates({"request": request, "object": article})

        assert [alt["code"] for alt in alternates] == LANGUAGES
        by_code = {alt["code"]: alt for alt in alternates}
        for code in LANGUAGES:
            assert by_code[code]["path"] == paths[code]
            assert by_code[code]["url"] == request.build_absolute_uri(paths[code])
            assert by_code[code]["url"].startswith(f"http://testserver/{code}/")
            assert by_code[code]["is_current"] == (code == "fr")
            assert by_code[code]["og_locale"] == OG_LOCALE[code]
            assert by_code[code]["exists"]
        assert by_code["fr"]["name"] == "français"
        assert by_code["en"]["name"] == "English"
        assert [alt["is_default"] for alt in alternates] == [code == "fr" for code in LANGUAGES]

    def test_a_language_the_object_is_not_written_in_is_not_an_alternate(self):
        article = ArticleFactory(lead_fr="", body_fr="")
        with translation.override("en"):
            alternates = language_alternates(
                {"request": self.request(object_url(article, "en")), "object": article}
            )
        by_code = {alt["code"]: alt for alt in alternates}
        assert not by_code["fr"]["exists"]  # the switch still offers it: a page says why
        assert by_code["en"]["exists"] and by_code["en"]["is_default"]
        assert not by_code["fr"]["is_default"]

    def test_page_object_wins_over_object(self):
        article = ArticleFactory()
        category = article.category
        with translation.override("en"):
            alternates = language_alternates(
                {
                    "request": self.request(category.get_absolute_url()),
                    "page_object": category,
                    "object": article,
                }
            )
        with translation.override("fr"):
            assert alternates[0]["path"] == category.get_absolute_url()

    def test_alternates_drop_other_query_parameters(self):
        with translation.override("en"):
            path = reverse("chamber:member-list")
            alternates = language_alternates({"request": self.request(path, utm_source="fb")})
        assert all("?" not in alt["url"] for alt in alternates)

    def test_a_page_without_object_translates_its_path(self):
        paths = {code: url_in(code, "news:article-list") for code in LANGUAGES}
        with translation.override("en"):
            alternates = language_alternates({"request": self.request(paths["en"])})
        assert {alt["code"]: alt["path"] for alt in alternates} == paths


@pytest.mark.django_db
class TestCanonicalUrl:
    def test_an_object_page_is_its_absolute_url_without_query(self):
        article = ArticleFactory()
        with translation.override("en"):
            path = article.get_absolute_url()
            request = RequestFactory().get(path, {"utm_source": "x"})
            url = canonical_url({"request": request, "object": article})
        assert url == f"http://testserver{path}"

    def test_a_page_without_object_is_its_path_without_query(self):
        with translation.override("en"):
            path = reverse("chamber:member-list")
        request = RequestFactory().get(path, {"utm_source": "x"})
        assert canonical_url({"request": request}) == f"http://testserver{path}"

    @pytest.mark.parametrize(("number", "suffix"), [(1, ""), (2, "?page=2"), (3, "?page=3")])
    def test_a_list_keeps_only_its_page_number(self, number, suffix):
        with translation.override("fr"):
            path = reverse("news:article-list")
        page_obj = Paginator(range(30), 10).page(number)
        request = RequestFactory().get(path, {"page": str(number), "utm_source": "x"})
        context = {"request": request, "page_obj": page_obj}
        assert canonical_url(context) == f"http://testserver{path}{suffix}"

    def test_a_list_of_an_object_keeps_its_page_number(self):
        article = ArticleFactory()
        category = article.category
        with translation.override("en"):
            path = category.get_absolute_url()
            request = RequestFactory().get(path, {"page": "2"})
            context = {
                "request": request,
                "page_object": category,
                "page_obj": Paginator(range(30), 10).page(2),
            }
            assert canonical_url(context) == f"http://testserver{path}?page=2"
            alternates = language_alternates(context)
        assert [alt["path"] for alt in alternates] == [
            f"{object_url(category, code)}?page=2" for code in LANGUAGES
        ]


@pytest.mark.parametrize(("language", "locale"), [("fr", "fr_FR"), ("en", "en_GB")])
def test_og_locale(language, locale):
    with translation.override(language):
        assert og_locale() == locale == OG_LOCALES[language]


def test_sanitize_filter_marks_clean_html_safe():
    cleaned = sanitize("<p>ok</p><script>alert(1)</script>")
    assert cleaned == "<p>ok</p>"
    assert hasattr(cleaned, "__html__")
