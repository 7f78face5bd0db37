from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from chamber.toolkit import cache, review
        from news.models import Article, Category, next_scheduled_article

        review.register(Category)
        review.register(Article)
        cache.watch(Category, Article)
        cache.when_content_changes(next_scheduled_article)
