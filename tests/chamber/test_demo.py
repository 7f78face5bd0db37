"""The demo content loads, tells the seed's MOU, and a second load changes nothing."""

import pytest
from django.core.management import call_command

from chamber.models import Agreement, Organisation, Party, Signatory
from news.models import Article, Category


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Organisation, Agreement, Party, Signatory, Category, Article)
    } | {
        "articles": sorted(
            Article.objects.values_list("slug_fr", "title_en", "published_at", "image")
        ),
        "roles": sorted(Party.objects.values_list("role_fr", "role_en")),
    }


@pytest.mark.django_db
def test_demo_content_is_idempotent():
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


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


@pytest.mark.django_db
def test_demo_news_list_paginates_over_several_categories():
    call_command("load_demo")
    published = Article.objects.published()
    assert published.count() > 9  # the news list shows nine a page
    assert published.values("category").distinct().count() >= 3
    assert Article.objects.exclude(pk__in=published).exists()  # a draft and a scheduled one
