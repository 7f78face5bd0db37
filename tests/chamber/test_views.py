import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from chamber.models import Organisation, Signatory
from chamber.site.views import HomeView
from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    OrganisationFactory,
    PartyFactory,
    SignatoryFactory,
)
from tests.support.htmlpage import (
    Page,
    absolute,
    assert_language_head,
    executable_parts,
    object_url,
    url_in,
)
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return OrganisationFactory(
        name_fr="Ville métropolitaine de Busan",
        name_en="Busan Metropolitan City",
        membership=Organisation.Membership.CORPORATE,
        description_fr="Une grande ville portuaire.",
        description_en="A large port city.",
    )


@pytest.fixture
def agreement(member):
    agreement = AgreementFactory()
    outsider = OrganisationFactory(membership=Organisation.Membership.NONE)
    PartyFactory(agreement=agreement, organisation=member, position=1)
    PartyFactory(agreement=agreement, organisation=outsider, position=2)
    SignatoryFactory(agreement=agreement, organisation=member, position=1)
    SignatoryFactory(
        agreement=agreement, organisation=None, role=Signatory.Role.AUSPICES, position=2
    )
    return agreement


@pytest.fixture
def articles(member, agreement):
    """A published article about the agreement, a draft and a scheduled one."""
    published = ArticleFactory(agreement=agreement, organisations=[member])
    draft = ArticleFactory(agreement=agreement, organisations=[member], draft=True)
    scheduled = ArticleFactory(agreement=agreement, organisations=[member], scheduled=True)
    return published, draft, scheduled


def page_paths(name, obj=None, **kwargs):
    """The page's path in each language."""
    if obj is not None:
        return {code: object_url(obj, code) for code in LANGUAGES}
    return {code: url_in(code, name, **kwargs) for code in LANGUAGES}


PAGES = {
    "home": lambda content: page_paths("site:home"),
    "member-list": lambda content: page_paths("chamber:member-list"),
    "organisation-detail": lambda content: page_paths(None, content["member"]),
    "agreement-detail": lambda content: page_paths(None, content["agreement"]),
    "privacy": lambda content: page_paths("site:privacy"),
}


@pytest.fixture
def content(member, agreement, articles):
    return {"member": member, "agreement": agreement, "articles": articles}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_name", PAGES)
def test_every_public_page_in_both_languages(client, content, page_name, language):
    paths = PAGES[page_name](content)
    assert paths["fr"] != paths["en"]

    response = client.get(paths[language])

    assert response.status_code == 200
    page = Page(response)
    assert_language_head(page, language, {code: absolute(path) for code, path in paths.items()})
    assert executable_parts(page.doc) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_name", PAGES)
def test_the_language_switch_lands_on_the_same_page(client, content, page_name, language):
    paths = PAGES[page_name](content)
    other = next(code for code in LANGUAGES if code != language)

    link = Page(client.get(paths[language])).language_link(other)
    assert link == paths[other]
    response = client.get(link)

    assert response.status_code == 200
    assert Page(response).lang == other


def test_root_redirects_to_the_home_page_in_the_preferred_language(client):
    response = client.get(reverse("root"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == url_in("en", "site:home")


def test_root_redirects_to_french_by_default(client):
    response = client.get(reverse("root"))
    assert response["Location"] == url_in("fr", "site:home")


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_page_is_a_404_in_the_visitors_language(client, language):
    path = url_in(language, "chamber:organisation-detail", slug="nobody-by-this-name")

    response = client.get(path)

    assert response.status_code == 404
    page = Page(response)
    assert page.lang == language
    with translation.override(language):
        assert page.h1.text == gettext("Page not found")
    assert page.response.templates[0].name == "404.html"


def test_404_texts_differ_between_languages(client):
    headings = {
        language: Page(client.get(url_in(language, "chamber:agreement-detail", slug="no"))).h1.text
        for language in LANGUAGES
    }
    assert headings["fr"] != headings["en"]


class TestHome:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_lists_published_articles_only(self, client, articles, language):
        published, draft, scheduled = articles
        response = client.get(url_in(language, "site:home"))

        assert list(response.context["latest_articles"]) == [published]
        links = {a.get("href") for a in Page(response).find_all("a")}
        assert object_url(published, language) in links
        assert object_url(draft, language) not in links
        assert object_url(scheduled, language) not in links
        with translation.override(language):
            assert published.title in response.content.decode()

    def test_lists_the_latest(self, client):
        shown = HomeView.latest_count
        articles = ArticleFactory.create_batch(shown + 2)
        newest_first = sorted(articles, key=lambda a: a.published_at, reverse=True)

        response = client.get(url_in("fr", "site:home"))

        assert list(response.context["latest_articles"]) == newest_first[:shown]

    def test_says_so_when_nothing_is_published(self, client):
        ArticleFactory(draft=True)
        response = client.get(url_in("en", "site:home"))
        with translation.override("en"):
            assert gettext("No news has been published yet.") in response.content.decode()


class TestMemberList:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_lists_members_only(self, client, language):
        members = [
            OrganisationFactory(membership=Organisation.Membership.MEMBER),
            OrganisationFactory(membership=Organisation.Membership.PATRON),
        ]
        outsider = OrganisationFactory(membership=Organisation.Membership.NONE)

        response = client.get(url_in(language, "chamber:member-list"))

        assert set(response.context["members"]) == set(members)
        names = [h2.text for h2 in Page(response).find_all("h2", class_="member-name")]
        with translation.override(language):
            assert names == sorted(member.name for member in members)
            assert outsider.name not in response.content.decode()

    def test_is_paginated_with_a_canonical_page_number(self, client):
        OrganisationFactory.create_batch(25)
        path = url_in("fr", "chamber:member-list")

        page = Page(client.get(path, {"page": 2}))

        assert len(page.find_all("li", class_="member-card")) == 1
        assert page.canonical == absolute(f"{path}?page=2")

    def test_a_page_beyond_the_last_is_a_404(self, client):
        response = client.get(url_in("fr", "chamber:member-list"), {"page": 5})
        assert response.status_code == 404


class TestOrganisationDetail:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_shows_the_organisation_its_agreements_and_published_news(
        self, client, member, agreement, articles, language
    ):
        published, draft, scheduled = articles

        response = client.get(object_url(member, language))

        page = Page(response)
        with translation.override(language):
            assert page.h1.text == member.name
            assert member.description in response.content.decode()
        links = {a.get("href") for a in page.find_all("a")}
        assert object_url(agreement, language) in links
        assert object_url(published, language) in links
        assert object_url(draft, language) not in links
        assert object_url(scheduled, language) not in links

    def test_lists_an_agreement_once(self, client, member, agreement):
        response = client.get(object_url(member, "fr"))
        assert list(response.context["agreements"]) == [agreement]

    def test_unknown_slug_is_a_404(self, client):
        response = client.get(url_in("en", "chamber:organisation-detail", slug="unknown"))
        assert response.status_code == 404


class TestAgreementDetail:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_shows_parties_roles_and_signatories_in_order(
        self, client, agreement, articles, language
    ):
        response = client.get(object_url(agreement, language))

        page = Page(response)
        parties = list(agreement.parties.all())
        signatories = list(agreement.signatories.all())
        with translation.override(language):
            assert page.h1.text == agreement.title
            names = [p.text for p in page.find_all("p", class_="party-name")]
            assert [name.split(" (")[0] for name in names] == [
                party.organisation.name for party in parties
            ]
            roles = [p.text for p in page.find_all("p", class_="party-role")]
            assert roles == [party.role for party in parties]
            shown = [s.text for s in page.find_all("span", class_="signatory-name")]
            assert shown == [signatory.name for signatory in signatories]
            auspices = Signatory.Role.AUSPICES.label
            assert str(auspices) in page.one("ul", class_="signatories").text

    def test_links_member_parties_only(self, client, agreement):
        page = Page(client.get(object_url(agreement, "en")))
        member_party, outsider_party = agreement.parties.all()
        links = {a.get("href") for a in page.find_all("a")}
        assert object_url(member_party.organisation, "en") in links
        assert object_url(outsider_party.organisation, "en") not in links

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_lists_its_published_news(self, client, agreement, articles, language):
        published, _draft, _scheduled = articles
        response = client.get(object_url(agreement, language))
        assert list(response.context["articles"]) == [published]

    @pytest.mark.parametrize(("language", "other"), [("fr", "en"), ("en", "fr")])
    def test_the_other_languages_slug_redirects_to_the_canonical_slug(
        self, client, agreement, language, other
    ):
        other_slug = getattr(agreement, f"slug_{other}")
        path = url_in(language, "chamber:agreement-detail", slug=other_slug)

        response = client.get(path)

        assert response.status_code == 301
        assert response["Location"] == object_url(agreement, language)

    def test_an_accented_slug_is_served(self, client):
        agreement = AgreementFactory(slug_fr="coopération-portuaire")
        response = client.get(object_url(agreement, "fr"))
        assert response.status_code == 200
        assert response.context["agreement"] == agreement

    def test_unknown_slug_is_a_404(self, client, agreement):
        response = client.get(url_in("fr", "chamber:agreement-detail", slug="unknown"))
        assert response.status_code == 404

    def test_an_agreement_not_written_in_english_says_where_to_read_it(self, client):
        agreement = AgreementFactory(title_en="", slug_en="", summary_en="", place_en="")

        response = client.get(object_url(agreement, "en"))

        assert response.status_code == 404
        page = Page(response)
        assert page.lang == "en"
        assert agreement.title_fr not in response.content.decode()
        assert object_url(agreement, "fr") in [a.get("href") for a in page.find_all("a")]
        list_page = client.get(url_in("en", "chamber:agreement-list"))
        assert agreement not in list_page.context["agreements"]

    def test_an_optional_text_missing_in_english_is_shown_in_french_marked_as_french(self, client):
        agreement = AgreementFactory(summary_en="")
        page = Page(client.get(object_url(agreement, "en")))
        lead = page.one("p", class_="article-lead")
        assert (lead.text, lead.get("lang")) == (agreement.summary_fr, "fr")

    def test_shares_its_url_in_the_current_language(self, client, agreement):
        path = object_url(agreement, "en")
        page = Page(client.get(path))
        assert page.one("button", data_copy_url=True).get("data-copy-url") == absolute(path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_notice(client, language):
    page = Page(client.get(url_in(language, "site:privacy")))
    with translation.override(language):
        assert page.h1.text == gettext("Privacy notice")


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get(reverse("robots"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {absolute(reverse('sitemap-index'))}" in lines
    assert f"Disallow: {reverse('admin:index')}" in lines


def test_a_server_error_renders_the_static_500_page(client, monkeypatch):
    """500.html needs no context (Django renders it without one), in every language."""

    def broken(self, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(HomeView, "get_context_data", broken)
    client.raise_request_exception = False

    response = client.get(url_in("en", "site:home"))

    assert response.status_code == 500
    page = Page(response)
    assert page.lang == "fr"
    assert page.h1.text == "Erreur · Error · 오류"
    assert [h2.get("lang") for h2 in page.find_all("h2")] == [None, "en", "ko"]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "other"), [("fr", "en"), ("en", "fr")])
def test_the_404_page_switches_to_the_other_language_home(client, language, other):
    response = client.get(url_in(language, "site:home") + "no-such-page/")
    assert response.status_code == 404
    page = Page(response)
    assert page.language_link(other) == url_in(other, "site:home")
    # It is no page of its own: no address, no translations for search engines.
    assert page.hreflang == {}
    assert page.find("link", rel="canonical") is None


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_or_style(client):
    response = client.get(url_in("fr", "site:home"))
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "current"),
    [
        ("news:article-list", "news:article-list"),
        ("events:fair-list", "events:fair-list"),
        ("chamber:member-list", "chamber:member-list"),
        ("chamber:agreement-list", "chamber:agreement-list"),
        ("site:home", None),
    ],
)
def test_the_main_navigation_marks_the_current_section(client, name, current):
    page = Page(client.get(url_in("en", name)))
    nav = page.one("nav", class_="main-nav")
    marked = [a.get("href") for a in nav.find_all("a") if a.get("aria-current")]
    assert marked == ([url_in("en", current)] if current else [])
