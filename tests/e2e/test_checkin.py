"""Staff tools in a real browser: the door's check-in on a phone (375 pixels wide), and
the registrations list and page on a 1366-pixel laptop screen."""

import pytest
from django.urls import reverse

from events.models import Registration
from tests.events.staff_support import (
    EventFactory,
    EventRegistrationFactory,
    staff_member,
    with_contact,
)
from tests.support.factories import RegistrationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-password-1"


def log_in(page, live_server, user):
    user.set_password(PASSWORD)
    user.save()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))


def test_checking_people_in_on_a_phone(live_server, browser, console_errors):
    event = EventFactory(title_en="Networking evening")
    for index, company in enumerate(["Hanji Atelier", "Moa Home", "Bom Ceramics"]):
        registration = EventRegistrationFactory(
            event=event, company_name=company, status=Registration.Status.ACCEPTED
        )
        with_contact(registration, name=f"Kim Min-ji {index}" if index == 0 else f"Guest {index}")
    door = staff_member("door", group="Event managers")
    context = browser.new_context(
        locale="en-GB", viewport={"width": 375, "height": 740}, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on(
        "console",
        lambda message: console_errors.append(message.text) if message.type == "error" else None,
    )
    log_in(page, live_server, door)
    page.goto(live_server.url + reverse("admin:events_event_checkin", args=[event.pk]))
    assert "0 present of 3 expected" in page.locator("#checkin-counts").inner_text()

    page.fill("#checkin-q", "hanji")
    page.press("#checkin-q", "Enter")
    page.wait_for_url("**q=hanji**")
    rows = page.locator(".checkin-person")
    assert rows.count() == 1
    button = rows.first.locator("button")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    with page.expect_navigation():
        button.tap()
    assert page.url.endswith("?q=hanji#attendee-1") or "#attendee-" in page.url
    assert "is-present" in page.locator(".checkin-person").first.get_attribute("class")
    assert "1 present of 3 expected" in page.locator("#checkin-counts").inner_text()
    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path="/tmp/checkin-375.png", full_page=True)
    assert console_errors == []
    context.close()


def test_the_status_is_in_view_at_1366_pixels(live_server, browser, admin_user):
    RegistrationFactory(status=Registration.Status.WAITLISTED, company_name="Moa Home")
    context = browser.new_context(locale="en-GB", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, live_server, admin_user)
    page.goto(live_server.url + reverse("admin:events_registration_changelist"))
    label = page.locator("#result_list .registration-status").first
    page.screenshot(path="/tmp/registrations-1366.png")
    assert label.inner_text() == "Wait-listed"
    box = label.bounding_box()
    assert box["x"] + box["width"] <= 1366
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    # Every column fits: the list does not scroll sideways.
    assert page.evaluate(
        "document.querySelector('.results').scrollWidth"
        " <= document.querySelector('.results').clientWidth"
    )
    context.close()
