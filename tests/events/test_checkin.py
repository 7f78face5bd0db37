"""Check-in at the door: the list (search, tick present, undo, permission), the printable
list and badges (PDF), the QR code of an accepted registration."""

import io

import pypdf
import pytest
import segno
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from chamber.toolkit.mail import site_url
from events import checkin, links
from events.models import Attendee, Registration
from events.templatetags.checkin_tags import registration_qr, registration_qr_url
from tests.events.staff_support import (
    AttendeeFactory,
    EventFactory,
    EventRegistrationFactory,
    staff_member,
    with_contact,
)
from tests.support.factories import DelegationFactory, RegistrationFactory
from tests.support.htmlpage import Page

pytestmark = pytest.mark.django_db
Status = Registration.Status


def checkin_url(occasion, name="checkin", *args) -> str:
    meta = occasion._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{name}", args=[occasion.pk, *args])


@pytest.fixture
def event():
    """A networking evening: two accepted companies (one with two people), one awaiting
    review, one wait-listed and one cancelled (not expected)."""
    event = EventFactory(title_en="Networking evening in Seoul", title_fr="Soirée à Séoul")
    hanji = EventRegistrationFactory(event=event, company_name="Hanji Atelier")
    hanji.status = Status.ACCEPTED
    hanji.save()
    with_contact(hanji, name="Kim Min-ji", job_title="CEO")
    AttendeeFactory(registration=hanji, name="Élodie Park", position=1)
    moa = EventRegistrationFactory(event=event, company_name="Moa Home", status=Status.ACCEPTED)
    with_contact(moa, name="Lee Seo-yeon")
    waiting = EventRegistrationFactory(event=event, status=Status.SUBMITTED, company_name="Bom")
    with_contact(waiting, name="Choi Ha-eun")
    listed = EventRegistrationFactory(
        event=event, status=Status.WAITLISTED, company_name="Far Behind"
    )
    with_contact(listed, name="Not Expected")
    gone = EventRegistrationFactory(event=event, status=Status.CANCELLED, company_name="Gone")
    with_contact(gone, name="Cancelled Person")
    return event


@pytest.fixture
def door(client):
    """A staff member who only checks people in."""
    client.force_login(staff_member("door", permissions=["events.checkin_attendee"]))
    return client


def names(response) -> list[str]:
    return [
        item.find("span", **{"class": "checkin-name"}).text
        for item in Page(response).one(id="checkin-list").find_all("li")
        if item.get("id", "").startswith("attendee-")
    ]


class TestList:
    def test_the_people_expected_with_counts(self, door, event):
        response = door.get(checkin_url(event), headers={"accept-language": "en"})
        assert response.status_code == 200
        assert names(response) == [
            "Choi Ha-eun",
            "Élodie Park",
            "Kim Min-ji",
            "Lee Seo-yeon",
        ] or names(response) == ["Choi Ha-eun", "Kim Min-ji", "Lee Seo-yeon", "Élodie Park"]
        counts = Page(response).one(id="checkin-counts").text
        assert "0" in counts and "4 expected" in counts
        content = response.content.decode()
        assert "Not Expected" not in content and "Cancelled Person" not in content
        # A registration still in review is flagged.
        assert "registration-status-submitted" in content
        assert response["Cache-Control"].startswith("max-age=0")

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("kim", ["Kim Min-ji"]),
            ("hanji", ["Élodie Park", "Kim Min-ji"]),
            ("MOA home", ["Lee Seo-yeon"]),
            ("park hanji", ["Élodie Park"]),
            ("nobody", []),
        ],
    )
    def test_search_by_name_or_company(self, door, event, query, expected):
        response = door.get(checkin_url(event), {"q": query})
        assert sorted(names(response)) == sorted(expected)
        # The search is a plain GET form: it works without JavaScript.
        form = Page(response).one("form", role="search")
        assert form.get("method") == "get"
        assert form.find("input", name="q").get("value") == query

    def test_tick_present_and_undo_return_to_the_same_list(self, door, event):
        attendee = Attendee.objects.get(name="Kim Min-ji")
        listing = checkin_url(event) + "?q=hanji"
        page = Page(door.get(listing))
        form = page.one("form", action=checkin_url(event, "checkin_mark", attendee.pk))
        assert form.get("method") == "post"
        assert form.find("input", name="csrfmiddlewaretoken") is not None
        assert form.find("input", name="next").get("value") == listing

        arrival = timezone.make_aware(timezone.datetime(2026, 12, 1, 19, 5))
        with time_machine.travel(arrival, tick=False):
            response = door.post(
                checkin_url(event, "checkin_mark", attendee.pk),
                {"present": "1", "next": listing},
                headers={"accept-language": "en"},
            )
        assert response.status_code == 302
        assert response["Location"] == f"{listing}#attendee-{attendee.pk}"
        attendee.refresh_from_db()
        assert attendee.checked_in_at == arrival

        after = door.get(listing, headers={"accept-language": "en"})
        assert "Kim Min-ji is marked present." in [str(m) for m in after.context["messages"]]
        row = Page(after).one(id=f"attendee-{attendee.pk}")
        assert "is-present" in row.get("class")
        assert "Arrived at" in row.text
        assert "1" in Page(after).one(id="checkin-counts").text

        # A second tick keeps the first arrival time.
        door.post(checkin_url(event, "checkin_mark", attendee.pk), {"present": "1"})
        attendee.refresh_from_db()
        assert attendee.checked_in_at == arrival

        door.post(checkin_url(event, "checkin_mark", attendee.pk), {"present": "0"})
        attendee.refresh_from_db()
        assert attendee.checked_in_at is None

    def test_a_foreign_next_address_is_not_followed(self, door, event):
        attendee = Attendee.objects.get(name="Kim Min-ji")
        response = door.post(
            checkin_url(event, "checkin_mark", attendee.pk),
            {"present": "1", "next": "https://evil.example/"},
        )
        assert response["Location"] == f"{checkin_url(event)}#attendee-{attendee.pk}"

    def test_only_the_people_expected_at_this_occasion_can_be_ticked(self, door, event):
        not_expected = Attendee.objects.get(name="Not Expected")
        other = AttendeeFactory(registration=EventRegistrationFactory(status=Status.ACCEPTED))
        for attendee in (not_expected, other):
            url = checkin_url(event, "checkin_mark", attendee.pk)
            assert door.post(url, {"present": "1"}).status_code == 404
            attendee.refresh_from_db()
            assert attendee.checked_in_at is None
        assert door.get(checkin_url(event, "checkin_mark", not_expected.pk)).status_code == 405

    def test_staff_without_the_permission_are_refused(self, client, event):
        attendee = Attendee.objects.get(name="Kim Min-ji")
        client.force_login(
            staff_member("reader", permissions=["events.view_event", "events.view_registration"])
        )
        assert client.get(checkin_url(event)).status_code == 403
        response = client.post(checkin_url(event, "checkin_mark", attendee.pk), {"present": "1"})
        assert response.status_code == 403
        attendee.refresh_from_db()
        assert attendee.checked_in_at is None
        assert client.get(checkin_url(event, "attendees_pdf")).status_code == 403
        assert client.get(checkin_url(event, "badges_pdf")).status_code == 403
        client.logout()
        assert client.get(checkin_url(event)).status_code == 302  # to the login page

    def test_event_managers_check_people_in(self, client, event):
        client.force_login(staff_member("manager", group="Event managers"))
        assert client.get(checkin_url(event)).status_code == 200

    def test_the_page_is_made_for_a_phone(self, door, event):
        content = door.get(checkin_url(event)).content.decode()
        assert 'name="viewport"' in content
        assert "css/admin-events.css" in content
        page = Page(door.get(checkin_url(event)))
        for button in page.one(id="checkin-list").find_all("button"):
            assert button.get("aria-label")

    def test_delegations_have_their_check_in_too(self, door):
        delegation = DelegationFactory()
        registration = RegistrationFactory(delegation=delegation, status=Status.ACCEPTED)
        with_contact(registration, name="Jung Da-in")
        assert names(door.get(checkin_url(delegation))) == ["Jung Da-in"]


class TestQrCode:
    def test_it_leads_staff_to_the_registrations_entry(self, door, event):
        registration = Registration.objects.get(company_name="Hanji Atelier")
        target = reverse("admin:events_registration_checkin", args=[registration.pk])
        # The code holds the entry's address on the site.
        assert checkin.checkin_url(registration) == site_url(target)
        code = checkin.qr_code(registration)
        assert isinstance(code, segno.QRCode)
        assert code.matrix  # an image to scan
        assert code.designator.endswith("-M")
        # Staff who scan it see that registration's people, ready to tick.
        response = door.get(target, follow=True)
        assert response.redirect_chain[0][0] == checkin_url(event) + (
            f"?registration={registration.pk}"
        )
        assert sorted(names(response)) == ["Kim Min-ji", "Élodie Park"]

    def test_the_image_for_an_accepted_registrant(self, client, event):
        registration = Registration.objects.get(company_name="Hanji Atelier")
        with translation.override("en"):
            url = reverse(
                "events:registration-qr", kwargs={"token": links.make_token(registration)}
            )
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response.content.startswith(b"\x89PNG")
        assert "no-store" in response["Cache-Control"]
        expected = io.BytesIO()
        checkin.qr_code(registration).save(expected, kind="png", scale=8, border=4)
        assert response.content == expected.getvalue()

    def test_no_image_before_acceptance_or_for_a_forged_token(self, client, event):
        waiting = Registration.objects.get(company_name="Bom")
        with translation.override("en"):
            url = reverse("events:registration-qr", kwargs={"token": links.make_token(waiting)})
            forged = reverse("events:registration-qr", kwargs={"token": "1:forged"})
        assert client.get(url).status_code == 404
        assert client.get(forged).status_code == 404
        assert registration_qr(waiting) == ""
        assert registration_qr_url(waiting) == ""

    def test_the_private_page_tag_and_the_acceptance_e_mail(
        self, admin_client, django_capture_on_commit_callbacks, mailoutbox
    ):
        registration = RegistrationFactory(language="ko")
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(
                reverse("admin:events_registration_transition", args=[registration.pk, "accept"])
            )
        registration.refresh_from_db()
        with translation.override("ko"):
            tag = registration_qr(registration)
            url = registration_qr_url(registration)
        assert '<img src="/ko/' in tag and 'alt="' in tag
        (message,) = mailoutbox
        assert url in message.body
        assert "QR" in message.body


class TestPrintouts:
    def test_the_attendee_list(self, door, event):
        Attendee.objects.filter(name="Kim Min-ji").update(checked_in_at=timezone.now())
        response = door.get(checkin_url(event, "attendees_pdf"), headers={"accept-language": "fr"})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        text = " ".join(
            page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
        )
        for name in ["Kim Min-ji", "Élodie Park", "Lee Seo-yeon", "Hanji Atelier", "CEO"]:
            assert name in text
        assert "Not Expected" not in text
        assert "Soirée à Séoul" in text
        assert "1 présents sur 4 attendus" in text

    def test_badges_eight_to_a_page_in_french_and_korean(self, door, event):
        korean = EventRegistrationFactory(
            event=event, status=Status.ACCEPTED, company_name="한지 공방"
        )
        with_contact(korean, name="김민지")
        for index in range(4):
            with_contact(
                EventRegistrationFactory(event=event, status=Status.ACCEPTED),
                name=f"Guest {index}",
            )
        response = door.get(checkin_url(event, "badges_pdf"), headers={"accept-language": "ko"})
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")
        reader = pypdf.PdfReader(io.BytesIO(response.content))
        # 10 people expected: a full page of eight, then two.
        assert len(reader.pages) == 2
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert "김민지" in text and "한지 공방" in text
        assert "Élodie Park" in text
        assert "네트워킹의 밤" in text  # the event's title in the staff member's language
        fonts = {
            str(font["/BaseFont"])
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert {"/Helvetica-Bold", "/HYGothic-Medium"} <= {f.split("+")[-1] for f in fonts}

    def test_an_occasion_with_nobody_expected(self, door):
        event = EventFactory()
        for name in ("attendees_pdf", "badges_pdf"):
            response = door.get(checkin_url(event, name))
            assert response.status_code == 200
            assert response.content.startswith(b"%PDF")
