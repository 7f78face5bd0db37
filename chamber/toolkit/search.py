"""Full-text search on PostgreSQL, one configuration per language.

French and English words are stemmed ("accords" finds "accord") and accents do not
matter ("hydrogene" finds "hydrogène"); Korean, which PostgreSQL cannot stem, and names
use the simple configuration, with each word matched as a prefix ("부산" finds "부산의").
A model's searchable text in a language is one ``to_tsvector`` expression, written here
once and used both by the query and by the GIN index of its migration (PostgreSQL uses an
index only for the very expression it was built on); for the articles, PostgreSQL keeps
it in a generated column (``search_fr`` ...), which the ranking reads. SQLite has no
full-text search of this kind: the site search falls back to a plain match there.
"""

import re
import unicodedata

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

# The text search configuration of each language (created by the toolkit's migration).
CONFIGURATIONS = {"fr": "chamber_fr", "en": "chamber_en", "ko": "chamber_simple"}
NAMES = "chamber_simple"
# Languages whose words are matched as prefixes rather than stems.
PREFIX_LANGUAGES = {"ko"}
# No search may hold a database connection longer than this.
TIMEOUT_MS = 500

CREATE_CONFIGURATIONS = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'chamber_fr') THEN
    CREATE TEXT SEARCH CONFIGURATION chamber_fr (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION chamber_fr
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'chamber_en') THEN
    CREATE TEXT SEARCH CONFIGURATION chamber_en (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION chamber_en
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'chamber_simple') THEN
    CREATE TEXT SEARCH CONFIGURATION chamber_simple (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION chamber_simple
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END $$;
"""


def is_available() -> bool:
    return connection.vendor == "postgresql"


def document(table: str, columns: list[str], configuration: str) -> str:
    """The ``to_tsvector`` expression of ``columns`` of ``table``."""
    text = " || ' ' || ".join(f'coalesce("{table}"."{column}", \'\')' for column in columns)
    return f"to_tsvector('{configuration}'::regconfig, {text})"


def weighted_document(table: str, weights: dict[str, str], configuration: str) -> str:
    """The ``to_tsvector`` of each column, with its weight ("A" counts most, then "B"),
    so that a match in a title ranks above a match in a lead."""
    return " || ".join(
        f"setweight({document(table, [column], configuration)}, '{weight}')"
        for column, weight in weights.items()
    )


def query_sql(configuration: str, prefix: bool) -> str:
    """The ``tsquery`` of the visitor's words (one parameter)."""
    if prefix:
        return f"to_tsquery('{configuration}'::regconfig, %s)"
    return f"websearch_to_tsquery('{configuration}'::regconfig, %s)"


def query_text(terms: list[str], prefix: bool) -> str:
    """The visitor's words as the query's parameter: for prefix matching, each word
    (letters and digits only) as ``word:*``, all required."""
    if not prefix:
        return " ".join(terms)
    words = [re.sub(r"[^\w]", "", term) for term in terms]
    # No word left: an empty query, which matches nothing.
    return " & ".join(f"{word}:*" for word in words if word)


def matches(documents: list[str], configuration, terms, *, prefix=False) -> RawSQL:
    """A condition for ``filter()``: one of ``documents`` (tsvector expressions or
    columns) matches the words."""
    query = query_sql(configuration, prefix)
    parts = [f"({doc} @@ {query})" for doc in documents]
    params = [query_text(terms, prefix)] * len(parts)
    return RawSQL(" OR ".join(parts), params, output_field=BooleanField())


def rank(doc: str, configuration, terms, *, prefix=False) -> RawSQL:
    """How well the document matches, for ordering (``ts_rank_cd``)."""
    sql = f"ts_rank_cd({doc}, {query_sql(configuration, prefix)})"
    return RawSQL(sql, [query_text(terms, prefix)], output_field=FloatField())


# Marks that ts_headline puts around the matched words; the page escapes the text, then
# turns them into <mark> (so that no stored text can inject markup).
START, STOP = "\ue000", "\ue001"


def headline(table, column, configuration, terms, *, prefix=False) -> RawSQL:
    """``column``'s whole text with the matched words between START and STOP (for short
    texts: titles and leads). PostgreSQL leaves out what looks like an HTML tag: see
    ``chamber.site.search.marked``."""
    sql = (
        f"ts_headline('{configuration}'::regconfig, coalesce(\"{table}\".\"{column}\", ''), "
        f"{query_sql(configuration, prefix)}, "
        f"'StartSel={START}, StopSel={STOP}, HighlightAll=true')"
    )
    return RawSQL(sql, [query_text(terms, prefix)])


def stored_columns_sql(table: str, columns: dict[str, str], inline=()) -> str:
    """tsvector columns (name: expression) that PostgreSQL computes and keeps on every
    write, so that queries read them instead of analysing the text again; added in one
    statement, so that the table is rewritten once. The columns named in ``inline`` stay
    in the row itself (compressed) rather than in the table's overflow storage, where
    each read costs several more pages: for vectors read on every matching row."""
    clauses = [
        f"ADD COLUMN IF NOT EXISTS {name} tsvector GENERATED ALWAYS AS ({expression}) STORED"
        for name, expression in columns.items()
    ]
    clauses += [f"ALTER COLUMN {name} SET STORAGE MAIN" for name in inline]
    return f"ALTER TABLE {table} " + ", ".join(clauses)


def create_index_sql(name, table, expression: str, condition="") -> str:
    """A GIN index on ``expression`` (a tsvector column or ``document(...)``)."""
    where = f" WHERE {condition}" if condition else ""
    return f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression})){where}"


def set_timeout(cursor) -> None:
    """Stop each of this transaction's queries after TIMEOUT_MS (PostgreSQL) until
    ``reset``. Just-in-time compilation, which costs more than it saves on queries of a
    few milliseconds, is off."""
    cursor.execute(f"SET LOCAL statement_timeout = {TIMEOUT_MS}")
    cursor.execute("SET LOCAL jit = off")


def reset(cursor) -> None:
    """Back to the connection's settings for the rest of the transaction."""
    cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
    cursor.execute("SET LOCAL jit TO DEFAULT")


# Accent- and case-blind matching of short texts (names) ---------------------------------
#
# PostgreSQL: the simple configuration (unaccented, not stemmed), each word a prefix, on a
# GIN index of ``document(table, columns, NAMES)``. SQLite, which has neither unaccent nor
# a Unicode lower(): FOLD, a function of this module registered on each connection, folds
# the column and the words the same way, then each word is looked for inside the text.

FOLD = "chamber_fold"


def fold(text: str | None) -> str:
    """``text`` without accents nor case ("Hydrogène" → "hydrogene"); Korean syllables
    stay whole (decomposed to strip the marks, then composed again)."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped)


def register_fold(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: FOLD on every SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD, 1, fold, deterministic=True)


def names_match(table: str, columns: list[str], query: str) -> RawSQL:
    """A condition for ``filter()``: every word of ``query`` begins a word of ``columns``
    (PostgreSQL) or appears in them (SQLite), whatever the accents and the case."""
    terms = [term for term in query.split() if term][:8]
    if is_available():
        return matches([document(table, columns, NAMES)], NAMES, terms, prefix=True)
    text = " || ' ' || ".join(f'coalesce("{table}"."{column}", \'\')' for column in columns)
    conditions = [f"instr({FOLD}({text}), %s) > 0" for _term in terms] or ["1"]
    return RawSQL(
        " AND ".join(conditions), [fold(term) for term in terms], output_field=BooleanField()
    )
