"""The admin's history of changes names the changed fields in the reader's language."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import translation

from chamber.toolkit.versions import change_message
from tests.support.languages import LANGUAGES

# What Django stores for a change of an agreement with its parties and signatories: the
# form's labels with translation turned off; "Corps (English)" is a label stored in
# French by an earlier version of the site.
STORED = [
    {"changed": {"fields": ["Title (English)", "Publish time", "Corps (English)"]}},
    {"changed": {"name": "party", "object": "Busan", "fields": ["Role (Korean)"]}},
    {"added": {"name": "signatory", "object": "Park"}},
    {"deleted": {"name": "party", "object": "Seoul"}},
]
# (French quotes hold their words, and a colon follows its word, with narrow no-break spaces.)
SHOWN = {
    "fr": "Modification de Titre (anglais), Date de publication et Corps (anglais). "
    "Modification de Rôle (coréen) pour l'objet partie «\u202fBusan\u202f». "
    "Ajout\u202f: signataire «\u202fPark\u202f». Suppression\u202f: partie «\u202fSeoul\u202f».",
    "en": "Changed Title (English), Publish time and Corps (English). "
    "Changed Role (Korean) for party “Busan”. Added signatory “Park”. Deleted party “Seoul”.",
    "ko": "제목 (영어), 게시 일시 및 Corps (영어) 항목을 변경했습니다. "
    "당사자 “Busan”의 역할 (한국어) 항목을 변경했습니다. "
    "서명자 “Park”을(를) 추가했습니다. 당사자 “Seoul”을(를) 삭제했습니다.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_change_reads_in_the_readers_language(language):
    entry = LogEntry(change_message=json.dumps(STORED))

    with translation.override(language):
        assert change_message(entry) == SHOWN[language]


def test_a_message_that_is_not_a_list_of_changes_is_shown_as_it_is():
    for text in ("Changed by a script.", "[not json", ""):
        assert (
            change_message(LogEntry(change_message=text))
            == LogEntry(change_message=text).get_change_message()
        )
