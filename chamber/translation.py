from modeltranslation.translator import TranslationOptions, register

from chamber.models import Agreement, Organisation, Party, Signatory


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "sector", "city", "country", "description")


@register(Agreement)
class AgreementTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "place", "summary")


@register(Party)
class PartyTranslationOptions(TranslationOptions):
    fields = ("role",)


@register(Signatory)
class SignatoryTranslationOptions(TranslationOptions):
    fields = ("title",)
