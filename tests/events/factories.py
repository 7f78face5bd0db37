"""Factories of the chamber's own events and of the organiser's questions."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from chamber.toolkit.publication import PublicationStatus
from events.models import Event, Question


class EventFactory(factory.django.DjangoModelFactory):
    """A published networking evening in Seoul in three weeks, open for registration."""

    class Meta:
        model = Event

    kind = Event.Kind.NETWORKING
    title_fr = factory.Sequence(lambda n: f"Soirée numéro {n}")
    title_en = factory.Sequence(lambda n: f"Evening number {n}")
    title_ko = factory.Sequence(lambda n: f"저녁 모임 {n}")
    slug_fr = factory.Sequence(lambda n: f"soiree-{n}")
    slug_en = factory.Sequence(lambda n: f"evening-{n}")
    slug_ko = factory.Sequence(lambda n: f"저녁-모임-{n}")
    summary_fr = "Une soirée entre membres."
    summary_en = "An evening among members."
    summary_ko = "회원 교류의 밤."
    status = PublicationStatus.PUBLISHED
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=21)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
    time_zone = "Asia/Seoul"
    venue_name_fr = "Hôtel de la rivière"
    venue_name_en = "River Hotel"
    venue_name_ko = "리버 호텔"
    street_address = "120 Hangang-daero, Yongsan-gu"
    postal_code = "04376"
    locality = "Seoul"
    country = "KR"
    audience = Event.Audience.MEMBERS_AND_GUESTS
    price_members = Decimal("30000")
    price_non_members = Decimal("50000")
    currency = "KRW"
    capacity = 10
    registration_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=7)
    )
    registration_closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=20)
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
            online_url="https://meet.example.com/secret-room",
        )
        past = factory.Trait(
            starts_at=factory.LazyFunction(
                lambda: (timezone.now() - datetime.timedelta(days=30)).replace(
                    hour=10, minute=0, second=0, microsecond=0
                )
            ),
            registration_opens_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(days=60)
            ),
            registration_closes_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(days=31)
            ),
        )
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


class QuestionFactory(factory.django.DjangoModelFactory):
    """A required short question of an event (``delegation=..., event=None`` for a
    delegation's)."""

    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    kind = Question.Kind.SHORT_TEXT
    label_fr = factory.Sequence(lambda n: f"Question {n} ?")
    label_en = factory.Sequence(lambda n: f"Question {n}?")
    label_ko = factory.Sequence(lambda n: f"질문 {n}?")
    required = True
    position = factory.Sequence(lambda n: n)
