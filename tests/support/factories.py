"""factory_boy factories for the chamber, news and events models."""

import datetime
import io
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from chamber.models import Agreement, Organisation, Party, Signatory
from chamber.partners.models import Partner
from chamber.publications.models import Publication
from chamber.toolkit.demo import pdf_document
from chamber.toolkit.publication import PublicationStatus
from events.models import Delegation, Fair, Registration, RegistrationStatusChange
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
    name_ko = factory.Sequence(lambda n: f"회사 {n}")
    slug = factory.Sequence(lambda n: f"company-{n}")
    status = PublicationStatus.PUBLISHED
    kind = Organisation.Kind.COMPANY
    membership = Organisation.Membership.MEMBER
    sector_fr = "Automobile"
    sector_en = "Automotive"
    sector_ko = "자동차"
    city_fr = "Busan"
    city_en = "Busan"
    city_ko = "부산"

    class Params:
        with_logo = factory.Trait(
            logo=factory.django.ImageField(filename="logo.png", width=240, height=120)
        )


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    title_fr = factory.Sequence(lambda n: f"Protocole d'accord {n}")
    title_en = factory.Sequence(lambda n: f"Memorandum of understanding {n}")
    slug_fr = factory.Sequence(lambda n: f"protocole-{n}")
    slug_en = factory.Sequence(lambda n: f"mou-{n}")
    title_ko = factory.Sequence(lambda n: f"업무협약 {n}")
    slug_ko = factory.Sequence(lambda n: f"업무협약-{n}")
    status = PublicationStatus.PUBLISHED
    signed_on = datetime.date(2022, 6, 15)
    place_fr = "Plateforme Eurasie, gare de Busan"
    place_en = "Eurasia Platform, Busan Station"
    place_ko = "부산역 유라시아 플랫폼"
    summary_fr = "Un partenariat public-privé-université."
    summary_en = "A public, industry and academia partnership."
    summary_ko = "민관학 협력."

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    agreement = factory.SubFactory(AgreementFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role_fr = factory.Sequence(lambda n: f"Rôle engagé {n}")
    role_en = factory.Sequence(lambda n: f"Committed role {n}")
    role_ko = factory.Sequence(lambda n: f"약속한 역할 {n}")
    position = factory.Sequence(lambda n: n)


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    agreement = factory.SubFactory(AgreementFactory)
    name = factory.Sequence(lambda n: f"Signataire {n}")
    title_fr = "Directeur général"
    title_en = "Chief executive officer"
    title_ko = "대표이사"
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
    name_ko = factory.Sequence(lambda n: f"분류 {n}")
    slug_ko = factory.Sequence(lambda n: f"분류-{n}")
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
    title_ko = factory.Sequence(lambda n: f"기사 {n}")
    slug_ko = factory.Sequence(lambda n: f"기사-{n}")
    lead_ko = "한국어 리드."
    key_points_ko = "첫째\n둘째"
    body_ko = "<p>기사 본문.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
        )
        with_image = factory.Trait(
            image=factory.django.ImageField(filename="photo.png", width=320, height=180),
            image_alt_fr="Une photo de la signature",
            image_alt_en="A photo of the signing",
            image_alt_ko="서명식 사진",
            image_caption_fr="La signature à Busan",
            image_caption_en="The signing in Busan",
            image_caption_ko="부산에서의 서명",
            image_credit="FKCCI",
        )

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)


# events ---------------------------------------------------------------------------------
# Fairs, delegations and registrations (owned by the events app).


class FairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fair

    name_fr = factory.Sequence(lambda n: f"Salon numéro {n}")
    name_en = factory.Sequence(lambda n: f"Fair number {n}")
    slug_fr = factory.Sequence(lambda n: f"salon-{n}")
    slug_en = factory.Sequence(lambda n: f"fair-{n}")
    name_ko = factory.Sequence(lambda n: f"박람회 {n}")
    slug_ko = factory.Sequence(lambda n: f"박람회-{n}")
    status = PublicationStatus.PUBLISHED
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    ends_on = factory.LazyAttribute(lambda fair: fair.starts_on + datetime.timedelta(days=4))
    venue_name_fr = "Parc des expositions Paris Nord Villepinte"
    venue_name_en = "Paris Nord Villepinte exhibition centre"
    venue_name_ko = "파리 노르 빌팽트 전시장"
    street_address = "ZAC Paris Nord 2"
    postal_code = "93420"
    locality = "Villepinte"
    country = "FR"
    organiser_name = "SAFI"
    website = "https://fair.example.com/"
    description_fr = "Un salon de la décoration et du design."
    description_en = "A fair for decoration and design."
    description_ko = "장식과 디자인 박람회."

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)
        with_image = factory.Trait(
            image=factory.django.ImageField(filename="fair.png", width=1600, height=1000),
            image_alt_fr="Le hall du salon",
            image_alt_en="The fair's hall",
            image_alt_ko="박람회장 전경",
        )
        past = factory.Trait(
            starts_on=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=120)
            )
        )


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    fair = factory.SubFactory(FairFactory)
    title_fr = factory.Sequence(lambda n: f"Délégation numéro {n}")
    title_en = factory.Sequence(lambda n: f"Delegation number {n}")
    slug_fr = factory.Sequence(lambda n: f"delegation-fr-{n}")
    slug_en = factory.Sequence(lambda n: f"delegation-en-{n}")
    title_ko = factory.Sequence(lambda n: f"대표단 {n}")
    slug_ko = factory.Sequence(lambda n: f"대표단-{n}")
    status = PublicationStatus.PUBLISHED
    summary_fr = "Des startups coréennes au salon."
    summary_en = "Korean startups at the fair."
    audience_fr = "Les startups coréennes du design."
    audience_en = "Korean design startups."
    offer_fr = "Un stand partagé\nDes rendez-vous d'affaires"
    offer_en = "A shared stand\nBusiness meetings"
    fee = Decimal("1500.00")
    currency = "EUR"
    fee_details_fr = "par entreprise"
    fee_details_en = "per company"
    summary_ko = "박람회의 한국 스타트업."
    audience_ko = "한국 디자인 스타트업."
    offer_ko = "공동 부스\n비즈니스 미팅"
    fee_details_ko = "기업당"
    capacity = 10
    registration_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=7)
    )
    registration_closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=30)
    )
    contact_email = "delegations@example.org"

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)
        not_open = factory.Trait(
            registration_opens_at=factory.LazyFunction(
                lambda: timezone.now() + datetime.timedelta(days=3)
            )
        )
        closed = factory.Trait(
            registration_opens_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(days=30)
            ),
            registration_closes_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(days=1)
            ),
        )


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration written directly (no service, no e-mail): for fixtures only."""

    class Meta:
        model = Registration

    delegation = factory.SubFactory(DelegationFactory)
    company_name = factory.Sequence(lambda n: f"Startup {n} Co.")
    contact_name = factory.Sequence(lambda n: f"Kim Min-{n}")
    email = factory.Sequence(lambda n: f"startup{n}@example.com")
    phone = "+82 10 1234 5678"
    website = "https://startup.example.com/"
    sector = "Design"
    pitch = "We make lamps of hanji paper."
    consent = True
    consented_at = factory.LazyFunction(timezone.now)
    language = "en"
    status = Registration.Status.SUBMITTED


class RegistrationStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationStatusChange

    registration = factory.SubFactory(RegistrationFactory)
    from_status = ""
    to_status = Registration.Status.SUBMITTED


# partners and publications


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name_fr = factory.Sequence(lambda n: f"Partenaire {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")
    name_ko = factory.Sequence(lambda n: f"파트너 {n}")
    logo = factory.LazyFunction(lambda: image_file("partner.png", size=(400, 200)))
    link = "https://partner.example"


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title_fr = factory.Sequence(lambda n: f"Étude {n}")
    title_en = factory.Sequence(lambda n: f"Study {n}")
    title_ko = factory.Sequence(lambda n: f"연구 {n}")
    slug_fr = factory.Sequence(lambda n: f"etude-{n}")
    slug_en = factory.Sequence(lambda n: f"study-{n}")
    slug_ko = factory.Sequence(lambda n: f"연구-{n}")
    summary_fr = "Résumé"
    summary_en = "Summary"
    summary_ko = "요약"
    status = PublicationStatus.PUBLISHED
    file = factory.LazyFunction(
        lambda: SimpleUploadedFile("study.pdf", pdf_document("Study", ["One page."]).read())
    )

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)
