"""The admin shows which languages each page is ready in: a column and a filter in the
lists, the missing fields of each language on the form."""

import pytest

from news.models import Article
from tests.support.adminforms import admin_url
from tests.support.factories import ArticleFactory
from tests.support.htmlpage import parse
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db


def changelist(admin_client, **params):
    return admin_client.get(
        admin_url(Article, "changelist"), params, headers={"accept-language": "en"}
    )


def test_the_list_marks_each_language_ready_or_not(admin_client):
    ArticleFactory(title_en="Complete")
    ArticleFactory(title_en="Without an English lead", lead_en="")
    rows = parse(changelist(admin_client).content).find_all("tr")
    by_title = {}
    for row in rows:
        link = row.find("a")
        cell = row.find("td", class_="field-languages")
        if link is not None and cell is not None:
            by_title[link.text] = cell.text.split()
    assert by_title["Complete"] == [code.upper() for code in LANGUAGES]
    assert by_title["Without an English lead"] == [
        f"({code.upper()})" if code == "en" else code.upper() for code in LANGUAGES
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_filter_finds_what_is_ready_or_missing_in_a_language(admin_client, language):
    complete = ArticleFactory()
    missing = ArticleFactory(**{f"body_{language}": ""})
    ready = changelist(admin_client, language=f"ready-{language}").context["cl"].result_list
    not_ready = changelist(admin_client, language=f"missing-{language}").context["cl"].result_list
    assert list(ready) == [complete]
    assert list(not_ready) == [missing]


def test_an_unknown_filter_value_lists_everything(admin_client):
    ArticleFactory.create_batch(2)
    response = changelist(admin_client, language="missing-xx")
    assert response.status_code in (200, 302)


def test_the_form_names_the_missing_fields_of_each_language(admin_client):
    article = ArticleFactory(lead_en="", body_ko="")
    response = admin_client.get(
        admin_url(Article, "change", article.pk), headers={"accept-language": "en"}
    )
    missing = {item["language"]: item["fields"] for item in response.context["review"]["missing"]}
    assert missing.get("English") == ["Lead (English)"]
    if "ko" in LANGUAGES:
        assert missing.get("Korean") == ["Body (Korean)"]
    help_text = parse(response.content).find("p", class_="review-required")
    assert help_text.get("data-required-translations") == "title slug lead body"
