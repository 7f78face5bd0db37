import pytest

from chamber.models import Organisation
from tests.support.factories import AgreementFactory, ArticleFactory, OrganisationFactory
from tests.support.htmlpage import absolute, object_url, url_in
from tests.support.languages import LANGUAGES
from tests.support.sitemaps import read_sitemap

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def expected_alternates(paths: dict[str, str]) -> dict[str, str]:
    urls = {code: absolute(path) for code, path in paths.items()}
    return {**urls, "x-default": urls["fr"]}


@pytest.fixture
def content():
    member = OrganisationFactory()
    outsider = OrganisationFactory(membership=Organisation.Membership.NONE)
    agreement = AgreementFactory()
    published = ArticleFactory(agreement=agreement)
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)
    return {
        "member": member,
        "outsider": outsider,
        "agreement": agreement,
        "published": published,
        "draft": draft,
        "scheduled": scheduled,
    }


@pytest.mark.parametrize("name", ["published", "member", "agreement"])
def test_lists_each_page_in_both_languages_with_alternates(client, content, name):
    paths = {code: object_url(content[name], code) for code in LANGUAGES}
    entries = read_sitemap(client)
    for code in LANGUAGES:
        assert entries[absolute(paths[code])] == expected_alternates(paths)


def test_lists_categories_and_fixed_pages(client, content):
    entries = read_sitemap(client)
    category = content["published"].category
    for code in LANGUAGES:
        assert absolute(object_url(category, code)) in entries
        for name in ("site:home", "news:article-list", "chamber:member-list"):
            paths = {lang: url_in(lang, name) for lang in LANGUAGES}
            assert entries[absolute(paths[code])] == expected_alternates(paths)


@pytest.mark.parametrize("name", ["draft", "scheduled", "outsider"])
def test_leaves_out_what_visitors_cannot_see(client, content, name):
    entries = read_sitemap(client)
    for code in LANGUAGES:
        assert absolute(object_url(content[name], code)) not in entries
