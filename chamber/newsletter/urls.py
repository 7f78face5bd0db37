from django.urls import path
from django.utils.translation import gettext_lazy as _

from chamber.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path(_("newsletter/"), views.SubscribeView.as_view(), name="subscribe"),
    path(_("newsletter/check-your-inbox/"), views.CheckInboxView.as_view(), name="check-inbox"),
    path(_("newsletter/confirm/<str:token>/"), views.ConfirmView.as_view(), name="confirm"),
    path(
        _("newsletter/unsubscribe/<str:token>/"),
        views.UnsubscribeView.as_view(),
        name="unsubscribe",
    ),
]
