"""A page of the chamber, found by its path of slugs in the visitor's language."""

from django.http import Http404
from django.views.generic import DetailView

from chamber.pages.models import Page
from chamber.pages.navigation import page_tree
from chamber.toolkit.i18n import language_codes, redirect_to_canonical
from chamber.toolkit.publication import active_language, may_preview
from chamber.toolkit.views import ObjectPageMixin, not_translated


def find_page(path: str, language: str):
    """The tree's node at ``path`` in ``language``, else in another language (an old
    link, or a link from another language's page); None when no language has it."""
    slugs = [slug for slug in path.split("/") if slug]
    tree = page_tree()
    for code in [language, *(code for code in language_codes() if code != language)]:
        node = tree.find(slugs, code)
        if node is not None:
            return node
    return None


class PageView(ObjectPageMixin, DetailView):
    """Visitors see a page where it and its ancestors are published (ready in a language,
    else the page saying which languages it is written in); those who may edit pages
    preview drafts. A path of another language redirects to the page's own address."""

    template_name = "pages/page.html"
    context_object_name = "page"

    def get(self, request, *args, **kwargs):
        language = active_language()
        node = find_page(kwargs["path"], language)
        if node is None:
            raise Http404
        tree = page_tree()
        preview = may_preview(request.user, Page)
        if not preview and not all(item.published for item in tree.lineage(node.pk)):
            raise Http404
        self.node = node
        obj = self.get_object()
        if not preview and not tree.visible(node.pk, language):
            return not_translated(request, obj)
        if tree.path(node.pk, language) is not None:
            redirect = redirect_to_canonical(request, obj)
            if redirect is not None:
                return redirect
        self.object = obj
        return self.render_to_response(self.get_context_data(object=obj))

    def get_object(self, queryset=None):
        try:
            return Page.objects.get(pk=self.node.pk)
        except Page.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tree, language = page_tree(), active_language()
        context["breadcrumbs"] = tree.breadcrumbs(self.node.pk, language)
        context["subpages"] = tree.children(self.node.pk, language)
        return context
