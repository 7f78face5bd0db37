from urllib.parse import unquote

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from chamber.models import Agreement, Organisation, Party, Signatory
from tests.support.factories import (
    AgreementFactory,
    OrganisationFactory,
    PartyFactory,
    SignatoryFactory,
)
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db


class TestOrganisation:
    def test_str_is_the_name_in_the_active_language(self):
        organisation = OrganisationFactory(name_fr="Ville de Busan", name_en="Busan City")
        with translation.override("fr"):
            assert str(organisation) == "Ville de Busan"
        with translation.override("en"):
            assert str(organisation) == "Busan City"

    def test_str_falls_back_to_french(self):
        organisation = OrganisationFactory(name_fr="Technopole de Busan", name_en="")
        with translation.override("en"):
            assert str(organisation) == "Technopole de Busan"

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_get_absolute_url_in_each_language(self, language):
        organisation = OrganisationFactory()
        with translation.override(language):
            url = organisation.get_absolute_url()
            assert url == reverse("chamber:organisation-detail", kwargs={"slug": organisation.slug})
        assert url.startswith(f"/{language}/")
        assert url.endswith(f"/{organisation.slug}/")

    def test_members_excludes_organisations_without_membership(self):
        members = [
            OrganisationFactory(membership=Organisation.Membership.MEMBER),
            OrganisationFactory(membership=Organisation.Membership.CORPORATE),
            OrganisationFactory(membership=Organisation.Membership.PATRON),
        ]
        outsider = OrganisationFactory(membership=Organisation.Membership.NONE)

        assert set(Organisation.objects.members()) == set(members)
        assert outsider not in Organisation.objects.members()

    def test_is_member(self):
        assert OrganisationFactory(membership=Organisation.Membership.PATRON).is_member
        assert not OrganisationFactory(membership=Organisation.Membership.NONE).is_member

    def test_ordered_by_name(self):
        OrganisationFactory(name="Zeta")
        OrganisationFactory(name="Alpha")
        names = list(Organisation.objects.values_list("name", flat=True))
        assert names == sorted(names)


class TestAgreement:
    def test_str_is_the_title_in_the_active_language(self):
        agreement = AgreementFactory()
        with translation.override("fr"):
            assert str(agreement) == agreement.title_fr
        with translation.override("en"):
            assert str(agreement) == agreement.title_en

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_get_absolute_url_uses_the_slug_of_the_language(self, language):
        agreement = AgreementFactory()
        slug = getattr(agreement, f"slug_{language}")
        with translation.override(language):
            url = agreement.get_absolute_url()
            assert url == reverse("chamber:agreement-detail", kwargs={"slug": slug})
        assert url.startswith(f"/{language}/")
        assert unquote(url).endswith(f"/{slug}/")

    def test_get_absolute_url_falls_back_to_the_french_slug(self):
        agreement = AgreementFactory(slug_en="", title_en="")
        with translation.override("en"):
            assert agreement.get_absolute_url().endswith(f"/{agreement.slug_fr}/")

    def test_newest_first(self):
        older = AgreementFactory(signed_on="2020-01-01")
        newer = AgreementFactory(signed_on="2024-01-01")
        assert list(Agreement.objects.all()) == [newer, older]

    def test_organisations_through_parties(self):
        agreement = AgreementFactory()
        parties = PartyFactory.create_batch(3, agreement=agreement)
        assert set(agreement.organisations.all()) == {party.organisation for party in parties}


class TestParty:
    def test_str_names_the_organisation_and_the_agreement(self):
        party = PartyFactory()
        assert str(party) == f"{party.organisation} — {party.agreement}"

    def test_ordered_by_position(self):
        agreement = AgreementFactory()
        third = PartyFactory(agreement=agreement, position=3)
        first = PartyFactory(agreement=agreement, position=1)
        second = PartyFactory(agreement=agreement, position=2)
        assert list(agreement.parties.all()) == [first, second, third]

    def test_an_organisation_is_a_party_once_per_agreement(self):
        party = PartyFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Party.objects.create(agreement=party.agreement, organisation=party.organisation)

    def test_role_is_translated(self):
        party = PartyFactory(role_fr="Soutien administratif", role_en="Administrative support")
        with translation.override("en"):
            assert party.role == "Administrative support"
        with translation.override("fr"):
            assert party.role == "Soutien administratif"


class TestSignatory:
    def test_str_is_the_name(self):
        signatory = SignatoryFactory(name="Park Hyung-joon")
        assert str(signatory) == "Park Hyung-joon"

    def test_ordered_by_position(self):
        agreement = AgreementFactory()
        second = SignatoryFactory(agreement=agreement, position=2)
        first = SignatoryFactory(agreement=agreement, position=1)
        assert list(agreement.signatories.all()) == [first, second]

    def test_default_role_is_signatory(self):
        assert SignatoryFactory().role == Signatory.Role.SIGNATORY

    def test_organisation_is_optional(self):
        signatory = SignatoryFactory(organisation=None)
        signatory.full_clean()
        assert signatory.organisation is None
