from django.urls import path
from django.utils.translation import gettext_lazy as _

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path(_("category/<str:slug>/"), views.CategoryArticleListView.as_view(), name="category"),
    path(_("category/<str:slug>/feed/rss/"), feeds.CategoryFeed(), name="category-feed-rss"),
    path(_("category/<str:slug>/feed/atom/"), feeds.CategoryAtomFeed(), name="category-feed-atom"),
    path(_("feed/rss/"), feeds.LatestArticlesFeed(), name="feed-rss"),
    path(_("feed/atom/"), feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("<str:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
