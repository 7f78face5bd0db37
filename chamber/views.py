"""The chamber's public pages: the member directory, organisation and agreement pages.

The news that mention an organisation or report an agreement are reached through the
relations the news app declares (``organisation.articles``, ``agreement.articles``) and
the publication rule of the toolkit, so this module imports nothing from news.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_ratelimit.core import is_ratelimited

from chamber import directory, membership
from chamber.forms import MembershipApplicationForm
from chamber.models import Agreement, Organisation
from chamber.toolkit.clients import client_address
from chamber.toolkit.pagination import LongListPaginator
from chamber.toolkit.publication import active_language, visible_to
from chamber.toolkit.views import ObjectPageMixin, TranslatedSlugMixin


class MemberListView(ListView):
    """The public directory of member organisations: search by name, filters by sector,
    kind, city and tier, three orders (``chamber.directory``)."""

    template_name = "chamber/member_list.html"
    context_object_name = "members"
    paginate_by = 24

    def get_queryset(self):
        self.filters = directory.Filters.from_query(self.request.GET)
        return directory.directory(self.filters)

    def get_paginator(self, queryset, per_page, **kwargs):
        key = f"members:{active_language()}:{self.filters.key}"
        return LongListPaginator(queryset, per_page, count_key=key, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filters=self.filters,
            sectors=directory.choices("sector"),
            cities=directory.choices("city"),
            kinds=Organisation.Kind.choices,
            tiers=[choice for choice in Organisation.Membership.choices if choice[0]],
            sorts=directory.sorts(),
            pagination_keys=",".join(directory.PARAMETERS),
        )
        return context


class OrganisationDetailView(ObjectPageMixin, DetailView):
    """An organisation with its published news and its agreements."""

    template_name = "chamber/organisation_detail.html"
    context_object_name = "organisation"
    article_count = 6

    def get_queryset(self):
        return visible_to(self.request, Organisation.objects.all())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = self.object.articles.visible().for_listing()
        context["articles"] = articles[: self.article_count]
        context["agreements"] = self.object.agreements.visible().distinct()
        return context


class AgreementListView(ListView):
    """Every agreement, newest first, with its parties; twenty a page."""

    template_name = "chamber/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = 20

    def get_queryset(self):
        return Agreement.objects.visible().with_parties()

    def get_paginator(self, queryset, per_page, **kwargs):
        key = f"agreements:{active_language()}"
        return LongListPaginator(queryset, per_page, count_key=key, **kwargs)


class AgreementDetailView(TranslatedSlugMixin, ObjectPageMixin, DetailView):
    """An MOU: date and place, each party with its role, each signatory, and the
    published news that report it."""

    template_name = "chamber/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return visible_to(self.request, Agreement.objects.with_details())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = self.object.articles.visible().for_listing()
        return context


def application_rate(group, request) -> str:
    """Application POSTs allowed per address, read at each request (tests change it)."""
    return settings.MEMBERSHIP_APPLICATION_RATE


@method_decorator(never_cache, name="dispatch")
class JoinView(FormView):
    """The "become a member" form. A filled trap for bots (400) or too many POSTs from
    one address (429) are refused with a message and write nothing."""

    template_name = "chamber/join.html"
    form_class = MembershipApplicationForm

    def post(self, request, *args, **kwargs):
        limited = is_ratelimited(
            request,
            group="chamber.join",
            key=lambda _group, request: client_address(request),
            rate=application_rate,
            method="POST",
            increment=True,
        )
        form = self.get_form()
        if limited:
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many applications were sent from your network in a short time, "
                    "so this one was not recorded. Please try again in an hour."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if not form.is_valid():
            status = 400 if form.is_bot else 200
            return self.render_to_response(self.get_context_data(form=form), status=status)
        membership.apply(form.application_data(), language=translation.get_language())
        return redirect("chamber:join-thanks")


class JoinThanksView(TemplateView):
    template_name = "chamber/join_thanks.html"
