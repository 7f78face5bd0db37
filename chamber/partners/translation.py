from modeltranslation.translator import TranslationOptions, register

from chamber.partners.models import Partner


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name",)
