"""The site-wide pages: the home page, search, the privacy notice, and the redirects of
``/`` and ``/favicon.ico``."""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.generic import TemplateView

from chamber.site import privacy, search
from events.models import Delegation
from news.models import Article


def root_redirect(request):
    """Send ``/`` to the home page in the visitor's preferred language."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return redirect(reverse("site:home"))


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: point them at the icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


class HomeView(TemplateView):
    """The home page: the latest published news and the next delegations."""

    template_name = "site/home.html"
    # Eight cards fill two rows of four on a desktop and four rows of two on a tablet.
    latest_count = 8
    delegation_count = 3

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_articles"] = Article.objects.visible().for_listing()[: self.latest_count]
        context["upcoming_delegations"] = (
            Delegation.objects.visible()
            .upcoming()
            .for_listing()
            .order_by("registration_closes_at", "id")[: self.delegation_count]
        )
        return context


class SearchView(TemplateView):
    """Search (``?q=``): matching articles (paginated), members and delegations."""

    template_name = "site/search.html"
    articles_per_page = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[: search.MAX_QUERY_LENGTH]
        terms = search.search_terms(query)
        context["query"] = query
        context["terms"] = terms
        if terms:
            try:
                context.update(search.run(lambda: self.results(terms)))
            except search.SearchTooLong:
                context["too_long"] = True
        return context

    def results(self, terms) -> dict:
        """Every query of the page, run (and so bounded in time) here."""
        found = search.FoundArticles(terms)
        page = search.ResultsPaginator(found, self.articles_per_page).get_page(
            self.request.GET.get("page")
        )
        articles = search.articles_listed(list(page.object_list), terms)
        return {
            "page_obj": page,
            "articles": articles,
            "organisations": list(search.search_organisations(terms)[:12]),
            "delegations": list(search.search_delegations(terms)[:6]),
        }


class PrivacyView(TemplateView):
    """How the chamber handles the personal data it collects (``chamber.site.privacy``
    gathers the facts it states)."""

    template_name = "site/privacy.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **privacy.notice()}
