from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from chamber.toolkit import review
        from news.models import Article, Category

        review.register(Category)
        review.register(Article)
