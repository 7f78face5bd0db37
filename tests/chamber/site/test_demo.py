"""The demo content loads, tells the seed's MOU, and a second load changes nothing."""

import datetime

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command

from chamber.models import Agreement
from news.models import Article

DEMO_APPS = ("chamber", "news", "events", "partners", "publications")


def snapshot() -> dict[str, list[dict]]:
    """Every row of every table of the demo's apps (many-to-many tables included), every
    column (``updated_at`` included)."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in DEMO_APPS
    }


@pytest.mark.django_db
def test_a_second_load_writes_nothing():
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, tzinfo=datetime.UTC)) as clock:
        call_command("load_demo")
        first = snapshot()
        # Later the same day: an update_or_create would rewrite every updated_at.
        clock.shift(datetime.timedelta(hours=2))
        call_command("load_demo")
        second = snapshot()
    demo_tables = ("chamber.Organisation", "news.Article", "partners.Partner")
    assert all(first[label] for label in (*demo_tables, "publications.Publication"))
    assert second == first


@pytest.mark.django_db
def test_demo_content_tells_the_busan_mou():
    call_command("load_demo")
    agreement = Agreement.objects.get(slug_en="busan-future-car-ecosystem-mou")
    assert agreement.place_en == "Eurasia Platform, Busan Station"
    parties = [party.organisation.name_en for party in agreement.parties.all()]
    assert parties == [
        "Renault Korea Motors",
        "Busan Metropolitan City",
        "Busan Autoparts Industries Cooperative Association",
        "South East Alliance of the Industry Academy Cooperation Foundation",
        "Busan Techno Park",
    ]
    assert all(party.role_fr and party.role_en for party in agreement.parties.all())
    signatories = {(s.name, s.organisation.slug) for s in agreement.signatories.all()}
    assert signatories == {
        ("Stéphane Deblaise", "renault-korea-motors"),
        ("Park Heong-joon", "busan-metropolitan-city"),
        ("Kim Hyung-gyun", "busan-techno-park"),
    }
    article = Article.objects.get(agreement=agreement)
    assert article.is_public and article.image
    assert article.title_fr != article.title_en
    # Signed by a person (the byline and the structured data name her).
    assert article.author_name == "Claire Moreau"
    assert not article.author.is_active


@pytest.mark.django_db
def test_demo_news_list_paginates_over_several_categories():
    call_command("load_demo")
    published = Article.objects.published()
    assert published.count() > 9  # the news list shows nine a page
    assert published.values("category").distinct().count() >= 3
    assert Article.objects.exclude(pk__in=published).exists()  # a draft and a scheduled one
