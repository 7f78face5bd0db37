"""The site search's text of the articles, on PostgreSQL, per language: columns
PostgreSQL computes on every write (unknown to Django's models, read by
chamber.site.search): search_fr, search_en, search_ko (title, lead and body; matched
through a GIN index over the articles visitors may see) and rank_fr, rank_en, rank_ko
(title and lead, weighted; read to rank the matches).
Nothing on SQLite."""

from django.db import migrations

from chamber.toolkit.search import (
    CONFIGURATIONS,
    create_index_sql,
    document,
    stored_columns_sql,
    weighted_document,
)

LANGUAGES = ("fr", "en", "ko")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    columns = {}
    for code in LANGUAGES:
        configuration = CONFIGURATIONS[code]
        text = [f"title_{code}", f"lead_{code}", f"body_{code}"]
        columns[f"search_{code}"] = document("news_article", text, configuration)
        weights = {f"title_{code}": "A", f"lead_{code}": "B"}
        columns[f"rank_{code}"] = weighted_document("news_article", weights, configuration)
    # Rows of up to 4 kB (the text in three languages and these vectors, but not the
    # bodies) stay whole in the table's pages: matching and ranking read one page per
    # article rather than several more in the overflow storage.
    schema_editor.execute("ALTER TABLE news_article SET (toast_tuple_target = 4080)")
    schema_editor.execute(stored_columns_sql("news_article", columns, inline=list(columns)))
    for code in LANGUAGES:
        schema_editor.execute(
            create_index_sql(
                f"article_search_{code}",
                "news_article",
                f"search_{code}",
                f"status = 'published' AND ready_{code}",
            )
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for code in LANGUAGES:
            schema_editor.execute(f"DROP INDEX IF EXISTS article_search_{code}")
            schema_editor.execute(f"ALTER TABLE news_article DROP COLUMN IF EXISTS search_{code}")
            schema_editor.execute(f"ALTER TABLE news_article DROP COLUMN IF EXISTS rank_{code}")
        schema_editor.execute("ALTER TABLE news_article RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_readiness_columns_and_list_indexes"),
        ("toolkit", "0002_search_configurations"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
