from django.urls import reverse

from chamber.i18n import TranslatedSitemap
from events.models import Delegation, Fair


class EventListSitemap(TranslatedSitemap):
    def items(self):
        return ["events:fair-list"]

    def location(self, item):
        return reverse(item)


class FairSitemap(TranslatedSitemap):
    def items(self):
        return Fair.objects.published().order_by("starts_on", "id")

    def lastmod(self, obj):
        return obj.updated_at


class DelegationSitemap(TranslatedSitemap):
    def items(self):
        return Delegation.objects.published().select_related("fair").order_by("id")

    def lastmod(self, obj):
        return obj.updated_at
