"""Indexes of the member directory, one per language: the order by name and the equality
filters on sector and city (both databases), and on PostgreSQL the GIN index of the
accent-blind name search (the expression of ``chamber.toolkit.search.names_match``)."""

from django.db import migrations

from chamber.toolkit.search import NAMES, create_index_sql, document

LANGUAGES = ("fr", "en", "ko")
TABLE = "chamber_organisation"


def visible(code: str) -> str:
    return f"status = 'published' AND ready_{code}"


def create(apps, schema_editor):
    for code in LANGUAGES:
        for field in ("name", "sector", "city"):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS organisation_{field}_{code} "
                f"ON {TABLE} ({field}_{code}, id) WHERE {visible(code)}"
            )
        if schema_editor.connection.vendor == "postgresql":
            expression = document(TABLE, [f"name_{code}", "short_name"], NAMES)
            schema_editor.execute(
                create_index_sql(f"organisation_names_{code}", TABLE, expression, visible(code))
            )


def drop(apps, schema_editor):
    for code in LANGUAGES:
        for name in ("name", "sector", "city", "names"):
            schema_editor.execute(f"DROP INDEX IF EXISTS organisation_{name}_{code}")


class Migration(migrations.Migration):
    dependencies = [("chamber", "0007_membership_applications")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
