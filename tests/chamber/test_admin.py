import datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from chamber.models import Agreement, Organisation, Party, Signatory
from tests.support.adminforms import admin_url, form_errors, management_form
from tests.support.factories import (
    AgreementFactory,
    OrganisationFactory,
    PartyFactory,
    SignatoryFactory,
    image_file,
)
from tests.support.htmlpage import Page, executable_parts
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

# Each model, a factory for it, and the translated fields whose tabs its form must show.
MODELS = {
    "organisation": (Organisation, OrganisationFactory, ["name", "sector", "description"]),
    "agreement": (Agreement, AgreementFactory, ["title", "slug", "place", "summary"]),
}


@pytest.mark.parametrize("name", MODELS)
def test_changelist_with_search_and_filters(admin_client, name):
    model, factory, _fields = MODELS[name]
    wanted, other = factory(), factory()
    model_admin = admin.site._registry[model]
    term = getattr(wanted, model_admin.search_fields[0])

    response = admin_client.get(admin_url(model, "changelist"), {"q": term})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [wanted]
    assert other not in response.context["cl"].result_list
    # Every choice of every filter in the sidebar can be followed.
    filter_specs = response.context["cl"].filter_specs
    assert len(filter_specs) == len(model_admin.list_filter)
    for spec in filter_specs:
        for choice in spec.choices(response.context["cl"]):
            filtered = admin_client.get(admin_url(model, "changelist") + choice["query_string"])
            assert filtered.status_code == 200, choice


def test_organisation_changelist_filters_by_membership(admin_client):
    member = OrganisationFactory(membership=Organisation.Membership.PATRON)
    outsider = OrganisationFactory(membership=Organisation.Membership.NONE)
    response = admin_client.get(
        admin_url(Organisation, "changelist"), {"membership": Organisation.Membership.PATRON}
    )
    assert list(response.context["cl"].result_list) == [member]
    assert outsider not in response.context["cl"].result_list


def test_agreement_changelist_counts_parties(admin_client):
    agreement = AgreementFactory()
    PartyFactory.create_batch(3, agreement=agreement)
    response = admin_client.get(admin_url(Agreement, "changelist"))
    (row,) = response.context["cl"].result_list
    assert row._party_count == 3


def test_agreement_search_finds_a_partys_name(admin_client):
    party = PartyFactory()
    PartyFactory()
    response = admin_client.get(
        admin_url(Agreement, "changelist"), {"q": party.organisation.name_fr}
    )
    assert list(response.context["cl"].result_list) == [party.agreement]


def test_agreement_change_page_has_parties_and_signatories_inlines(admin_client):
    agreement = AgreementFactory()
    party = PartyFactory(agreement=agreement)
    signatory = SignatoryFactory(agreement=agreement)

    response = admin_client.get(admin_url(Agreement, "change", agreement.pk))

    formsets = {f.formset.prefix: f for f in response.context["inline_admin_formsets"]}
    assert set(formsets) == {"parties", "signatories"}
    assert formsets["parties"].formset.queryset.get() == party
    assert formsets["signatories"].formset.queryset.get() == signatory
    page = Page(response)
    for code in LANGUAGES:
        # A textarea's first newline is not part of its value (HTML parsing rule).
        role = page.one(id=f"id_parties-0-role_{code}").text.removeprefix("\n")
        assert role == getattr(party, f"role_{code}")
        assert page.one(id=f"id_signatories-0-title_{code}").get("value") == getattr(
            signatory, f"title_{code}"
        )


def agreement_post_data(organisations, **overrides):
    data = {
        "title_fr": "Protocole d'accord pour la mobilité",
        "title_en": "MOU on mobility",
        "slug_fr": "protocole-mobilite",
        "slug_en": "mou-mobility",
        "signed_on": "2022-06-15",
        "place_fr": "Gare de Busan",
        "place_en": "Busan Station",
        "summary_fr": "Un partenariat.",
        "summary_en": "A partnership.",
        "status": Agreement.Status.PUBLISHED,
        **management_form("parties", len(organisations)),
        **management_form("signatories", 1),
        "signatories-0-position": "1",
        "signatories-0-name": "Park Hyung-joon",
        "signatories-0-title_fr": "Maire",
        "signatories-0-title_en": "Mayor",
        "signatories-0-organisation": str(organisations[0].pk),
        "signatories-0-role": Signatory.Role.SIGNATORY,
    }
    for index, organisation in enumerate(organisations):
        data.update(
            {
                f"parties-{index}-position": str(index),
                f"parties-{index}-organisation": str(organisation.pk),
                f"parties-{index}-role_fr": f"Rôle {index}",
                f"parties-{index}-role_en": f"Role {index}",
            }
        )
    data.update(overrides)
    return data


def test_add_an_agreement_with_parties_and_signatories_in_both_languages(admin_client):
    organisations = OrganisationFactory.create_batch(2)

    response = admin_client.post(admin_url(Agreement, "add"), agreement_post_data(organisations))

    assert response.status_code == 302, form_errors(response)
    agreement = Agreement.objects.get()
    assert (agreement.title_fr, agreement.title_en) == (
        "Protocole d'accord pour la mobilité",
        "MOU on mobility",
    )
    assert (agreement.slug_fr, agreement.slug_en) == ("protocole-mobilite", "mou-mobility")
    assert [p.organisation for p in agreement.parties.all()] == organisations
    assert [(p.role_fr, p.role_en) for p in agreement.parties.all()] == [
        ("Rôle 0", "Role 0"),
        ("Rôle 1", "Role 1"),
    ]
    signatory = agreement.signatories.get()
    assert (signatory.title_fr, signatory.title_en) == ("Maire", "Mayor")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_slug_already_used_in_the_same_language_is_refused(admin_client, language):
    existing = AgreementFactory()
    slug = getattr(existing, f"slug_{language}")
    data = agreement_post_data(OrganisationFactory.create_batch(1), **{f"slug_{language}": slug})

    response = admin_client.post(admin_url(Agreement, "add"), data)

    assert response.status_code == 200
    assert f"slug_{language}" in response.context["adminform"].form.errors
    assert Agreement.objects.count() == 1


def test_the_same_organisation_twice_in_an_agreement_is_refused(admin_client):
    organisation = OrganisationFactory()
    data = agreement_post_data([organisation, organisation])

    response = admin_client.post(admin_url(Agreement, "add"), data)

    assert response.status_code == 200
    assert Agreement.objects.count() == 0
    assert Party.objects.count() == 0


def organisation_post_data(**overrides):
    return {
        "name_fr": "Association des fabricants",
        "name_en": "Makers' association",
        "short_name": "BAICA",
        "slug": "baica",
        "kind": Organisation.Kind.ASSOCIATION,
        "sector_fr": "Automobile",
        "sector_en": "Automotive",
        "description_fr": "",
        "description_en": "",
        "membership": Organisation.Membership.MEMBER,
        "member_since": "2019-03-01",
        "website": "https://baica.example/",
        "city_fr": "Busan",
        "city_en": "Busan",
        "country_fr": "Corée du Sud",
        "country_en": "South Korea",
        "status": Organisation.Status.PUBLISHED,
        **overrides,
    }


def test_add_an_organisation_with_a_logo(admin_client):
    data = organisation_post_data(logo=image_file("logo.png"))

    response = admin_client.post(admin_url(Organisation, "add"), data)

    assert response.status_code == 302, form_errors(response)
    organisation = Organisation.objects.get()
    with translation.override("en"):
        assert organisation.name == "Makers' association"
    assert organisation.logo.name.startswith("organisations/")


def test_a_bad_logo_is_refused_and_nothing_is_written(admin_client):
    fake = SimpleUploadedFile("logo.png", b"<?php echo 'hello'; ?>", content_type="image/png")

    response = admin_client.post(admin_url(Organisation, "add"), organisation_post_data(logo=fake))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"]
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize("name", MODELS)
def test_admin_pages_run_no_inline_script(admin_client, name):
    """The Content Security Policy allows scripts from this site's files only, so the
    admin (with its language tabs and inlines) must work without inline script."""
    model, factory, _fields = MODELS[name]
    for path in (admin_url(model, "add"), admin_url(model, "change", factory().pk)):
        page = Page(admin_client.get(path))
        assert executable_parts(page.doc) == []


AUTOCOMPLETES = [
    # (app label, model name, field name): the admin's autocomplete widgets
    ("chamber", "party", "organisation"),
    ("chamber", "signatory", "organisation"),
    ("news", "article", "organisations"),
    ("news", "article", "agreement"),
]


@pytest.mark.parametrize(("app_label", "model_name", "field_name"), AUTOCOMPLETES)
def test_autocomplete_widgets_search_in_both_languages(
    admin_client, app_label, model_name, field_name
):
    remote = apps.get_model(app_label, model_name)._meta.get_field(field_name).related_model
    factory = {Organisation: OrganisationFactory, Agreement: AgreementFactory}[remote]
    label = {Organisation: "name", Agreement: "title"}[remote]
    wanted, _other = factory(), factory()
    params = {"app_label": app_label, "model_name": model_name, "field_name": field_name}

    for code in LANGUAGES:
        term = getattr(wanted, f"{label}_{code}")
        response = admin_client.get(reverse("admin:autocomplete"), {**params, "term": term})
        assert response.status_code == 200
        assert [result["id"] for result in response.json()["results"]] == [str(wanted.pk)]


@pytest.mark.parametrize(
    ("language", "header"), [("fr", "Administration {site}"), ("en", "{site} administration")]
)
def test_the_admin_carries_the_chambers_name(admin_client, language, header, settings):
    response = admin_client.get(reverse("admin:index"), headers={"accept-language": language})
    assert header.format(site=settings.SITE_NAME) in response.content.decode()


def utc_offset_seconds(time_zone: str) -> str:
    offset = timezone.now().astimezone(ZoneInfo(time_zone)).utcoffset()
    return str(int(offset / datetime.timedelta(seconds=1)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_tells_the_browser_the_chambers_time_zone(admin_client, language, settings):
    """Django's admin compares the browser's UTC offset with the page's
    data-admin-utc-offset and, when they differ, notes the difference under date fields
    ("Note : votre heure précède l'heure du serveur de 9 heures"). The page gives the
    offset of the chamber's time zone (TIME_ZONE, the active one), so staff who work in it
    see no note and staff elsewhere do."""
    response = admin_client.get(admin_url(Agreement, "add"), headers={"accept-language": language})

    page = Page(response)
    assert page.find("input", class_="vDateField") is not None
    assert page.one("body").get("data-admin-utc-offset") == utc_offset_seconds(settings.TIME_ZONE)


def test_the_admins_time_zone_is_the_configured_one(admin_client, settings):
    settings.TIME_ZONE = "Europe/Paris"

    response = admin_client.get(admin_url(Agreement, "add"))

    assert Page(response).one("body").get("data-admin-utc-offset") == utc_offset_seconds(
        "Europe/Paris"
    )
    assert utc_offset_seconds("Europe/Paris") != utc_offset_seconds("Asia/Seoul")
