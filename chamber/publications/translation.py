from modeltranslation.translator import TranslationOptions, register

from chamber.publications.models import Publication


@register(Publication)
class PublicationTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary")
