"""A fair's place becomes a structured address, as an event's: the venue's name
(translated), street address, postal code, city and the country's ISO 3166 code.

The city and the country were free text in each language. The city is kept in English,
else French, else Korean (the Latin spelling addresses use: Seoul, not Séoul); the
country's name, in any of the three languages or a usual short form (Corée, Korea,
한국 ...), becomes its two-letter code. A name that is not a country leaves the code
empty, for staff to fill in. Going back writes the city in every language and the
country's name in each.
"""

import unicodedata

from babel import Locale
from django.db import migrations, models

LANGUAGES = ("fr", "en", "ko")

# Short or usual names that are not the ones CLDR gives (in the form ``_key`` reads).
ALIASES = {
    "korea": "KR",
    "republic of korea": "KR",
    "rok": "KR",
    "coree": "KR",
    "republique de coree": "KR",
    "한국": "KR",
    "남한": "KR",
    "usa": "US",
    "us": "US",
    "etats-unis d'amerique": "US",
    "미국": "US",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "angleterre": "GB",
    "영국": "GB",
    "holland": "NL",
    "hollande": "NL",
    "china": "CN",
    "chine": "CN",
}


def _key(name: str) -> str:
    """A country's name without case, accents or extra spaces, with plain apostrophes."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().replace(".", "").split())


def country_codes() -> dict[str, str]:
    """Every country's name in the site's languages (CLDR, by babel) and the usual
    aliases, each with its code. Only two-letter codes: CLDR's numeric regions
    (Europe, the world ...) are not countries."""
    codes = {}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                codes.setdefault(_key(name), code)
    codes.update({_key(alias): code for alias, code in ALIASES.items()})
    return codes


def country_code(names, codes: dict[str, str]) -> str:
    """The code of the first of ``names`` (a country's name in some language, or its
    code) that names a country; empty if none does."""
    for name in names:
        code = codes.get(_key(name or ""))
        if code:
            return code
        if name and len(name.strip()) == 2 and name.strip().isalpha():
            candidate = name.strip().upper()
            if candidate in codes.values():
                return candidate
    return ""


def to_address(apps, schema_editor):
    Fair = apps.get_model("events", "Fair")
    codes = country_codes()
    for fair in Fair.objects.all():
        cities = [getattr(fair, f"city_{language}") for language in ("en", "fr", "ko")]
        fair.locality = next((city.strip() for city in [*cities, fair.city] if city), "")
        countries = [fair.country, *(getattr(fair, f"country_{lang}") for lang in LANGUAGES)]
        fair.country_code = country_code(countries, codes)
        fair.save(update_fields=["locality", "country_code"])


def to_free_text(apps, schema_editor):
    Fair = apps.get_model("events", "Fair")
    for fair in Fair.objects.all():
        fair.city = fair.locality
        fair.country = fair.country_code
        for language in LANGUAGES:
            setattr(fair, f"city_{language}", fair.locality)
            name = Locale.parse(language).territories.get(fair.country_code, fair.country_code)
            setattr(fair, f"country_{language}", name)
        fair.save()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_attendee_checkin_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="fair",
            name="organiser_name",
            field=models.CharField(
                blank=True,
                help_text="The company or body that runs the fair, as search engines should name it.",
                max_length=200,
                verbose_name="organiser",
            ),
        ),
        migrations.RenameField("fair", "venue", "venue_name"),
        migrations.RenameField("fair", "venue_fr", "venue_name_fr"),
        migrations.RenameField("fair", "venue_en", "venue_name_en"),
        migrations.RenameField("fair", "venue_ko", "venue_name_ko"),
        migrations.AddField(
            model_name="fair",
            name="street_address",
            field=models.CharField(blank=True, max_length=255, verbose_name="street address"),
        ),
        migrations.AddField(
            model_name="fair",
            name="postal_code",
            field=models.CharField(blank=True, max_length=20, verbose_name="postal code"),
        ),
        migrations.AddField(
            model_name="fair",
            name="locality",
            field=models.CharField(blank=True, max_length=120, verbose_name="city"),
        ),
        migrations.AddField(
            model_name="fair",
            name="country_code",
            field=models.CharField(blank=True, max_length=2),
        ),
        # The old columns may be empty when going back.
        migrations.AlterField(
            model_name="fair",
            name="city",
            field=models.CharField(blank=True, max_length=120, verbose_name="city"),
        ),
        migrations.AlterField(
            model_name="fair",
            name="country",
            field=models.CharField(blank=True, max_length=120, verbose_name="country"),
        ),
        migrations.RunPython(to_address, to_free_text, elidable=False),
        migrations.RemoveField("fair", "city"),
        migrations.RemoveField("fair", "city_fr"),
        migrations.RemoveField("fair", "city_en"),
        migrations.RemoveField("fair", "city_ko"),
        migrations.RemoveField("fair", "country"),
        migrations.RemoveField("fair", "country_fr"),
        migrations.RemoveField("fair", "country_en"),
        migrations.RemoveField("fair", "country_ko"),
        migrations.RenameField("fair", "country_code", "country"),
        migrations.AlterField(
            model_name="fair",
            name="country",
            field=models.CharField(
                blank=True,
                help_text="Two-letter code: KR, FR ...",
                max_length=2,
                verbose_name="country",
            ),
        ),
    ]
