"""News pages: the list (all or one category) and the article page."""

from django.views.generic import DetailView, ListView

from chamber.models import agreement_prefetches
from chamber.toolkit.cache import cached
from chamber.toolkit.i18n import shown_language
from chamber.toolkit.pagination import LongListPaginator
from chamber.toolkit.publication import active_language, visible_to
from chamber.toolkit.views import ObjectPageMixin, TranslatedSlugMixin
from news.models import Article, Category


def category_menu() -> list[dict]:
    """The categories of the menu above the news, in the active language: for each, its
    id, URL, name and the language the name is written in when it is another (a
    fallback). Kept in the cache for the generation of the content."""
    language = active_language()

    def menu():
        return [
            {
                "pk": category.pk,
                "url": category.get_absolute_url(),
                "name": category.name,
                "lang": shown if (shown := shown_language(category, "name")) != language else "",
            }
            for category in Category.objects.ready_in()
        ]

    return cached(f"news:category-menu:{language}", menu)


class ArticleListView(ListView):
    """Published articles, newest first, nine a page, with the category menu."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 9
    category = None

    def get_queryset(self):
        queryset = Article.objects.visible().for_listing()
        if self.category is not None:
            queryset = queryset.filter(category=self.category)
        return queryset

    def get_paginator(self, queryset, per_page, **kwargs):
        # A long list's total is counted once per generation of the content.
        scope = self.category.pk if self.category is not None else "all"
        key = f"news:{active_language()}:{scope}"
        return LongListPaginator(queryset, per_page, count_key=key, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = category_menu()
        context["category"] = self.category
        context["page_object"] = self.category
        return context


class CategoryArticleListView(TranslatedSlugMixin, ArticleListView):
    """The articles of one category, named by its slug in the active language (a slug of
    another language redirects to the canonical URL)."""

    def get_slug_queryset(self):
        return Category.objects.all()

    @property
    def category(self):
        return self.translated_object


class ArticleDetailView(TranslatedSlugMixin, ObjectPageMixin, DetailView):
    """One article, with the agreement it reports (parties and signatories) if any.

    Staff may preview drafts and scheduled articles; visitors see published ones only.
    """

    template_name = "news/article_detail.html"
    context_object_name = "article"
    related_count = 3

    def get_queryset(self):
        queryset = Article.objects.select_related(
            "category", "agreement", "author"
        ).prefetch_related("organisations", *agreement_prefetches("agreement__"))
        return visible_to(self.request, queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related_articles"] = (
            Article.objects.visible()
            .for_listing()
            .filter(category=self.object.category)
            .exclude(pk=self.object.pk)[: self.related_count]
        )
        return context
