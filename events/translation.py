from modeltranslation.translator import TranslationOptions, register

from events.models import Delegation, Event, Fair, Question


@register(Fair)
class FairTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "venue_name", "description", "image_alt")


@register(Delegation)
class DelegationTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "audience", "offer", "fee_details")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "summary",
        "description",
        "venue_name",
        "price_details",
        "image_alt",
    )


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("label", "help_text", "choices")
