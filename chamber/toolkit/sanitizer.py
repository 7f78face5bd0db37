"""Rich text sanitising with nh3 (the Ammonia HTML sanitiser).

Editors write articles in HTML; only the tags and attributes below reach a page.
Scripts, event handlers, styles and javascript: URLs are removed.
"""

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure",
    "h2", "h3", "h4", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "*": {"lang"},
}


def sanitize_html(value: str) -> str:
    """Return ``value`` with only the allowed tags, attributes and URL schemes."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
