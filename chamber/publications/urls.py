from django.urls import path

from chamber.publications import views

app_name = "publications"

urlpatterns = [
    path("", views.PublicationListView.as_view(), name="publication-list"),
    path("<str:slug>/", views.PublicationDetailView.as_view(), name="publication-detail"),
]
