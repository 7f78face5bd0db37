"""The chamber's public pages: home, member directory, organisation and agreement pages."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.generic import DetailView, ListView, TemplateView

from chamber import search
from chamber.i18n import TranslatedSlugMixin
from chamber.models import Agreement, Organisation, Party, Signatory
from events.models import Delegation
from news.models import Article


def visible_to(request, queryset):
    """Staff may preview drafts and scheduled rows; visitors see published ones only."""
    return queryset if request.user.is_staff else queryset.published()


def root_redirect(request):
    """Send ``/`` to the home page in the visitor's preferred language."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return redirect(reverse("chamber:home"))


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: point them at the icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


class HomeView(TemplateView):
    """The home page: the latest published news."""

    template_name = "chamber/home.html"
    # Eight cards fill two rows of four on a desktop and four rows of two on a tablet.
    latest_count = 8

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_articles"] = Article.objects.published().for_listing()[: self.latest_count]
        context["upcoming_delegations"] = (
            Delegation.objects.published()
            .upcoming()
            .for_listing()
            .order_by("registration_closes_at", "id")[:3]
        )
        return context


class MemberListView(ListView):
    """The public directory of member organisations."""

    template_name = "chamber/member_list.html"
    context_object_name = "members"
    paginate_by = 24

    def get_queryset(self):
        return Organisation.objects.members().order_by("name")


class OrganisationDetailView(DetailView):
    """An organisation with its published news and its agreements."""

    model = Organisation
    template_name = "chamber/organisation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = (
            Article.objects.published().for_listing().filter(organisations=self.object)[:6]
        )
        context["agreements"] = self.object.agreements.distinct()
        return context


def agreement_queryset():
    """Agreements with their parties and signatories, in a fixed number of queries."""
    return Agreement.objects.prefetch_related(
        Prefetch("parties", queryset=Party.objects.select_related("organisation")),
        Prefetch("signatories", queryset=Signatory.objects.select_related("organisation")),
    )


class AgreementListView(ListView):
    """Every agreement, newest first, with its parties; twenty a page."""

    template_name = "chamber/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = 20

    def get_queryset(self):
        return Agreement.objects.prefetch_related(
            Prefetch("parties", queryset=Party.objects.select_related("organisation"))
        )


class AgreementDetailView(TranslatedSlugMixin, DetailView):
    """An MOU: date and place, each party with its role, each signatory."""

    template_name = "chamber/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return agreement_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = self.object.articles.published().for_listing()
        return context


class SearchView(TemplateView):
    """Search (``?q=``): matching articles (paginated), members and delegations."""

    template_name = "chamber/search.html"
    articles_per_page = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:200]
        terms = search.search_terms(query)
        context["query"] = query
        context["terms"] = terms
        if terms:
            paginator = Paginator(search.search_articles(terms), self.articles_per_page)
            context["page_obj"] = paginator.get_page(self.request.GET.get("page"))
            context["articles"] = context["page_obj"].object_list
            context["organisations"] = search.search_organisations(terms)[:12]
            context["delegations"] = search.search_delegations(terms)[:6]
        return context


class PrivacyView(TemplateView):
    """How the chamber handles the personal data it collects."""

    template_name = "chamber/privacy.html"
