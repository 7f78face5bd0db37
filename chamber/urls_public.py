"""The chamber's records: the member directory, organisations and agreements."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from chamber import views

app_name = "chamber"

urlpatterns = [
    path(_("members/"), views.MemberListView.as_view(), name="member-list"),
    path(_("join/"), views.JoinView.as_view(), name="join"),
    path(_("join/thanks/"), views.JoinThanksView.as_view(), name="join-thanks"),
    path(
        _("organisations/<str:slug>/"),
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path(_("agreements/"), views.AgreementListView.as_view(), name="agreement-list"),
    path(_("agreements/<str:slug>/"), views.AgreementDetailView.as_view(), name="agreement-detail"),
]
