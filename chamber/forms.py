"""The public "become a member" form. Like the registration form: a trap for bots (the
``homepage`` field, hidden from people, must stay empty — spaces too), consent, and an
error summary listing each error with a link to its field."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chamber.models import MembershipApplication

HONEYPOT_FIELD = "homepage"


class StrictCheckboxInput(forms.CheckboxInput):
    """Ticked only for the value browsers send ("on"), or "1"/"true"."""

    CHECKED_VALUES = frozenset({"on", "1", "true"})

    def value_from_datadict(self, data, files, name):
        return data.get(name) in self.CHECKED_VALUES


class MembershipApplicationForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that the chamber processes these data to handle my application."),
        error_messages={"required": _("Please agree to the processing of your data to apply.")},
        widget=StrictCheckboxInput,
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = MembershipApplication
        fields = [
            "company_name",
            "contact_name",
            "email",
            "phone",
            "sector",
            "size",
            "tier",
            "message",
        ]
        labels = {
            "company_name": _("Company or institution"),
            "contact_name": _("Your name"),
            "email": _("Your e-mail"),
            "phone": _("Your phone number"),
            "sector": _("Sector of activity"),
            "size": _("Size"),
            "tier": _("Membership wanted"),
            "message": _("Message"),
        }
        help_texts = {
            "phone": _("Optional."),
            "message": _("Optional. What you expect from the chamber, questions."),
        }
        widgets = {
            "company_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "size": forms.RadioSelect,
            "tier": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].max_length = 2000
        for name in ("size", "tier"):
            # Radio buttons without the "---------" choice of a model field.
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]

    def clean(self):
        cleaned = super().clean()
        # Any text at all, spaces included, is a bot's: people never see the field.
        if self.data.get(HONEYPOT_FIELD, "") != "":
            raise ValidationError(
                _(
                    "Your application was refused because the field “Leave this field "
                    "empty” was filled in, as automated programs do. Please empty it and "
                    "send the form again."
                ),
                code="honeypot",
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return self.has_error(forms.forms.NON_FIELD_ERRORS, code="honeypot")

    def error_summary(self) -> list[dict]:
        """Each error in the order of the form, "<label> — <message>", with the id of
        its field (none for errors about the whole form)."""
        summary = [{"text": message, "anchor": ""} for message in self.non_field_errors()]
        for name, field in self.fields.items():
            for message in self.errors.get(name, []):
                label = _("Consent") if name == "consent" else field.label
                anchor = self[name].id_for_label or f"id_{name}"
                if isinstance(field.widget, forms.RadioSelect):
                    anchor = f"id_{name}_0"
                summary.append({"text": f"{label} — {message}", "anchor": anchor})
        return summary

    def application_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
