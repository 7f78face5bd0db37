from modeltranslation.translator import TranslationOptions, register

from chamber.pages.models import MenuItem, Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "body", "image_alt", "seo_description")


@register(MenuItem)
class MenuItemTranslationOptions(TranslationOptions):
    fields = ("label",)
