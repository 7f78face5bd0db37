"""GIN indexes of the member search, one per language, on PostgreSQL (the expressions are
those of chamber.site.search). Nothing on SQLite."""

from django.db import migrations

from chamber.toolkit.search import CONFIGURATIONS, create_index_sql, document

LANGUAGES = ("fr", "en", "ko")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGES:
        columns = [f"name_{code}", "short_name", f"sector_{code}", f"description_{code}"]
        schema_editor.execute(
            create_index_sql(
                f"organisation_search_{code}",
                "chamber_organisation",
                document("chamber_organisation", columns, CONFIGURATIONS[code]),
                f"status = 'published' AND ready_{code}",
            )
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for code in LANGUAGES:
            schema_editor.execute(f"DROP INDEX IF EXISTS organisation_search_{code}")


class Migration(migrations.Migration):
    dependencies = [
        ("chamber", "0004_readiness_columns"),
        ("toolkit", "0002_search_configurations"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
