"""Answers to the organiser's questions: how a file is checked and stored, how an answer
reads.

How answers are stored (``events.models.Answer``), whatever the question becomes later:

- ``label`` and ``kind``: the question's words and kind as the registrant read them, in
  their language;
- ``value``: the answer as text. Choices are stored as the chosen labels in the
  registrant's language, one per line; yes/no as the canonical ``yes`` or ``no``, shown
  as a translated word in the reader's language (``display_value``); numbers as
  written, without grouping (``1500.5``); dates in ISO format (``2025-06-12``); for a
  file, the name it had on the registrant's computer;
- ``file``: the PDF itself, in the private storage under a random name (never the name
  it was sent with), reachable only through links signed for staff.
"""

import posixpath
import uuid

from django.conf import settings
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy

from chamber.toolkit.storage import private_storage
from chamber.toolkit.validators import validate_pdf_upload

YES = "yes"
NO = "no"
YES_NO_LABELS = {YES: gettext_lazy("Yes"), NO: gettext_lazy("No")}


def display_value(answer) -> str:
    """The answer as the reader (the active language) reads it."""
    if answer.kind == "yes_no" and answer.value in YES_NO_LABELS:
        return str(YES_NO_LABELS[answer.value])
    return answer.value


def validate_pdf(upload) -> None:
    """Refuse a file that is too large (``ANSWER_FILE_MAX_BYTES``) or is not a PDF,
    judged by its content (``validate_pdf_upload``)."""
    validate_pdf_upload(upload, settings.ANSWER_FILE_MAX_BYTES)


def original_name(upload) -> str:
    """The name the file had, made safe to show (kept as the answer's text)."""
    name = posixpath.basename(str(upload.name).replace("\\", "/"))
    return get_valid_filename(name)[:200] or "document.pdf"


def store_file(upload) -> str:
    """Save ``upload`` in the private storage under a random name; returns that name."""
    from events.models import Answer

    field = Answer._meta.get_field("file")
    name = field.generate_filename(None, f"{uuid.uuid4().hex}.pdf")
    upload.seek(0)
    return private_storage().save(name, upload)


def delete_files(names) -> None:
    """Delete stored answer files (after the rows naming them are gone)."""
    storage = private_storage()
    for name in names:
        if name:
            storage.delete(name)
