"""Root URLs. Visitor pages live under a language prefix (/fr/, /en/) with translated
path words; the admin, sitemap and robots.txt do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from chamber.site import views
from chamber.site.sitemaps import sitemaps
from chamber.toolkit import sitemaps as sitemap_views
from chamber.toolkit import views as toolkit_views

SITEMAPS = sitemaps()

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<str:section>.xml",
        sitemap_views.section,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("favicon.ico", views.favicon, name="favicon"),
    # Private files on this server's disk, behind signed links that expire.
    path("private-files/<str:token>", toolkit_views.private_file, name="private-file"),
    path("", views.root_redirect, name="root"),
]

urlpatterns += i18n_patterns(
    path(_("news/"), include("news.urls")),
    path(_("events/"), include("events.urls")),
    path("", include("chamber.newsletter.urls")),
    path(_("partners/"), include("chamber.partners.urls")),
    path(_("publications/"), include("chamber.publications.urls")),
    path("", include("chamber.urls_public")),
    path("", include("chamber.site.urls")),
    # Last: the chamber's pages answer any path of slugs that no other page answers.
    path("", include("chamber.pages.urls")),
    prefix_default_language=True,
)

# Public media on this server's disk: served by nginx in production, by Django only in
# development (with object storage, media URLs point to the bucket and this adds nothing).
if settings.DEBUG:
    from django.conf.urls.static import static as static_urls

    urlpatterns += static_urls(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
