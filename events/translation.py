from modeltranslation.translator import TranslationOptions, register

from events.models import Delegation, Fair


@register(Fair)
class FairTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "venue", "city", "country", "description")


@register(Delegation)
class DelegationTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "audience", "offer", "fee_details")
