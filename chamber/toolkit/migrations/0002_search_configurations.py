"""The text search configurations of the site search, on PostgreSQL (French and English
stemming, the simple one for Korean and names; accents ignored). Nothing on SQLite."""

from django.db import migrations

from chamber.toolkit.search import CREATE_CONFIGURATIONS


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_CONFIGURATIONS)


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0001_review")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop, elidable=False)]
