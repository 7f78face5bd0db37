"""Versions as staff read them: each field with its human name and language ("Corps
(anglais)"), values as words, and the differences between two versions, word by word;
and the fields named in the admin's history of changes."""

import copy
import difflib
import json
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.functional import lazy
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from modeltranslation.fields import TranslationField
from reversion.revisions import _get_options

from chamber.toolkit.i18n import language_codes

# A language's name inside a field's name: "Corps (anglais)".
LANGUAGE_IN_FIELD_NAME = {
    "fr": pgettext_lazy("in a field name", "French"),
    "en": pgettext_lazy("in a field name", "English"),
    "ko": pgettext_lazy("in a field name", "Korean"),
}


def field_label(field) -> str:
    """The field's name for people, with its language when it is a translation."""
    if isinstance(field, TranslationField):
        language = LANGUAGE_IN_FIELD_NAME.get(field.language, field.language)
        return f"{capfirst(field.translated_field.verbose_name)} ({language})"
    return str(capfirst(field.verbose_name))


def lazy_field_label(field):
    """``field_label(field)``, worked out each time it is shown: in the reader's language
    on a form, untranslated where Django's history of changes stores it."""
    return lazy(field_label, str)(field)


# A stored field name with its language, "Body (English)".
NAME_WITH_LANGUAGE = re.compile(r"(?P<name>.+) \((?P<language>[^()]+)\)")


def stored_label_for_people(label: str) -> str:
    """A field's name as Django's history of changes stores it (the form's label with
    translation turned off: "Body (English)", "Publish time"), in the active language
    ("Corps (anglais)", "Date de publication"). Django translates it with gettext alone,
    which knows neither a name with its language nor a capitalised verbose name (the
    msgid is "publish time")."""
    with translation.override(None):
        languages = {str(name): code for code, name in LANGUAGE_IN_FIELD_NAME.items()}
    match = NAME_WITH_LANGUAGE.fullmatch(label)
    if match and match["language"] in languages:
        language = LANGUAGE_IN_FIELD_NAME[languages[match["language"]]]
        return f"{stored_label_for_people(match['name'])} ({language})"
    translated = _(label)
    if translated == label and label[:1].isupper():
        msgid = label[:1].lower() + label[1:]
        if (lowered := _(msgid)) != msgid:
            return capfirst(lowered)
    return translated


def change_message(entry) -> str:
    """What a LogEntry of the admin's history says (``get_change_message()``), with the
    changed fields named in the active language."""
    try:
        parts = json.loads(entry.change_message) if entry.change_message[:1] == "[" else None
    except json.JSONDecodeError:
        parts = None
    if not isinstance(parts, list):
        return entry.get_change_message()
    for part in parts:
        for details in part.values():
            if isinstance(details, dict) and isinstance(details.get("fields"), list):
                details["fields"] = [stored_label_for_people(name) for name in details["fields"]]
    shown = copy.copy(entry)
    shown.change_message = json.dumps(parts)
    return shown.get_change_message()


def _shown(field) -> bool:
    """Translations in languages the site does not publish in are left out."""
    return not isinstance(field, TranslationField) or field.language in language_codes()


def _words(field, value) -> str:
    if value in (None, "", []):
        return ""
    if isinstance(field, models.ManyToManyField):
        related = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(row) for row in related))
    if isinstance(field, models.ForeignKey):
        row = field.related_model._default_manager.filter(pk=value).first()
        return str(row) if row is not None else _("(deleted)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, models.FileField):
        return str(getattr(value, "name", value))
    text = str(value)
    if "<" in text and ">" in text:
        # Rich text: the words a reader sees, one paragraph a line.
        text = re.sub(r"</(p|h\d|li|blockquote)>", "\n", text)
        text = strip_tags(text).strip()
    return text


@dataclass
class Entry:
    """One field of a version: its name and its value in words."""

    key: str
    label: str
    value: str


def entries(model, values: dict, prefix: str = "", label_prefix: str = "") -> list[Entry]:
    """The fields of a version of ``model`` (``values``: attname -> value)."""
    found = []
    for name in _get_options(model).fields:
        field = model._meta.get_field(name)
        if not _shown(field) or field.attname not in values:
            continue
        found.append(
            Entry(
                key=prefix + field.attname,
                label=label_prefix + field_label(field),
                value=_words(field, values[field.attname]),
            )
        )
    return found


def _object_values(obj) -> dict:
    values = {}
    for name in _get_options(type(obj)).fields:
        field = obj._meta.get_field(name)
        if isinstance(field, models.ManyToManyField):
            values[field.attname] = list(getattr(obj, name).values_list("pk", flat=True))
        else:
            values[field.attname] = getattr(obj, field.attname)
    return values


def _related(model) -> list[tuple[str, type]]:
    return [
        (name, model._meta.get_field(name).related_model) for name in _get_options(model).follow
    ]


def state_of_object(obj) -> list[Entry]:
    """The live page as it is now, as a version."""
    found = entries(type(obj), _object_values(obj))
    for name, related in _related(type(obj)):
        for number, row in enumerate(getattr(obj, name).all(), start=1):
            label = f"{capfirst(related._meta.verbose_name)} {number} · "
            found += entries(related, _object_values(row), f"{name}.{number}.", label)
    return found


def state_of_revision(revision, obj) -> list[Entry]:
    """What ``revision`` holds of ``obj`` (and its related rows), as a version."""
    model = type(obj)
    versions = list(revision.version_set.all())
    main_type = ContentType.objects.get_for_model(model)
    main = next(v for v in versions if v.content_type_id == main_type.pk)
    found = entries(model, main.field_dict)
    for name, related in _related(model):
        related_type = ContentType.objects.get_for_model(related)
        rows = [v for v in versions if v.content_type_id == related_type.pk]
        rows.sort(key=lambda v: (v.field_dict.get("position", 0), v.object_id))
        for number, version in enumerate(rows, start=1):
            label = f"{capfirst(related._meta.verbose_name)} {number} · "
            found += entries(related, version.field_dict, f"{name}.{number}.", label)
    return found


def diff_words(before: str, after: str) -> str:
    """``before`` and ``after`` merged, removed words in <del>, added ones in <ins>."""
    old, new = re.findall(r"\S+|\s+", before), re.findall(r"\S+|\s+", after)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
        if tag == "equal":
            parts.append(escape("".join(old[i1:i2])))
    return mark_safe("".join(parts))  # every piece of text above is escaped


@dataclass
class Change:
    label: str
    before: str
    after: str
    diff: str


def compare(first: list[Entry], second: list[Entry]) -> list[Change]:
    """The fields that differ between two versions, in the order of the form."""
    before = {entry.key: entry for entry in first}
    after = {entry.key: entry for entry in second}
    keys = list(dict.fromkeys([*before, *after]))
    changes = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        old_value, new_value = (old.value if old else ""), (new.value if new else "")
        if old_value != new_value:
            label = (new or old).label
            changes.append(Change(label, old_value, new_value, diff_words(old_value, new_value)))
    return changes
