"""The chamber's pages: any path of slugs, tried after every other page of the site."""

from django.urls import path, register_converter

from chamber.pages import views
from chamber.pages.navigation import page_tree
from chamber.toolkit.i18n import language_codes


class PagePathConverter:
    """A path of slugs that names a page in one of the site's languages: any other path
    does not match, so that it stays a 404 of no view (redirects to the path with a
    slash, the 404 page's links to the other languages' home pages)."""

    regex = r".+"

    def to_python(self, value):
        slugs = [slug for slug in value.split("/") if slug]
        tree = page_tree()
        if not any(tree.find(slugs, code) for code in language_codes()):
            raise ValueError(value)
        return value

    def to_url(self, value):
        return value


register_converter(PagePathConverter, "page_path")

app_name = "pages"

urlpatterns = [
    path("<page_path:path>/", views.PageView.as_view(), name="page"),
]
