"""The chamber's pages: any path of slugs, tried after every other page of the site."""

from django.urls import path

from chamber.pages import views

app_name = "pages"

urlpatterns = [
    path("<path:path>/", views.PageView.as_view(), name="page"),
]
