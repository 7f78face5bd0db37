"""Plain-text helpers for what staff type in text areas."""

# Bullets and dashes that people type at the start of a list item.
BULLETS = " •-*\t"


def item_lines(text: str) -> list[str]:
    """The items of ``text`` written one per line, without their bullets; blank lines
    are left out."""
    return [line.strip(BULLETS) for line in text.splitlines() if line.strip()]
