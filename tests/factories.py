"""factory_boy factories for the chamber, news and events models."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from chamber.models import Agreement, Organisation, Party, Signatory
from news.models import Article, Category


def image_file(name="image.png", size=(64, 36), color=(11, 42, 74), fmt="PNG"):
    """A small real image, made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


# chamber


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_fr = factory.Sequence(lambda n: f"Entreprise {n}")
    name_en = factory.Sequence(lambda n: f"Company {n}")
    slug = factory.Sequence(lambda n: f"company-{n}")
    kind = Organisation.Kind.COMPANY
    membership = Organisation.Membership.MEMBER
    sector_fr = "Automobile"
    sector_en = "Automotive"
    city_fr = "Busan"
    city_en = "Busan"


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    title_fr = factory.Sequence(lambda n: f"Protocole d'accord {n}")
    title_en = factory.Sequence(lambda n: f"Memorandum of understanding {n}")
    slug_fr = factory.Sequence(lambda n: f"protocole-{n}")
    slug_en = factory.Sequence(lambda n: f"mou-{n}")
    signed_on = datetime.date(2022, 6, 15)
    place_fr = "Plateforme Eurasie, gare de Busan"
    place_en = "Eurasia Platform, Busan Station"
    summary_fr = "Un partenariat public-privé-université."
    summary_en = "A public, industry and academia partnership."


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    agreement = factory.SubFactory(AgreementFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role_fr = factory.Sequence(lambda n: f"Rôle engagé {n}")
    role_en = factory.Sequence(lambda n: f"Committed role {n}")
    position = factory.Sequence(lambda n: n)


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    agreement = factory.SubFactory(AgreementFactory)
    name = factory.Sequence(lambda n: f"Signataire {n}")
    title_fr = "Directeur général"
    title_en = "Chief executive officer"
    organisation = factory.SubFactory(OrganisationFactory)
    position = factory.Sequence(lambda n: n)


# news


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug_fr = factory.Sequence(lambda n: f"categorie-{n}")
    slug_en = factory.Sequence(lambda n: f"category-{n}")
    position = factory.Sequence(lambda n: n)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title_fr = factory.Sequence(lambda n: f"Article numéro {n}")
    title_en = factory.Sequence(lambda n: f"Article number {n}")
    slug_fr = factory.Sequence(lambda n: f"article-numero-{n}")
    slug_en = factory.Sequence(lambda n: f"article-number-{n}")
    lead_fr = "Un chapeau en français."
    lead_en = "A lead in English."
    key_points_fr = "Premier point\nDeuxième point"
    key_points_en = "First point\nSecond point"
    body_fr = "<p>Le corps de l'article.</p>"
    body_en = "<p>The body of the article.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)
