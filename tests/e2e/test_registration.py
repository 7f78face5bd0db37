"""A Korean startup registers for a delegation in English, in a real browser, then opens
the private link of its confirmation e-mail and cancels."""

import re

import pytest

from events.models import Registration
from tests.support.factories import DelegationFactory
from tests.support.htmlpage import object_url, url_in
from tests.support.registrations import registrant_mail

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def delegation():
    return DelegationFactory(
        title_fr="Délégation de startups coréennes à Maison & Objet",
        title_en="Korean startups delegation at Maison & Objet",
        slug_fr="startups-coreennes-maison-objet",
        slug_en="korean-startups-maison-objet",
        fair__name_fr="Maison & Objet Paris",
        fair__name_en="Maison & Objet Paris",
        capacity=6,
    )


def test_register_in_english_and_open_the_private_link(
    live_server, page, console_errors, delegation, frozen_clock
):
    page.goto(live_server.url + url_in("en", "events:fair-list"))
    assert page.get_attribute("html", "lang") == "en"
    page.click(f"text={delegation.title_en}")
    page.wait_for_url(live_server.url + object_url(delegation, "en"))
    assert page.inner_text("h1") == delegation.title_en
    assert page.inner_text(".availability") == "6 places left"

    # The honeypot is out of sight and out of the way.
    box = page.locator("input[name=homepage]").bounding_box()
    assert box is None or box["x"] + box["width"] <= 0

    page.fill("input[name=company_name]", "Hanji Atelier")
    page.fill("input[name=contact_name]", "Kim Min-ji")
    page.fill("input[name=email]", "minji@example.com")
    page.fill("input[name=phone]", "+82 10 1234 5678")
    page.fill("input[name=website]", "hanji.example.com")
    page.fill("input[name=sector]", "Lighting")
    page.fill("textarea[name=pitch]", "Lamps made of hanji, the Korean mulberry paper.")
    # Sent without consent, the form comes back with the error next to the checkbox.
    page.click(".registration-form button[type=submit]")
    assert "Please agree" in page.inner_text(".form-row-check .errorlist")
    assert page.input_value("input[name=company_name]") == "Hanji Atelier"
    page.check("input[name=consent]")
    page.click(".registration-form button[type=submit]")

    # The form's #register fragment follows the redirect; it does no harm.
    page.wait_for_url(re.compile(r"/en/events/registration/[^/]+/(#register)?$"))
    assert page.inner_text("h1") == "Your registration"
    assert "holds a place" in page.inner_text(".message-success")
    registration = Registration.objects.get()
    assert (registration.language, registration.status) == ("en", "submitted")

    (message,) = registrant_mail()
    assert message.to == ["minji@example.com"]
    link = re.search(r"http://\S+/registration/\S+/", message.body).group(0)
    private_url = live_server.url + link[link.index("/en/") :]
    assert page.get_attribute(".private-link-url", "href").endswith(link[link.index("/en/") :])

    # A fresh tab, as from the e-mail.
    other = page.context.new_page()
    other.goto(private_url)
    assert other.get_attribute("html", "lang") == "en"
    assert "Hanji Atelier" in other.inner_text("main")
    assert "Received" in other.inner_text(".registration-status")

    other.click("text=Cancel my registration")
    other.click("button:has-text('Yes, cancel my registration')")
    other.wait_for_url(private_url)
    assert "Cancelled" in other.inner_text(".registration-status")
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert [m.to for m in registrant_mail()] == [["minji@example.com"]] * 2  # and "cancelled"
    other.close()

    assert console_errors == []  # no script error, no Content Security Policy violation

    # A tampered link is refused.
    response = page.goto(private_url[:-3] + "xx/")
    assert response.status == 400
    assert "not valid" in page.inner_text("main")
    assert page.title().startswith("This link does not work")
