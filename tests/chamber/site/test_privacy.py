"""The privacy notice: who the controller is (from the settings), what each form asks
for (from the forms), how long data are kept (from the settings and the housekeeping
that deletes them), the authorities to complain to, the cookies (their names from the
settings) and the date it last changed, in every language of the site."""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.admin.forms import AdminAuthenticationForm
from django.template import engines
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.test import override_settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst

from chamber import membership
from chamber.forms import MembershipApplicationForm
from chamber.newsletter.forms import SubscribeForm
from chamber.site import privacy
from events.forms import RegistrationForm
from events.management.commands import delete_old_registrations
from tests.support.htmlpage import parse, url_in
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = ROOT / "templates" / "site" / "privacy.html"
# The fields of each form that no person fills in (the bots' trap) or that the notice
# names in words (consent).
NOT_ASKED = {"homepage", "consent"}
# The fields of each form (a registration form's own, without the people and questions
# an occasion adds).
FORMS = {
    "registration": lambda: RegistrationForm.base_fields,
    "membership": lambda: MembershipApplicationForm().fields,
    "newsletter": lambda: SubscribeForm().fields,
    "login": lambda: AdminAuthenticationForm().fields,
}
CONTROLLER = {
    "CHAMBER_LEGAL_NAME": "Chambre de commerce franco-coréenne de Busan",
    "CHAMBER_POSTAL_ADDRESS": "12 Jungang-daero, Dong-gu, Busan 48821, Republic of Korea",
    "CHAMBER_CONTACT_EMAIL": "hello@busan-chamber.example",
    "CHAMBER_PRIVACY_EMAIL": "dpo@busan-chamber.example",
    "CHAMBER_PRIVACY_OFFICER": "Ji-woo Park, Secretary General",
    "CHAMBER_EU_REPRESENTATIVE": "Cabinet Exemple, 1 rue de la Paix, 75002 Paris",
}


def notice(client, language):
    response = client.get(url_in(language, "site:privacy"))
    assert response.status_code == 200
    return parse(response.content)


def text(element) -> str:
    return " ".join(element.text.split())


def row(page, heading: str) -> str:
    """The text of the table cells beside the row heading ``heading``."""
    (th,) = [th for th in page.find_all("th", scope="row") if text(th) == heading]
    return " ".join(text(cell) for cell in th.parent.find_all("td"))


def template_messages():
    """Each ``{% blocktranslate %}`` and ``{% translate %}`` message of the notice."""
    template = engines["django"].from_string(TEMPLATE.read_text())
    blocks, phrases = [], []
    for node in template.template.nodelist.get_nodes_by_type(BlockTranslateNode):
        singular, _vars = node.render_token_list(node.singular)
        blocks.append(singular)
    for node in template.template.nodelist.get_nodes_by_type(TranslateNode):
        phrases.append(node.filter_expression.var.literal)
    return blocks, phrases


# The controller -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(**CONTROLLER)
def test_names_the_controller_its_address_and_contacts_from_the_settings(client, language):
    page = notice(client, language)

    address = text(page.one("address", class_="privacy-controller"))
    assert CONTROLLER["CHAMBER_LEGAL_NAME"] in address
    assert CONTROLLER["CHAMBER_POSTAL_ADDRESS"] in address
    assert CONTROLLER["CHAMBER_CONTACT_EMAIL"] in address
    mailtos = {a.get("href") for a in page.find_all("a") if a.get("href", "").startswith("mailto:")}
    assert f"mailto:{CONTROLLER['CHAMBER_PRIVACY_EMAIL']}" in mailtos
    body = text(page)
    assert CONTROLLER["CHAMBER_PRIVACY_OFFICER"] in body
    assert CONTROLLER["CHAMBER_EU_REPRESENTATIVE"] in body


@override_settings(CHAMBER_PRIVACY_OFFICER="", CHAMBER_EU_REPRESENTATIVE="")
def test_says_nothing_of_an_officer_or_a_representative_the_chamber_has_not_named(client):
    with translation.override("en"):
        page = notice(client, "en")
    body = text(page)
    assert "chief privacy officer" not in body
    assert "representative in the European Union" not in body


# What the forms ask for -----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_what_each_form_asks_for(client, language):
    page = notice(client, language)

    with translation.override(language):
        for key, fields in FORMS.items():
            listed = [text(li) for li in page.one("ul", data_form=key).find_all("li")]
            asked = [
                capfirst(str(field.label))
                for name, field in fields().items()
                if name not in NOT_ASKED
            ]
            assert listed == asked, key
            assert "None" not in listed
    # The forms' own fields, as the visitor knows them.
    assert "email" in RegistrationForm.base_fields
    assert "email" in MembershipApplicationForm.base_fields
    assert "email" in SubscribeForm.base_fields


# Retention ------------------------------------------------------------------------------


def retention_rows(language):
    with translation.override(language):
        return {
            "registrations": (
                translation.gettext(
                    "Registrations, with the people they name, the answers and the files"
                ),
                privacy.duration(delete_old_registrations.DEFAULT_DAYS),
            ),
            "applications": (
                translation.gettext("Membership applications"),
                privacy.duration(membership.RETENTION_DAYS),
            ),
            "emails": (translation.gettext("E-mails sent"), None),
            "logins": (
                translation.gettext("Records of staff sign-ins"),
                privacy.duration(privacy.LOGIN_RECORD_DAYS),
            ),
            "logs": (
                translation.gettext("Server logs"),
                privacy.duration(privacy.SERVER_LOG_DAYS),
            ),
            "backups": (translation.gettext("Backups"), privacy.duration(privacy.BACKUP_DAYS)),
            "accounting": (
                translation.gettext("Invoices and payments"),
                privacy.duration(privacy.ACCOUNTING_YEARS * 365),
            ),
        }


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(MAIL_RETENTION_DAYS=45)
def test_states_each_retention_period_from_where_it_is_enforced(client, language, monkeypatch):
    # Other periods than the real ones, to prove they are read and not written in the page.
    monkeypatch.setattr(delete_old_registrations, "DEFAULT_DAYS", 3 * 365)
    monkeypatch.setattr(membership, "RETENTION_DAYS", 400)
    page = notice(client, language)

    rows = retention_rows(language)
    with translation.override(language):
        assert privacy.duration(45) in row(page, rows["emails"][0])
        assert privacy.duration(3 * 365) in row(page, rows["registrations"][0])
        assert privacy.duration(400) in row(page, rows["applications"][0])
        assert "45" in privacy.duration(45) and "3" in privacy.duration(3 * 365)
    for heading, period in rows.values():
        if period is not None:
            assert period in row(page, heading), heading


@pytest.mark.parametrize("language", LANGUAGES)
def test_durations_read_as_years_or_days(language):
    with translation.override(language):
        assert privacy.duration(730) == translation.ngettext(
            "%(count)d year", "%(count)d years", 2
        ) % {"count": 2}
        assert privacy.duration(30) == translation.ngettext(
            "%(count)d day", "%(count)d days", 30
        ) % {"count": 30}
        assert privacy.hours(1.5) == translation.ngettext(
            "%(count)d minute", "%(count)d minutes", 90
        ) % {"count": 90}


def test_the_periods_are_those_the_housekeeping_and_the_backups_apply():
    daily = (ROOT / "deploy" / "systemd" / "chamber-daily.service").read_text()
    assert f"axes_reset_logs --age {privacy.LOGIN_RECORD_DAYS}\n" in daily
    assert "manage.py delete_old_registrations\n" in daily  # with its default --days
    assert "manage.py delete_old_applications\n" in daily
    assert "manage.py delete_old_emails\n" in daily  # MAIL_RETENTION_DAYS
    backup = (ROOT / "deploy" / "backup" / "backup.sh").read_text()
    assert re.search(r'keep_days="\$\{BACKUP_KEEP_DAYS:-(\d+)\}"', backup).group(1) == str(
        privacy.BACKUP_DAYS
    )


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(AXES_FAILURE_LIMIT=7, AXES_COOLOFF_TIME=2.0)
def test_states_the_login_lockout_from_the_settings(client, language):
    page = notice(client, language)
    with translation.override(language):
        lockout = privacy.hours(2.0)
    (paragraph,) = [p for p in page.find_all("p") if lockout in text(p)]
    assert re.search(r"(?<!\d)7(?!\d)", text(paragraph))


# Authorities, cookies, date -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_the_authorities_to_complain_to(client, language):
    page = notice(client, language)
    body = text(page)
    links = {a.get("href") for a in page.find_all("a")}
    assert "CNIL" in body
    assert "PIPC" in body
    authorities = {"https://www.cnil.fr/", "https://www.pipc.go.kr/", "https://www.privacy.go.kr/"}
    assert authorities <= links


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(
    SESSION_COOKIE_NAME="chamber_session",
    CSRF_COOKIE_NAME="chamber_csrf",
    LANGUAGE_COOKIE_NAME="chamber_language",
    SESSION_COOKIE_AGE=3 * 24 * 3600,
)
def test_lists_the_cookies_by_the_names_the_settings_give_them(client, language):
    page = notice(client, language)

    named = [text(code) for code in page.find_all("code")]
    assert named == ["chamber_session", "chamber_csrf", "messages", "chamber_language"]
    with translation.override(language):
        assert privacy.duration(3) in row(page, "chamber_session")


@pytest.mark.parametrize("language", LANGUAGES)
def test_shows_when_it_was_last_updated(client, language, monkeypatch):
    monkeypatch.setattr(privacy, "UPDATED", datetime.date(2027, 2, 3))
    page = notice(client, language)

    (time,) = [t for t in page.find_all("time") if t.get("datetime") == "2027-02-03"]
    with translation.override(language):
        assert text(time) == date_format(datetime.date(2027, 2, 3), "DATE_FORMAT")


# Language and structure -----------------------------------------------------------------


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_paragraph_is_translated(client, language):
    blocks, phrases = template_messages()
    assert len(blocks) > 30
    with translation.override(language):
        for message in blocks:
            translated = translation.gettext(message)
            assert translated and translated != message, message
        for message in phrases:
            assert translation.gettext(message), message
    page = notice(client, language)
    assert page.one("html").get("lang") == language
    body = text(page)
    with translation.override("en"):
        english = [cookie["purpose"] for cookie in privacy.cookies()]
    assert not [sentence for sentence in english if sentence in body]


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code == "fr"])
def test_french_puts_a_narrow_no_break_space_before_high_punctuation(language):
    blocks, phrases = template_messages()
    with translation.override(language):
        for message in blocks + phrases:
            translated = translation.gettext(message)
            assert not re.search(r"[ \u00a0][:;?!»]|« ", translated), translated


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_follow_in_order_and_the_contents_lead_to_them(client, language):
    page = notice(client, language)
    headings = [element.tag for element in page.iter() if re.fullmatch(r"h[1-6]", element.tag)]
    levels = [int(tag[1]) for tag in headings]
    main = levels[levels.index(1) :]
    assert main.count(1) == 1
    for before, after in zip(main, main[1:], strict=False):
        assert after <= before + 1
    ids = {element.get("id") for element in page.iter() if element.get("id")}
    contents = page.one("nav", class_="privacy-contents")
    targets = [a.get("href") for a in contents.find_all("a")]
    assert len(targets) >= 10
    assert all(target.startswith("#") and target[1:] in ids for target in targets)
