"""The partners page: every shown partner, grouped by level, in the order staff chose."""

from django.views.generic import TemplateView

from chamber.partners.models import Partner
from chamber.partners.services import groups


class PartnerListView(TemplateView):
    template_name = "partners/partner_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["groups"] = groups(Partner.objects.shown().select_related("organisation"))
        return context
