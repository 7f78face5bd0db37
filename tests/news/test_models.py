import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from news.models import Article, Category
from tests.support.factories import ArticleFactory, CategoryFactory, OrganisationFactory
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db


class TestPublished:
    def test_excludes_drafts_and_scheduled_articles(self):
        published = ArticleFactory()
        ArticleFactory(draft=True)
        ArticleFactory(scheduled=True)
        ArticleFactory(draft=True, scheduled=True)

        assert list(Article.objects.published()) == [published]

    def test_an_article_is_published_once_its_time_has_come(self):
        now = timezone.now()
        due = ArticleFactory(published_at=now)
        ArticleFactory(published_at=now + datetime.timedelta(seconds=30))

        assert list(Article.objects.published()) == [due]

    def test_is_chainable(self):
        article = ArticleFactory()
        ArticleFactory()
        queryset = Article.objects.filter(category=article.category).published()
        assert list(queryset) == [article]

    def test_newest_first(self):
        now = timezone.now()
        old = ArticleFactory(published_at=now - datetime.timedelta(days=3))
        new = ArticleFactory(published_at=now - datetime.timedelta(days=1))
        middle = ArticleFactory(published_at=now - datetime.timedelta(days=2))
        assert list(Article.objects.published()) == [new, middle, old]

    @pytest.mark.parametrize(
        ("traits", "public"),
        [({}, True), ({"draft": True}, False), ({"scheduled": True}, False)],
    )
    def test_is_public_agrees_with_published(self, traits, public):
        article = ArticleFactory(**traits)
        assert article.is_public is public
        assert Article.objects.published().filter(pk=article.pk).exists() is public

    def test_for_listing_loads_the_category_with_the_article(self, django_assert_num_queries):
        ArticleFactory.create_batch(3)
        with django_assert_num_queries(1):
            names = [article.category.name for article in Article.objects.for_listing()]
        assert len(names) == 3


class TestArticle:
    def test_str_is_the_title_in_the_active_language(self):
        article = ArticleFactory(title_fr="Signature à Busan", title_en="Signing in Busan")
        with translation.override("fr"):
            assert str(article) == "Signature à Busan"
        with translation.override("en"):
            assert str(article) == "Signing in Busan"

    def test_str_falls_back_to_french(self):
        article = ArticleFactory(title_en="")
        with translation.override("en"):
            assert str(article) == article.title_fr

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_get_absolute_url_uses_the_slug_of_the_language(self, language):
        article = ArticleFactory()
        slug = getattr(article, f"slug_{language}")
        with translation.override(language):
            url = article.get_absolute_url()
            assert url == reverse("news:article-detail", kwargs={"slug": slug})
            assert url.startswith(reverse("news:article-list"))
        assert url.startswith(f"/{language}/")

    def test_urls_carry_translated_path_words(self):
        """The French news section is /fr/actualites/, the English one /en/news/ (the
        path words come from the compiled message catalogues)."""
        article = ArticleFactory(slug_fr="un-article", slug_en="an-article")
        with translation.override("fr"):
            assert article.get_absolute_url() == "/fr/actualites/un-article/"
        with translation.override("en"):
            assert article.get_absolute_url() == "/en/news/an-article/"

    @pytest.mark.parametrize(
        ("key_points", "expected"),
        [
            ("Premier point\nDeuxième point", ["Premier point", "Deuxième point"]),
            ("• One\n- Two\n* Three\n\tFour", ["One", "Two", "Three", "Four"]),
            ("  First  \n\n   \nSecond\r\n", ["First", "Second"]),
            ("", []),
        ],
    )
    def test_key_point_list(self, key_points, expected):
        article = ArticleFactory.build(key_points_fr=key_points, key_points_en=key_points)
        with translation.override("fr"):
            assert article.key_point_list == expected

    def test_key_point_list_in_each_language(self):
        article = ArticleFactory(key_points_fr="Un\nDeux", key_points_en="One\nTwo")
        with translation.override("en"):
            assert article.key_point_list == ["One", "Two"]
        with translation.override("fr"):
            assert article.key_point_list == ["Un", "Deux"]

    def test_description_is_the_seo_text_or_the_lead(self):
        article = ArticleFactory(seo_description_fr="Pour les moteurs.", lead_fr="Chapeau.")
        with translation.override("fr"):
            assert article.description == "Pour les moteurs."
            article.seo_description_fr = ""
            assert article.description == "Chapeau."

    def test_a_new_article_is_a_draft_published_now(self):
        article = Article()
        assert article.status == Article.Status.DRAFT
        assert abs(article.published_at - timezone.now()) < datetime.timedelta(seconds=5)

    def test_related_organisations(self):
        organisations = OrganisationFactory.create_batch(2)
        article = ArticleFactory(organisations=organisations)
        assert set(article.organisations.all()) == set(organisations)


class TestCategory:
    def test_str_is_the_name_in_the_active_language(self):
        category = CategoryFactory(name_fr="Accords", name_en="Agreements")
        with translation.override("fr"):
            assert str(category) == "Accords"
        with translation.override("en"):
            assert str(category) == "Agreements"

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_get_absolute_url_uses_the_slug_of_the_language(self, language):
        category = CategoryFactory()
        slug = getattr(category, f"slug_{language}")
        with translation.override(language):
            assert category.get_absolute_url() == reverse("news:category", kwargs={"slug": slug})

    def test_ordered_by_position(self):
        second = CategoryFactory(position=2)
        first = CategoryFactory(position=1)
        assert list(Category.objects.all()) == [first, second]
