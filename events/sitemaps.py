from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Delegation, Fair


class EventListSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["events:fair-list"]

    def location(self, item):
        return reverse(item)


class FairSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Fair.objects.published().order_by("starts_on", "id")

    def lastmod(self, obj):
        return obj.updated_at


class DelegationSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Delegation.objects.published().select_related("fair").order_by("id")

    def lastmod(self, obj):
        return obj.updated_at
