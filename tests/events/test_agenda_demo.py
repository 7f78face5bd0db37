"""The demo's events: a networking evening in Seoul, a webinar, the general meeting and
a past seminar; the Maison & Objet delegation's questions, answers and attendees."""

import pytest
from django.core.cache import cache

from events.demo.loader import load, pitch_deck
from events.models import Answer, Attendee, Delegation, Event, Question, Registration
from tests.events.test_demo import snapshot
from tests.support.htmlpage import url_in

pytestmark = pytest.mark.django_db


def full_snapshot():
    return {
        **snapshot(),
        "events": sorted(
            Event.objects.values_list(
                "id", "slug_en", "starts_at", "registration_opens_at", "updated_at"
            )
        ),
        "questions": sorted(Question.objects.values_list("id", "kind", "label_en")),
        "answers": sorted(Answer.objects.values_list("id", "registration_id", "value", "file")),
        "attendees": sorted(Attendee.objects.values_list("id", "registration_id", "name")),
    }


def test_loading_twice_adds_and_changes_nothing():
    load()
    first = full_snapshot()
    load()
    assert full_snapshot() == first
    assert Event.objects.count() == 4


def test_the_events_of_the_demo():
    load()
    evening = Event.objects.get(kind=Event.Kind.NETWORKING)
    assert evening.locality == "Seoul" and evening.street_address and evening.postal_code
    assert evening.country == "KR" and evening.time_zone == "Asia/Seoul"
    assert evening.registration_is_open and evening.image
    assert {code for code in ("fr", "en", "ko") if evening.is_ready_in(code)} == {"fr", "en", "ko"}
    webinar = Event.objects.get(kind=Event.Kind.WEBINAR)
    assert webinar.is_online and webinar.registration_is_open
    meeting = Event.objects.get(kind=Event.Kind.GENERAL_MEETING)
    assert meeting.audience == Event.Audience.MEMBERS and meeting.price_non_members is None
    assert meeting.registration_is_not_open_yet
    assert Event.objects.get(kind=Event.Kind.SEMINAR).is_past
    for event in Event.objects.all():
        for field in ("title", "slug", "summary"):
            assert all(getattr(event, f"{field}_{code}") for code in ("fr", "en", "ko")), field
    # People named in the evening's registrations take their seats.
    for registration in evening.registrations.all():
        assert registration.seats == registration.attendees.count()


def test_the_delegation_asks_for_a_pitch_deck_and_a_product_family_and_has_every_status():
    load()
    delegation = Delegation.objects.get(slug_en__startswith="korean-startups-maison-objet")
    deck, product = delegation.questions.order_by("position")
    assert deck.kind == Question.Kind.FILE and deck.required
    assert product.kind == Question.Kind.SINGLE_CHOICE
    for code in ("fr", "en", "ko"):
        assert getattr(deck, f"label_{code}") and getattr(product, f"label_{code}")
        assert len(getattr(product, f"choices_{code}").splitlines()) == 5
    registrations = delegation.registrations.all()
    assert {registration.status for registration in registrations} == set(
        Registration.Status.values
    )
    for registration in registrations:
        answers = {answer.kind: answer for answer in registration.answers.all()}
        language = registration.language
        assert (
            answers["single_choice"].value in getattr(product, f"choices_{language}").splitlines()
        )
        assert answers["single_choice"].label == getattr(product, f"label_{language}")
        with answers["file"].file.open("rb") as file:
            assert file.read(5) == b"%PDF-"
        assert registration.attendees.exists()


def test_the_pitch_deck_is_a_well_formed_pdf():
    document = pitch_deck("Hanji Atelier")
    assert document.startswith(b"%PDF-1.4\n") and document.rstrip().endswith(b"%%EOF")
    # The cross-reference table gives each object's offset.
    xref_at = int(document.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert document[xref_at:].startswith(b"xref\n0 6\n")
    offsets = [int(line[:10]) for line in document[xref_at:].split(b"\n")[3:8]]
    for number, offset in enumerate(offsets, start=1):
        assert document[offset:].startswith(b"%d 0 obj" % number)
    assert b"(Hanji Atelier - pitch deck)" in document


@pytest.mark.parametrize("language", ["fr", "en", "ko"])
def test_the_agenda_of_the_demo(client, language):
    load()
    cache.clear()
    response = client.get(url_in(language, "events:agenda"))
    kinds = [entry.kind for entry in response.context["entries"]]
    assert kinds.count("delegation") == 1
    assert {"networking", "webinar", "general_meeting"} <= set(kinds)
    past = client.get(url_in(language, "events:agenda-past")).context["entries"]
    assert {entry.kind for entry in past} == {"seminar", "delegation"}
