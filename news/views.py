"""News pages: the list (all or one category) and the article page."""

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from chamber.i18n import TranslatedSlugMixin, find_by_translated_slug, redirect_to_canonical
from chamber.models import Party, Signatory
from chamber.views import visible_to
from news.models import Article, Category


class ArticleListView(ListView):
    """Published articles, newest first, nine a page, with the category menu."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 9
    category = None

    def get_queryset(self):
        queryset = Article.objects.published().for_listing()
        if self.category is not None:
            queryset = queryset.filter(category=self.category)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = Category.objects.all()
        context["category"] = self.category
        context["page_object"] = self.category
        return context


class CategoryArticleListView(ArticleListView):
    """The articles of one category; its slug is looked up in the active language, then
    in the other (which redirects to the canonical URL)."""

    def get(self, request, *args, **kwargs):
        self.category = find_by_translated_slug(Category.objects.all(), kwargs["slug"])
        redirect = redirect_to_canonical(request, self.category)
        if redirect is not None:
            return redirect
        return super().get(request, *args, **kwargs)


class ArticleDetailView(TranslatedSlugMixin, DetailView):
    """One article, with the agreement it reports (parties and signatories) if any.

    Staff may preview drafts and scheduled articles; visitors see published ones only.
    """

    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        queryset = Article.objects.select_related("category", "agreement").prefetch_related(
            "organisations",
            Prefetch(
                "agreement__parties",
                queryset=Party.objects.select_related("organisation"),
            ),
            Prefetch(
                "agreement__signatories",
                queryset=Signatory.objects.select_related("organisation"),
            ),
        )
        return visible_to(self.request, queryset)

    related_count = 3

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related_articles"] = (
            Article.objects.published()
            .for_listing()
            .filter(category=self.object.category)
            .exclude(pk=self.object.pk)[: self.related_count]
        )
        return context
