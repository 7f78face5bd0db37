from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "homepage"


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=())
    consent = forms.BooleanField(
        label=_("I agree to receive the chamber's newsletter and have read the privacy notice."),
        error_messages={"required": _("Tick the box to agree to receive the newsletter.")},
    )
    # Out of sight (.hp-field) and out of the tab order: people never reach it.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES

    def clean(self):
        cleaned = super().clean()
        # Any text at all is a bot's: people never see the field.
        if self.data.get(HONEYPOT_FIELD, "") != "":
            raise ValidationError(
                _(
                    "Your subscription was refused because the field “Leave this field "
                    "empty” was filled in, as automated programs do. Please empty it and "
                    "send the form again."
                ),
                code="honeypot",
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return self.has_error(forms.forms.NON_FIELD_ERRORS, code="honeypot")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Two columns with a header line: email, language (fr, en or ko)."),
    )
