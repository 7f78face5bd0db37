"""Events, questions and what hangs on them, for the tests of the registration engine."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from chamber.toolkit.publication import PublicationStatus
from events.models import Event, Question


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = Event.Kind.NETWORKING
    title_fr = factory.Sequence(lambda n: f"Soirée d'affaires {n}")
    title_en = factory.Sequence(lambda n: f"Business evening {n}")
    title_ko = factory.Sequence(lambda n: f"비즈니스 저녁 {n}")
    slug_fr = factory.Sequence(lambda n: f"soiree-{n}")
    slug_en = factory.Sequence(lambda n: f"evening-{n}")
    slug_ko = factory.Sequence(lambda n: f"저녁-{n}")
    summary_fr = "Rencontrez les membres de la chambre."
    summary_en = "Meet the chamber's members."
    summary_ko = "상공회의소 회원들을 만나보세요."
    status = PublicationStatus.PUBLISHED
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=20)).replace(
            hour=9, minute=30, second=0, microsecond=0
        )
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
    time_zone = "Asia/Seoul"
    venue_name_fr = "Hôtel Lotte"
    venue_name_en = "Lotte Hotel"
    venue_name_ko = "롯데호텔"
    street_address = "30 Eulji-ro"
    postal_code = "04533"
    locality = "Seoul"
    country = "KR"
    event_language = "en"
    audience = Event.Audience.PUBLIC
    price_members = Decimal("50000")
    price_non_members = Decimal("80000")
    currency = "KRW"
    capacity = 10
    registration_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=7)
    )
    registration_closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=15)
    )
    contact_email = "events@example.org"

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)
        online = factory.Trait(
            kind=Event.Kind.WEBINAR,
            venue_name_fr="",
            venue_name_en="",
            venue_name_ko="",
            street_address="",
            postal_code="",
            locality="",
            country="",
            online_url="https://meet.example.com/chamber-webinar",
        )
        closed = factory.Trait(
            registration_opens_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(days=30)
            ),
            registration_closes_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(days=1)
            ),
        )


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question of an event (pass ``delegation=..., event=None`` for a delegation)."""

    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    kind = Question.Kind.SHORT_TEXT
    label_fr = factory.Sequence(lambda n: f"Question {n} ?")
    label_en = factory.Sequence(lambda n: f"Question {n}?")
    label_ko = factory.Sequence(lambda n: f"질문 {n}?")
    required = True
    position = factory.Sequence(lambda n: n)
