"""Publication pages: the list (all or one category) and a publication's page."""

from django.views.generic import DetailView, ListView

from chamber.publications.models import Publication
from chamber.toolkit.publication import visible_to
from chamber.toolkit.views import ObjectPageMixin, TranslatedSlugMixin


class PublicationListView(ListView):
    """The publications visible in the active language, newest first, twelve a page;
    ``?category=study`` shows one category."""

    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    paginate_by = 12

    def category(self) -> str:
        value = self.request.GET.get("category", "")
        return value if value in Publication.Category.values else ""

    def get_queryset(self):
        queryset = Publication.objects.visible()
        if category := self.category():
            queryset = queryset.filter(category=category)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        category = self.category()
        context["category"] = category
        context["category_label"] = Publication.Category(category).label if category else ""
        context["categories"] = Publication.Category.choices
        return context


class PublicationDetailView(TranslatedSlugMixin, ObjectPageMixin, DetailView):
    """One publication with its download link; staff may preview drafts."""

    template_name = "publications/publication_detail.html"
    context_object_name = "publication"

    def get_queryset(self):
        return visible_to(self.request, Publication.objects.all())
