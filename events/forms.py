"""The public registration form of a delegation or an event: the company's details, the
people it names (when the organiser allows several per company), the organiser's
questions, and consent.

The form works without JavaScript: every person has numbered fields, every question its
own field built from ``Question`` (in the active language, which is the registrant's).
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from events import answers, occasions
from events.models import Question, Registration
from events.services import AnswerInput, AttendeeInput

HONEYPOT_FIELD = "homepage"
QUESTION_PREFIX = "question_"
NUMBER_MAX_DIGITS = 15
NUMBER_DECIMAL_PLACES = 4


class StrictCheckboxInput(forms.CheckboxInput):
    """A checkbox that is ticked only when the browser sends the value it renders
    ("on", as browsers send for a checkbox without a value), or "1"/"true": ``0``,
    ``off``, ``false`` or an empty value are not a tick (Django's own reading takes any
    other text for one)."""

    CHECKED_VALUES = frozenset({"on", "1", "true"})

    def value_from_datadict(self, data, files, name):
        return data.get(name) in self.CHECKED_VALUES


def question_field(question: Question) -> forms.Field:
    """The form field asking ``question``, with its words in the active language."""
    # Django's field template shows help text as HTML: the organiser's is plain text.
    help_text = escape(question.help_text)
    if not question.required:
        help_text = f"{_('Optional.')} {help_text}".strip()
    common = {"label": question.label, "help_text": help_text, "required": question.required}
    kind = question.kind
    Kind = Question.Kind
    if kind == Kind.SHORT_TEXT:
        return forms.CharField(max_length=255, **common)
    if kind == Kind.LONG_TEXT:
        return forms.CharField(
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
            **common,
        )
    choices = [(str(index), label) for index, label in enumerate(question.choice_list)]
    if kind == Kind.SINGLE_CHOICE:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == Kind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == Kind.YES_NO:
        return forms.ChoiceField(
            choices=[(value, label) for value, label in answers.YES_NO_LABELS.items()],
            widget=forms.RadioSelect,
            error_messages={"required": _("Please answer yes or no.")},
            **common,
        )
    if kind == Kind.NUMBER:
        return forms.DecimalField(
            max_digits=NUMBER_MAX_DIGITS,
            decimal_places=NUMBER_DECIMAL_PLACES,
            widget=forms.NumberInput(attrs={"step": "any"}),
            **common,
        )
    if kind == Kind.DATE:
        return forms.DateField(
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": _("Enter a valid date, such as 2025-06-12.")},
            **common,
        )
    if kind == Kind.FILE:
        hint = _("A PDF file. If the form shows an error, choose the file again.")
        common["help_text"] = f"{help_text} {hint}".strip()
        return forms.FileField(
            validators=[answers.validate_pdf],
            widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
            **common,
        )
    raise ValueError(f"Unknown question kind: {kind}")


def answer_value(question: Question, value) -> str:
    """The text kept for ``value``, the cleaned answer (see ``events.answers``)."""
    if value in (None, "", []):
        return ""
    Kind = Question.Kind
    if question.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        labels = question.choice_list
        chosen = value if isinstance(value, list) else [value]
        return "\n".join(labels[int(index)] for index in chosen)
    if question.kind == Kind.NUMBER:
        return format(Decimal(value).normalize(), "f")
    if question.kind == Kind.DATE:
        return value.isoformat()
    if question.kind == Kind.FILE:
        return answers.original_name(value)
    return str(value).strip()


class RegistrationForm(forms.ModelForm):
    """A company's registration for ``occasion`` (a delegation or an event). The
    ``homepage`` field is a trap for bots: it is hidden from people (CSS,
    ``aria-hidden``, out of the tab order) and must stay empty — spaces too."""

    consent = forms.BooleanField(
        label=_("I agree that the chamber processes these data to handle my registration."),
        error_messages={"required": _("Please agree to the processing of your data to register.")},
        widget=StrictCheckboxInput,
    )
    website = forms.URLField(
        label=capfirst(Registration._meta.get_field("website").verbose_name),
        required=False,
        assume_scheme="https",
        max_length=200,
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
        help_text=_("Optional. The address starts with https://"),
    )
    contact_job_title = forms.CharField(
        label=_("Your job title"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        help_text=_("Optional."),
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        strip=False,
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

    def __init__(self, occasion, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.occasion = occasion
        if occasions.is_event(occasion):
            self.fields["pitch"].label = _("About your company")
            self.fields["pitch"].help_text = _(
                "What your company does, and what it expects from the event (1000 characters)."
            )
        self.questions = list(occasion.questions.all())
        for question in self.questions:
            self.fields[f"{QUESTION_PREFIX}{question.pk}"] = question_field(question)
        self.colleague_numbers = list(range(2, occasion.seats_per_company + 1))
        for number in self.colleague_numbers:
            self.fields[f"person_{number}_name"] = forms.CharField(
                label=_("Name"), required=False, max_length=200
            )
            self.fields[f"person_{number}_job_title"] = forms.CharField(
                label=_("Job title"), required=False, max_length=200
            )
            self.fields[f"person_{number}_email"] = forms.EmailField(
                label=_("E-mail"), required=False, help_text=_("Optional.")
            )

    # What the template shows, in order ------------------------------------------------

    @property
    def detail_fields(self) -> list:
        """The company's and the contact's fields (consent and the trap come apart)."""
        names = [name for name in self.Meta.fields if name != "consent"]
        names.insert(names.index("email"), "contact_job_title")
        return [self[name] for name in names]

    @property
    def colleagues(self) -> list:
        """(number, [name, job title, e-mail]) for each colleague the company may name."""
        return [
            (number, [self[f"person_{number}_{part}"] for part in ("name", "job_title", "email")])
            for number in self.colleague_numbers
        ]

    @property
    def question_fields(self) -> list:
        return [self[f"{QUESTION_PREFIX}{question.pk}"] for question in self.questions]

    @property
    def is_members_only(self) -> bool:
        return getattr(self.occasion, "audience", "") == "members"

    def anchor(self, name: str) -> str:
        """The id of the element the error summary links to for field ``name``."""
        bound = self[name]
        if bound.use_fieldset:
            return f"{bound.auto_id}_0"
        return bound.auto_id

    def display_order(self) -> list[str]:
        """The names of the fields in the order the template shows them."""
        names = [field.name for field in self.detail_fields]
        for _number, fields in self.colleagues:
            names += [field.name for field in fields]
        names += [field.name for field in self.question_fields]
        return [*names, "consent"]

    def error_summary(self) -> list[dict]:
        """Each error, in the order of the form: "<label> — <message>" and the id to
        link to (none for errors about the whole form)."""
        summary = [{"text": message, "anchor": ""} for message in self.non_field_errors()]
        for name in self.display_order():
            if name not in self.errors:
                continue
            label = _("Consent") if name == "consent" else self.fields[name].label
            if name.startswith("person_"):
                number = name.split("_")[1]
                label = _("Person %(number)s: %(field)s") % {"number": number, "field": label}
            for message in self.errors[name]:
                summary.append({"text": f"{label} — {message}", "anchor": self.anchor(name)})
        return summary

    # Validation -----------------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        # Any text at all, spaces included, is a bot's: people never see the field.
        if self.data.get(HONEYPOT_FIELD, "") != "":
            raise ValidationError(
                _(
                    "Your registration was refused because the field “Leave this field "
                    "empty” was filled in, as automated programs do. Please empty it and "
                    "send the form again."
                ),
                code="honeypot",
            )
        for number in self.colleague_numbers:
            name = cleaned.get(f"person_{number}_name")
            other = cleaned.get(f"person_{number}_job_title") or cleaned.get(
                f"person_{number}_email"
            )
            if other and not name:
                self.add_error(
                    f"person_{number}_name",
                    ValidationError(
                        _("Give this person's name, or leave their row empty."),
                        code="name_missing",
                    ),
                )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return self.has_error(forms.forms.NON_FIELD_ERRORS, code="honeypot")

    # What the service receives ----------------------------------------------------------

    def registration_data(self) -> dict:
        """The registration's own fields, for ``services.register``."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["website"] = data["website"] or ""
        return data

    def answers(self) -> list[AnswerInput]:
        result = []
        for question in self.questions:
            value = self.cleaned_data.get(f"{QUESTION_PREFIX}{question.pk}")
            upload = value if question.kind == Question.Kind.FILE and value else None
            result.append(
                AnswerInput(question=question, value=answer_value(question, value), file=upload)
            )
        return result

    def attendees(self) -> list[AttendeeInput]:
        """The contact first, then each colleague named."""
        people = [
            AttendeeInput(
                name=self.cleaned_data["contact_name"],
                job_title=self.cleaned_data.get("contact_job_title") or "",
                email=self.cleaned_data["email"],
            )
        ]
        for number in self.colleague_numbers:
            name = (self.cleaned_data.get(f"person_{number}_name") or "").strip()
            if name:
                people.append(
                    AttendeeInput(
                        name=name,
                        job_title=self.cleaned_data.get(f"person_{number}_job_title") or "",
                        email=self.cleaned_data.get(f"person_{number}_email") or "",
                    )
                )
        return people
