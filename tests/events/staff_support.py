"""Factories and helpers for the staff tests (admin review, exports, check-in): the
chamber's events, questions, answers and attendees, and staff members by role."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation

from chamber.site.staff_groups import setup_staff_groups
from chamber.toolkit.publication import PublicationStatus
from events.models import Answer, Attendee, Event, Question, Registration
from tests.support.factories import RegistrationFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = Event.Kind.NETWORKING
    title_fr = factory.Sequence(lambda n: f"Soirée réseau {n}")
    title_en = factory.Sequence(lambda n: f"Networking evening {n}")
    title_ko = factory.Sequence(lambda n: f"네트워킹의 밤 {n}")
    slug_fr = factory.Sequence(lambda n: f"soiree-reseau-{n}")
    slug_en = factory.Sequence(lambda n: f"networking-evening-{n}")
    slug_ko = factory.Sequence(lambda n: f"네트워킹-{n}")
    status = PublicationStatus.PUBLISHED
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
    time_zone = "Asia/Seoul"
    venue_name_fr = "Hôtel Shilla"
    locality = "Seoul"
    country = "KR"
    capacity = 50
    registration_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=7)
    )
    registration_closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=15)
    )
    contact_email = "events@example.org"


class EventRegistrationFactory(RegistrationFactory):
    delegation = None
    event = factory.SubFactory(EventFactory)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    kind = Question.Kind.SHORT_TEXT
    label_fr = factory.Sequence(lambda n: f"Question {n} ?")
    label_en = factory.Sequence(lambda n: f"Question {n}?")
    label_ko = factory.Sequence(lambda n: f"질문 {n}?")
    position = factory.Sequence(lambda n: n)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    label = factory.LazyAttribute(lambda answer: answer.question.label if answer.question else "")
    kind = factory.LazyAttribute(
        lambda answer: answer.question.kind if answer.question else Question.Kind.SHORT_TEXT
    )
    position = factory.LazyAttribute(
        lambda answer: answer.question.position if answer.question else 0
    )


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    registration = factory.SubFactory(RegistrationFactory)
    name = factory.Sequence(lambda n: f"Attendee {n}")
    position = 0


def with_contact(registration: Registration, **fields) -> Attendee:
    """The registration's contact as its first attendee."""
    return AttendeeFactory(
        registration=registration,
        name=fields.pop("name", registration.contact_name),
        email=registration.email,
        **fields,
    )


def group_name(english: str) -> str:
    with translation.override("fr"):
        return translation.gettext(english)


def staff_member(username: str, *, group: str | None = None, permissions=()):
    """A staff member in ``group`` (its English name) or holding ``permissions``
    ("app.codename")."""
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "x", is_staff=True, first_name=username.title()
    )
    if group:
        setup_staff_groups()
        user.groups.add(Group.objects.get(name=group_name(group)))
    for code in permissions:
        app_label, codename = code.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user
