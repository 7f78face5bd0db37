from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import agenda, checkin, views

app_name = "events"

urlpatterns = [
    path("", views.FairListView.as_view(), name="fair-list"),
    path(_("calendar.ics"), views.UpcomingFairsCalendarView.as_view(), name="calendar-feed"),
    # The agenda: events and delegations, its past, a month, its calendar feed, an
    # event's .ics.
    path(_("agenda/"), agenda.AgendaView.as_view(), name="agenda"),
    path(_("agenda/past/"), agenda.PastAgendaView.as_view(), name="agenda-past"),
    path(
        _("agenda/<int:year>/<int:month>/"),
        agenda.AgendaMonthView.as_view(),
        name="agenda-month",
    ),
    path(_("agenda/calendar.ics"), agenda.AgendaFeedView.as_view(), name="agenda-feed"),
    path(
        _("agenda/<str:slug>/calendar.ics"),
        agenda.EventCalendarView.as_view(),
        name="event-calendar",
    ),
    path(_("agenda/<str:slug>/"), views.EventDetailView.as_view(), name="event-detail"),
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
