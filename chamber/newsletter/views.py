"""The newsletter's public pages: subscribing, confirming, unsubscribing."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from chamber.newsletter import links, services
from chamber.newsletter.forms import SubscribeForm
from chamber.toolkit.clients import client_address
from chamber.toolkit.i18n import supported_language


def subscribe_rate(group, request) -> str:
    return settings.NEWSLETTER_SUBSCRIBE_RATE


@method_decorator(never_cache, name="dispatch")
class SubscribeView(View):
    """The subscription form. Whatever the address's state, the answer is the same page:
    "check your inbox" (nothing tells whether an address is on the list)."""

    template_name = "newsletter/subscribe.html"

    def get(self, request):
        form = SubscribeForm(initial={"language": supported_language(translation.get_language())})
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        limited = is_ratelimited(
            request,
            group="newsletter.subscribe",
            key=lambda _group, request: client_address(request),
            rate=subscribe_rate,
            method="POST",
            increment=True,
        )
        form = SubscribeForm(request.POST)
        if limited:
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many subscriptions were sent from your network in a short time, "
                    "so this one was not recorded. Please try again in an hour."
                ),
            )
            return render(request, self.template_name, {"form": form}, status=429)
        if not form.is_valid():
            status = 400 if form.is_bot else 200
            return render(request, self.template_name, {"form": form}, status=status)
        services.subscribe(form.cleaned_data["email"], form.cleaned_data["language"])
        return redirect("newsletter:check-inbox")


class CheckInboxView(View):
    def get(self, request):
        context = {"days": services.confirmation_days()}
        return render(request, "newsletter/check_inbox.html", context)


def invalid_link(request, error: links.InvalidLink):
    return render(request, "newsletter/link_invalid.html", {"expired": error.expired}, status=400)


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """GET shows a button (a mail program that opens links does not subscribe anyone);
    POST confirms the subscription."""

    def get(self, request, token):
        try:
            links.read_confirm_token(token)
        except links.InvalidLink as error:
            return invalid_link(request, error)
        return render(request, "newsletter/confirm.html", {"token": token})

    def post(self, request, token):
        try:
            services.confirm(token)
        except links.InvalidLink as error:
            return invalid_link(request, error)
        return render(request, "newsletter/confirmed.html")


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """GET asks to confirm; POST unsubscribes, without a CSRF token: mail programs POST
    ``List-Unsubscribe=One-Click`` to this address (RFC 8058)."""

    def get(self, request, token):
        try:
            subscriber = services.subscriber_from_unsubscribe_token(token)
        except links.InvalidLink as error:
            return invalid_link(request, error)
        return render(
            request,
            "newsletter/unsubscribe.html",
            {"token": token, "subscriber": subscriber, "action": request.path},
        )

    def post(self, request, token):
        try:
            services.unsubscribe(token)
        except links.InvalidLink as error:
            return invalid_link(request, error)
        return render(
            request,
            "newsletter/unsubscribed.html",
            {"subscribe_url": reverse("newsletter:subscribe")},
        )
