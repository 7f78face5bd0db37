"""Site search: the page language's text, visible rows only, every word required, escaped
query, bounded input and time, fixed queries; on PostgreSQL, full-text search (stems,
accents, Korean prefixes, ranking, marked matches)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chamber.site import search as site_search
from chamber.toolkit import search as fts
from tests.support.databases import postgresql_only
from tests.support.factories import (
    ArticleFactory,
    DelegationFactory,
    FairFactory,
    OrganisationFactory,
)
from tests.support.htmlpage import Page, url_in

pytestmark = pytest.mark.django_db


def search(client, language, query, **params):
    return client.get(url_in(language, "site:search"), {"q": query, **params})


def found(client, language, query, **params) -> list:
    response = search(client, language, query, **params)
    assert response.status_code == 200
    return list(response.context.get("articles", []))


@pytest.mark.parametrize(
    ("language", "queries"),
    [
        ("fr", ["portuaire", "coopération PORTUAIRE"]),
        ("en", ["port", "PORT cooperation"]),
        ("ko", ["항만", "항만 협력"]),
    ],
)
def test_finds_articles_by_words_of_the_page_language(client, language, queries):
    article = ArticleFactory(
        title_fr="Coopération portuaire", title_en="Port cooperation", title_ko="항만 협력"
    )
    ArticleFactory(title_fr="Autre sujet", title_en="Another topic", title_ko="다른 주제")
    for query in queries:
        assert found(client, language, query) == [article]


def test_every_word_must_match(client):
    ArticleFactory(title_en="Hydrogen trucks in Busan")
    assert len(found(client, "en", "hydrogen busan")) == 1
    assert found(client, "en", "hydrogen seoul") == []


def test_the_lead_and_body_are_searched(client):
    in_lead = ArticleFactory(lead_en="A mission to Ulsan shipyards.")
    in_body = ArticleFactory(body_en="<p>Meetings with Ulsan buyers.</p>")
    assert set(found(client, "en", "ulsan")) == {in_lead, in_body}


def test_drafts_scheduled_and_non_members_are_not_found(client):
    ArticleFactory(title_en="Secret hydrogen plan", draft=True)
    ArticleFactory(title_en="Future hydrogen plan", scheduled=True)
    OrganisationFactory(name_en="Hydrogen partner", membership="")
    member = OrganisationFactory(name_en="Hydrogen member")
    response = search(client, "en", "hydrogen")
    assert list(response.context["articles"]) == []
    assert list(response.context["organisations"]) == [member]


def test_finds_delegations_by_their_fair(client):
    delegation = DelegationFactory(fair=FairFactory(name_en="Maison & Objet"))
    DelegationFactory(draft=True, fair=FairFactory(name_en="Maison & Objet autumn"))
    response = search(client, "en", "objet")
    assert list(response.context["delegations"]) == [delegation]


def test_the_query_is_escaped_and_kept_in_page_links(client):
    ArticleFactory.create_batch(12, title_en="Trade mission <b>news</b>")
    response = search(client, "en", '<script>alert("x")</script> mission')
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content
    response = search(client, "en", "mission")
    links = [
        a.get("href") for a in Page(response).find_all("a") if "page=2" in (a.get("href") or "")
    ]
    assert links and all("q=mission" in link for link in links)


@pytest.mark.parametrize(("query", "message"), [("a", "two letters"), ("zzzz", "Nothing matches")])
def test_says_why_nothing_is_shown(client, query, message):
    response = search(client, "en", query)
    assert message in response.content.decode()


class TestBoundedInput:
    def test_only_the_first_words_count(self, client):
        """Eight words of two letters or more, in the first 200 characters."""
        assert site_search.search_terms("a bb cc dd ee ff gg hh ii jj kk") == [
            "bb", "cc", "dd", "ee", "ff", "gg", "hh", "ii",
        ]  # fmt: skip
        ArticleFactory(title_en="Busan")
        # The ninth word would match nothing: it is not looked for.
        assert len(found(client, "en", "busan " * 8 + "nowhere")) == 1
        # Past 200 characters, the query is cut.
        response = search(client, "en", "busan " + "x" * 300)
        assert len(response.context["query"]) == site_search.MAX_QUERY_LENGTH

    @pytest.mark.parametrize("language", ["fr", "en", "ko"])
    @pytest.mark.parametrize(
        "query", ["busan & | ! ( ) : * ' \"", "'busan'", "busan:*", "!!", "-busan", "부산 <-> 수소"]
    )
    def test_query_syntax_characters_are_words_or_nothing(self, client, language, query):
        response = search(client, language, query)
        assert response.status_code == 200


def test_query_count_does_not_grow_with_results(client):
    ArticleFactory(title_en="Busan news")
    OrganisationFactory(name_en="Busan member")
    DelegationFactory(title_en="Busan delegation")
    with CaptureQueriesContext(connection) as few:
        search(client, "en", "busan")
    ArticleFactory.create_batch(8, title_en="Busan news")
    OrganisationFactory.create_batch(5, name_en="Busan member")
    DelegationFactory.create_batch(4, title_en="Busan delegation")
    with CaptureQueriesContext(connection) as many:
        response = search(client, "en", "busan")
    assert len(response.context["articles"]) == 9
    assert len(many.captured_queries) == len(few.captured_queries)


class TestManyResults:
    """A search lists MAX_RESULTS articles at most, and says there are more."""

    @pytest.fixture
    def limits(self, monkeypatch):
        monkeypatch.setattr(site_search, "MAX_RESULTS", 3)
        monkeypatch.setattr(site_search, "COMMON", 4)

    def _articles(self, count, **fields):
        now = timezone.now()
        return [
            ArticleFactory(published_at=now - timezone.timedelta(hours=hours), **fields)
            for hours in range(1, count + 1)
        ]

    def test_a_few_more_are_counted_as_more(self, client, limits):
        self._articles(4, title_en="Busan port")
        response = search(client, "en", "busan")
        paginator = response.context["page_obj"].paginator
        assert paginator.count == 3
        assert paginator.capped
        assert "More than 3 articles" in response.content.decode()

    def test_up_to_the_limit_the_count_is_exact(self, client, limits):
        self._articles(3, title_en="Busan port")
        response = search(client, "en", "busan")
        assert response.context["page_obj"].paginator.count == 3
        assert not response.context["page_obj"].paginator.capped
        assert "3 articles" in response.content.decode()

    def test_common_words_list_the_newest_matches(self, client, limits):
        articles = self._articles(6, title_en="Busan port")
        ArticleFactory(title_en="Seoul", published_at=timezone.now())
        assert set(found(client, "en", "busan")) == set(articles[:3])


@postgresql_only
class TestFullText:
    """PostgreSQL: per-language configurations, ranking and marked matches."""

    @pytest.mark.parametrize(
        ("language", "text", "query"),
        [
            ("fr", "Les accords signés à Séoul", "accord signé"),
            ("fr", "L'hydrogène vert", "hydrogene"),
            ("fr", "Une économie portuaire", "ECONOMIE"),
            ("en", "The agreements were signed", "agreement signing"),
            ("en", "Electric batteries", "battery"),
            ("ko", "부산의 수소 협력", "부산 수소"),
        ],
    )
    def test_stems_accents_and_korean_prefixes(self, client, language, text, query):
        article = ArticleFactory(**{f"title_{language}": text})
        assert found(client, language, query) == [article]

    def test_markup_of_the_body_is_not_searched(self, client):
        ArticleFactory(body_en='<p class="highlight">Plain words.</p>')
        assert found(client, "en", "highlight") == []

    def test_stems_are_those_of_the_page_language(self, client):
        """English stemming is not applied to French text, nor the reverse."""
        ArticleFactory(title_fr="Nous signons", title_en="Nothing here")
        assert found(client, "en", "signons") == []

    def test_a_title_match_ranks_above_a_lead_above_the_body(self, client):
        now = timezone.now()
        in_body = ArticleFactory(
            body_en="<p>Busan</p>", published_at=now - timezone.timedelta(minutes=10)
        )
        in_lead = ArticleFactory(
            lead_en="News from Busan.", published_at=now - timezone.timedelta(days=3)
        )
        in_title = ArticleFactory(
            title_en="Busan office opens", published_at=now - timezone.timedelta(days=9)
        )
        assert found(client, "en", "busan") == [in_title, in_lead, in_body]

    def test_equal_matches_come_newest_first(self, client):
        now = timezone.now()
        older = ArticleFactory(title_en="Busan", published_at=now - timezone.timedelta(days=2))
        newer = ArticleFactory(title_en="Busan", published_at=now - timezone.timedelta(days=1))
        assert found(client, "en", "busan") == [newer, older]

    def test_common_words_rank_the_newest_matches(self, client, monkeypatch):
        monkeypatch.setattr(site_search, "MAX_RESULTS", 3)
        monkeypatch.setattr(site_search, "COMMON", 4)
        now = timezone.now()
        old_title = ArticleFactory(title_en="Busan", published_at=now - timezone.timedelta(days=30))
        bodies = [
            ArticleFactory(
                body_en="<p>Busan</p>", published_at=now - timezone.timedelta(hours=hours)
            )
            for hours in (3, 2, 1)
        ]
        title = ArticleFactory(title_en="Busan", published_at=now - timezone.timedelta(hours=2.5))
        listed = found(client, "en", "busan")
        # The three newest matches, the title match first; older ones are past the limit.
        assert listed == [title, bodies[2], bodies[1]]
        assert old_title not in listed

    def test_matches_are_marked_and_the_text_escaped(self, client):
        ArticleFactory(title_en="Hydrogen trucks in Busan", lead_en="Busan & Ulsan's <port>")
        response = search(client, "en", "busan")
        card = Page(response).find("h3", class_="card-title")
        assert [mark.text for mark in card.find_all("mark")] == ["Busan"]
        assert card.text.strip() == "Hydrogen trucks in Busan"
        lead = Page(response).find("p", class_="card-text")
        assert [mark.text for mark in lead.find_all("mark")] == ["Busan"]
        # The lead's own characters are text (escaped), not markup.
        assert lead.find("port") is None
        assert lead.text.strip() == "Busan & Ulsan's <port>"

    def test_a_title_that_looks_like_markup_is_shown_whole(self, client):
        ArticleFactory(title_en="Busan <b>trucks</b>")
        card = Page(search(client, "en", "busan")).find("h3", class_="card-title")
        assert card.find("b") is None
        assert card.text.strip() == "Busan <b>trucks</b>"

    def test_members_are_found_by_stem_and_accent(self, client):
        member = OrganisationFactory(name_fr="Société hydrogène", sector_fr="Énergies")
        response = search(client, "fr", "energie")
        assert list(response.context["organisations"]) == [member]

    def test_a_search_the_database_stops_says_so(self, client, monkeypatch):
        def too_slow(*args, **kwargs):
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(1)")

        monkeypatch.setattr(fts, "TIMEOUT_MS", 50)
        monkeypatch.setattr(site_search.FoundArticles, "count", too_slow)
        ArticleFactory(title_en="Busan")
        response = search(client, "en", "busan")
        assert response.status_code == 200
        assert response.context["too_long"]
        assert "took too long" in response.content.decode()
        # The connection is usable again, with its own time limit.
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"

    def test_the_time_limit_ends_with_the_search(self, client):
        ArticleFactory(title_en="Busan")
        search(client, "en", "busan")
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"
