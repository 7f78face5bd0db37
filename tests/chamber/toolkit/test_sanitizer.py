import pytest

from chamber.toolkit.sanitizer import sanitize_html
from tests.support.htmlpage import executable_parts, parse

ATTACKS = [
    '<p>Hello</p><script>alert("x")</script>',
    '<img src="x" onerror="alert(1)">',
    '<p onclick="alert(1)">click</p>',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href="&#106;avascript:alert(1)">link</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(1)"><circle r="1"></circle></svg>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<style>body { display: none }</style><p>text</p>",
    '<object data="evil.swf"></object>',
    '<form action="https://evil.example/"><input name="q"></form>',
    "<scr<script>ipt>alert(1)</script>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_nothing_that_can_run_survives(attack):
    cleaned = sanitize_html(attack)
    assert executable_parts(parse(cleaned)) == []
    lowered = cleaned.lower()
    for marker in ("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "style="):
        assert marker not in lowered


def test_keeps_the_text_of_removed_markup():
    assert "click" in sanitize_html('<p onclick="alert(1)">click</p>')


def test_keeps_editorial_markup():
    html = (
        "<h2>Titre</h2><p>Un <strong>texte</strong> avec <em>emphase</em>.</p>"
        '<ul><li>un</li></ul><blockquote cite="https://example.org/">cité</blockquote>'
        '<table><thead><tr><th scope="col">A</th></tr></thead>'
        '<tbody><tr><td colspan="2">1</td></tr></tbody></table>'
    )
    assert sanitize_html(html) == html


def test_links_keep_their_address_and_get_a_safe_rel():
    doc = parse(sanitize_html('<a href="https://example.org/" title="Ex">ex</a>'))
    link = doc.one("a")
    assert link.get("href") == "https://example.org/"
    assert link.get("title") == "Ex"
    assert set(link.get("rel").split()) == {"noopener", "noreferrer"}


@pytest.mark.parametrize("href", ["mailto:contact@example.org", "tel:+8220000000"])
def test_mail_and_phone_links_are_kept(href):
    assert parse(sanitize_html(f'<a href="{href}">x</a>')).one("a").get("href") == href


def test_lang_attribute_is_kept_on_any_tag():
    assert sanitize_html('<p lang="ko">안녕하세요</p>') == '<p lang="ko">안녕하세요</p>'


@pytest.mark.parametrize("value", ["", None])
def test_empty_input_gives_an_empty_string(value):
    assert sanitize_html(value) == ""
