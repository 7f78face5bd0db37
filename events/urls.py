from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import checkin, views

app_name = "events"

urlpatterns = [
    path("", views.FairListView.as_view(), name="fair-list"),
    path(_("calendar.ics"), views.UpcomingFairsCalendarView.as_view(), name="calendar-feed"),
    path(_("fairs/<str:slug>/"), views.FairDetailView.as_view(), name="fair-detail"),
    path(
        _("fairs/<str:slug>/calendar.ics"),
        views.FairCalendarView.as_view(),
        name="fair-calendar",
    ),
    path(
        _("delegations/<str:slug>/"),
        views.DelegationDetailView.as_view(),
        name="delegation-detail",
    ),
    path(
        _("delegations/<str:slug>/calendar.ics"),
        views.DelegationCalendarView.as_view(),
        name="delegation-calendar",
    ),
    path(
        _("registration/<str:token>/"),
        views.RegistrationDetailView.as_view(),
        name="registration-detail",
    ),
    path(
        _("registration/<str:token>/qr.png"),
        checkin.registration_qr,
        name="registration-qr",
    ),
    path(
        _("registration/<str:token>/cancel/"),
        views.RegistrationCancelView.as_view(),
        name="registration-cancel",
    ),
]
