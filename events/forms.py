"""The public registration form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from events.models import Registration

HONEYPOT_FIELD = "homepage"


class RegistrationForm(forms.ModelForm):
    """A company's application. The ``homepage`` field is a trap for bots: it is hidden
    from people (CSS, ``aria-hidden``, out of the tab order) and must stay empty."""

    consent = forms.BooleanField(
        label=_("I agree that the chamber processes these data to handle my registration."),
        error_messages={"required": _("Please agree to the processing of your data to register.")},
    )
    website = forms.URLField(
        label=capfirst(Registration._meta.get_field("website").verbose_name),
        required=False,
        assume_scheme="https",
        max_length=200,
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
        help_text=_("Optional. The address starts with https://"),
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Registration
        fields = [
            "company_name",
            "contact_name",
            "email",
            "phone",
            "website",
            "sector",
            "pitch",
            "consent",
        ]
        widgets = {
            "pitch": forms.Textarea(attrs={"rows": 6, "maxlength": 1000}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "company_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        help_texts = {
            "phone": _("With the country code, e.g. +82 10 1234 5678."),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise ValidationError(
                _(
                    "Your registration was refused because the field “Leave this field "
                    "empty” was filled in, as automated programs do. Please empty it and "
                    "send the form again."
                ),
                code="honeypot",
            )
        return cleaned

    @property
    def detail_fields(self) -> list:
        """The fields the company fills in, in order (consent and the trap come apart)."""
        return [self[name] for name in self.Meta.fields if name != "consent"]

    @property
    def is_bot(self) -> bool:
        return self.has_error(forms.forms.NON_FIELD_ERRORS, code="honeypot")

    def registration_data(self) -> dict:
        """The cleaned data as keyword arguments for ``register_for_delegation``."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["website"] = data["website"] or ""
        return data
