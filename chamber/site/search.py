"""Site search: the articles, member organisations and delegations a visitor may see in
the page's language, in that language's words.

On PostgreSQL, full-text search (``chamber.toolkit.search``): stemmed and accent-blind
in French and English, prefix matching in Korean, ranked, with the matched words marked
in the results, and each query stopped after half a second. On SQLite, a plain match of
every word in the page language's text, in order of publication.
"""

from functools import cached_property, reduce
from operator import and_, or_

from django.core.paginator import Paginator
from django.db import OperationalError, connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname

from chamber.models import Organisation
from chamber.toolkit import search as fts
from chamber.toolkit.publication import active_language
from events.models import Delegation
from news.models import Article

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MIN_TERM_LENGTH = 2
# The articles a search lists at most.
MAX_RESULTS = 1000
# Past this many matches, a search ranks only the MAX_RESULTS newest matches among the
# WINDOW newest articles (FoundArticles).
COMMON = 5_000
WINDOW = 20_000

# The texts searched, per model: translated fields (in the page's language) and others.
ARTICLE_TEXT = ("title", "lead", "body")
ORGANISATION_TEXT = ("name", "sector", "description")
ORGANISATION_OTHER = ("short_name",)
DELEGATION_TEXT = ("title", "summary", "audience", "offer")


class SearchTooLong(Exception):
    """The database gave up on a search (too general, or too much text)."""


def search_terms(query: str) -> list[str]:
    """The words of ``query`` worth looking for (at most eight, of two letters or more)."""
    return [word for word in query.split() if len(word) >= MIN_TERM_LENGTH][:MAX_TERMS]


def _columns(fields, language, others=()) -> list[str]:
    return [*(build_localized_fieldname(field, language) for field in fields), *others]


def matching(columns: list[str], terms: list[str]) -> Q:
    """Every term appears in at least one of ``columns`` (the SQLite fallback)."""
    return reduce(
        and_,
        (
            reduce(or_, (Q(**{f"{column}__icontains": term}) for column in columns))
            for term in terms
        ),
    )


def _full_text(queryset, documents, terms, language, *, order=()):
    """Rows of ``queryset`` whose ``documents`` (the first is ranked) match the words,
    best first."""
    configuration = fts.CONFIGURATIONS[language]
    prefix = language in fts.PREFIX_LANGUAGES
    return (
        queryset.filter(fts.matches(documents, configuration, terms, prefix=prefix))
        .annotate(rank=fts.rank(documents[0], configuration, terms, prefix=prefix))
        .order_by("-rank", *order)
    )


class FoundArticles:
    """The ids of the visible articles whose text in a language has every word, best
    first, for the paginator (which counts them, then takes a page's slice).

    On PostgreSQL, a match in the title ranks above one in the lead, and articles where
    the words are only in the body come after, newest first; on SQLite, newest first.
    The cost of a search stays bounded whatever the words: up to COMMON matches, every
    match is read (through the search index) and ranked; past that, the words are common
    ones, and the newest MAX_RESULTS matches among the newest WINDOW articles are ranked
    (read newest first, through the language's list index, until there are enough): a
    word found in every article costs no more than a rare one."""

    def __init__(self, terms: list[str], language: str | None = None):
        self.language = language or active_language()
        self.terms = terms
        self.articles = Article.objects.visible(self.language)
        self.full_text = fts.is_available()
        if self.full_text:
            # Each language's tsvectors are columns (news' search migration): search_<code>
            # is matched through its index, rank_<code> (title and lead) ranks.
            self.configuration = fts.CONFIGURATIONS[self.language]
            self.prefix = self.language in fts.PREFIX_LANGUAGES
            self.document = f'"news_article"."search_{self.language}"'
            self.ranked = f'"news_article"."rank_{self.language}"'
            condition = fts.matches([self.document], self.configuration, terms, prefix=self.prefix)
        else:
            condition = matching(_columns(ARTICLE_TEXT, self.language), terms)
        self.matches = self.articles.filter(condition)

    @cached_property
    def found(self) -> int:
        """How many articles match, counting no further than COMMON + 1."""
        return self.matches.order_by().values("pk")[: COMMON + 1].count()

    def count(self) -> int:
        return min(self.found, MAX_RESULTS + 1)

    def __getitem__(self, page: slice) -> list[int]:
        start = page.start or 0
        stop = page.stop
        if not self.full_text:
            newest = self.matches.order_by("-published_at", "-id")
            return list(newest.values_list("pk", flat=True)[:MAX_RESULTS][start:stop])
        rank = fts.rank(self.ranked, self.configuration, self.terms, prefix=self.prefix)
        if self.found <= COMMON:
            best = self.matches.annotate(rank=rank).order_by("-rank", "-published_at", "-id")
            return list(best.values_list("pk", flat=True)[start:stop])
        return self._among_newest(start, stop - start)

    def _among_newest(self, offset: int, size: int) -> list[int]:
        # The newest articles come from a subquery with a LIMIT, which PostgreSQL reads as
        # written (through the list index, newest first) and stops reading as soon as
        # MAX_RESULTS of them match: its estimate of how common the words are (a guess
        # for a Korean prefix) cannot turn this into a scan of every match.
        newest = (
            self.articles.order_by("-published_at", "-id")
            .annotate(
                document=RawSQL(self.document, []),
                ranked=RawSQL(self.ranked, []),
            )
            .values("id", "published_at", "document", "ranked")[:WINDOW]
        )
        sql, params = newest.query.sql_with_params()
        query = fts.query_sql(self.configuration, self.prefix)
        text = fts.query_text(self.terms, self.prefix)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT found.id FROM (SELECT newest.id, newest.published_at,"
                f" ts_rank_cd(newest.ranked, {query}) AS rank"
                f" FROM ({sql}) AS newest WHERE newest.document @@ {query}"
                " ORDER BY newest.published_at DESC, newest.id DESC LIMIT %s"
                ") AS found ORDER BY found.rank DESC, found.published_at DESC, found.id DESC"
                " LIMIT %s OFFSET %s",
                [text, *params, text, MAX_RESULTS, size, offset],
            )
            return [row[0] for row in cursor.fetchall()]


def articles_listed(ids: list[int], terms: list[str], language: str | None = None) -> list:
    """The articles ``ids`` (a page of results, in that order) as the list shows them, with
    their title and lead marked where the words match (``title_marked``, ``lead_marked``;
    PostgreSQL).

    The page's ids come first from a query that reads only what ranking needs; the
    cards' fields and the marked text are then read for these ten rows only, not for
    every match."""
    language = language or active_language()
    articles = Article.objects.filter(pk__in=ids).for_listing()
    if fts.is_available():
        configuration = fts.CONFIGURATIONS[language]
        prefix = language in fts.PREFIX_LANGUAGES
        title, lead = _columns(ARTICLE_TEXT[:2], language)
        articles = articles.annotate(
            title_marked=fts.headline("news_article", title, configuration, terms, prefix=prefix),
            lead_marked=fts.headline("news_article", lead, configuration, terms, prefix=prefix),
        )
    by_id = {article.pk: article for article in articles}
    listed = [by_id[pk] for pk in ids if pk in by_id]
    for article in listed:
        if hasattr(article, "title_marked"):
            article.title_marked = marked(article.title_marked, article.title)
            article.lead_marked = marked(article.lead_marked, article.lead)
    return listed


class ResultsPaginator(Paginator):
    """The pages of a search's first MAX_RESULTS results; ``capped`` when there are more
    (FoundArticles counts one more)."""

    @cached_property
    def found(self) -> int:
        return self.object_list.count()

    @cached_property
    def count(self) -> int:
        return min(self.found, MAX_RESULTS)

    @property
    def capped(self) -> bool:
        return self.found > MAX_RESULTS


def search_organisations(terms: list[str], language: str | None = None):
    language = language or active_language()
    members = Organisation.objects.members().visible(language)
    columns = _columns(ORGANISATION_TEXT, language, ORGANISATION_OTHER)
    if not fts.is_available():
        return members.filter(matching(columns, terms)).order_by("name")
    documents = [fts.document("chamber_organisation", columns, fts.CONFIGURATIONS[language])]
    return _full_text(members, documents, terms, language, order=("name",))


def search_delegations(terms: list[str], language: str | None = None):
    language = language or active_language()
    delegations = Delegation.objects.visible(language).for_listing()
    columns = _columns(DELEGATION_TEXT, language)
    fair_columns = [
        f"fair__{column}" for column in _columns(("name", "description"), language, ("locality",))
    ]
    if not fts.is_available():
        own = matching(columns, terms)
        fair = matching(fair_columns, terms)
        return delegations.filter(own | fair).order_by("-fair__starts_on", "id")
    # A few hundred delegations at most: their text (and their fair's) is matched
    # without an index.
    configuration = fts.CONFIGURATIONS[language]
    documents = [
        fts.document("events_delegation", columns, configuration),
        fts.document(
            "events_fair", [column.removeprefix("fair__") for column in fair_columns], configuration
        ),
    ]
    return _full_text(delegations, documents, terms, language, order=("-fair__starts_on",))


def marked(headline: str, text: str) -> str:
    """A headline of ``text`` from the database as HTML: its text escaped, the matches
    in <mark>; ``text`` escaped, unmarked, if the headline is not the same text (the
    database leaves out what looks like an HTML tag, such as "<Korea>")."""
    if headline.replace(fts.START, "").replace(fts.STOP, "") != text:
        return escape(text)
    html = escape(headline).replace(fts.START, "<mark>").replace(fts.STOP, "</mark>")
    return mark_safe(html)  # escaped above; only <mark> is added


def run(function):
    """Run the queries of ``function()`` within the search time limit; SearchTooLong if
    the database stops them."""
    if not fts.is_available():
        return function()
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                fts.set_timeout(cursor)
            result = function()
            with connection.cursor() as cursor:
                fts.reset(cursor)
            return result
    except OperationalError as error:
        raise SearchTooLong from error
