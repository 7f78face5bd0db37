"""Every interface string has its French translation, and the catalogue compiles."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.support.languages import LANGUAGES

LOCALE = Path(__file__).resolve().parents[2] / "chamber" / "locale"


def catalogue(language):
    # abort_invalid: an entry without its msgstr, or a msgstr without its msgid, is an
    # error (GNU msgfmt refuses the file) rather than an entry silently skipped.
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po, locale=language, abort_invalid=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_is_well_formed(language):
    assert len(catalogue(language)) > 100


def test_every_french_string_is_translated_and_none_is_fuzzy():
    untranslated = []
    for message in catalogue("fr"):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            untranslated.append(message.id)
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header_is_not_fuzzy(language):
    # A fuzzy header makes the compilers skip the whole catalogue.
    assert not catalogue(language).fuzzy


def test_placeholders_survive_translation():
    for message in catalogue("fr"):
        if not message.id or not message.python_format:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for translated in strings:
            for name in ("%(" + part.split(")")[0] + ")" for part in ids[0].split("%(")[1:]):
                assert name in translated, (message.id, name)
