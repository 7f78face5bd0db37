from modeltranslation.translator import TranslationOptions, register

from chamber.newsletter.models import NewsletterIssue


@register(NewsletterIssue)
class NewsletterIssueTranslationOptions(TranslationOptions):
    fields = ("subject", "intro")
