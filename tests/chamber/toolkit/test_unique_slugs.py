"""A slug is unique in its language, by the database: whatever writes the row (the admin,
the demo, a script), two pages never share an address."""

import pytest
from django.db import IntegrityError, transaction

from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    CategoryFactory,
    DelegationFactory,
    FairFactory,
)
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

FACTORIES = [ArticleFactory, CategoryFactory, AgreementFactory, FairFactory, DelegationFactory]


@pytest.mark.parametrize("factory", FACTORIES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_two_rows_cannot_share_a_slug_in_one_language(factory, language):
    factory(**{f"slug_{language}": "la-meme-adresse"})
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**{f"slug_{language}": "la-meme-adresse"})


@pytest.mark.parametrize("factory", FACTORIES)
def test_the_same_slug_in_two_languages_is_two_addresses(factory):
    factory(slug_fr="busan", slug_en="busan-en")
    assert factory(slug_fr="busan-fr", slug_en="busan").pk


@pytest.mark.parametrize("factory", FACTORIES)
def test_rows_without_a_slug_in_a_language_do_not_collide(factory):
    first = factory(slug_en="")
    second = factory(slug_en="")
    assert first.pk != second.pk
