"""The admin's rich-text editor (django-prose-editor) in the staff member's language.

The editor names its buttons in English ("bold", "insert link") and translates the words
of its dialogs with Django's JavaScript catalogue (``window.gettext``), which the admin
fills with the admin's own words only ("Cancel", not "Update"); it has no other way to be
translated. So the editor's widget loads ``js/admin-editor.js`` with the editor's words
translated into the active language (``data-editor-words``, JSON): that script adds them
to the catalogue before the editor runs and renames the buttons once each editor is
ready.
"""

import json

from django import forms
from django.utils.translation import pgettext, pgettext_lazy
from django_prose_editor.widgets import AdminProseEditorWidget

SCRIPT = "js/admin-editor.js"

# The editor's words as it writes them (keys, matched exactly) and as staff read them:
# its menu buttons, then its dialogs. Heading levels are added by ``editor_words``. Each
# call is written out: makemessages reads them.
WORDS = {
    "paragraph": pgettext_lazy("rich-text editor", "Paragraph"),
    "Paragraph": pgettext_lazy("rich-text editor", "Paragraph"),
    "unordered list": pgettext_lazy("rich-text editor", "Bulleted list"),
    "ordered list": pgettext_lazy("rich-text editor", "Numbered list"),
    "List properties": pgettext_lazy("rich-text editor", "List properties"),
    "blockquote": pgettext_lazy("rich-text editor", "Quotation"),
    "horizontal rule": pgettext_lazy("rich-text editor", "Horizontal line"),
    "bold": pgettext_lazy("rich-text editor", "Bold"),
    "italic": pgettext_lazy("rich-text editor", "Italic"),
    "underline": pgettext_lazy("rich-text editor", "Underline"),
    "strike": pgettext_lazy("rich-text editor", "Strikethrough"),
    "subscript": pgettext_lazy("rich-text editor", "Subscript"),
    "superscript": pgettext_lazy("rich-text editor", "Superscript"),
    "insert link": pgettext_lazy("rich-text editor", "Insert link"),
    "remove link": pgettext_lazy("rich-text editor", "Remove link"),
    "undo": pgettext_lazy("rich-text editor", "Undo"),
    "redo": pgettext_lazy("rich-text editor", "Redo"),
    "edit HTML": pgettext_lazy("rich-text editor", "Edit HTML"),
    # Dialogs
    "Update": pgettext_lazy("rich-text editor", "Apply"),
    "Cancel": pgettext_lazy("rich-text editor", "Cancel"),
    "Edit Link": pgettext_lazy("rich-text editor", "Edit link"),
    "URL": pgettext_lazy("rich-text editor", "Address (URL)"),
    "Title": pgettext_lazy("rich-text editor", "Title"),
    "Open in new window": pgettext_lazy("rich-text editor", "Open in a new window"),
    "Edit HTML": pgettext_lazy("rich-text editor", "Edit HTML"),
    "The HTML contents of the editor. Note that the allowed HTML is restricted by the "
    "editor schema.": pgettext_lazy(
        "rich-text editor", "The text in HTML. Only the markup the editor allows is kept."
    ),
    "Prettify": pgettext_lazy("rich-text editor", "Tidy up"),
    "Start at": pgettext_lazy("rich-text editor", "Start at"),
    "List type": pgettext_lazy("rich-text editor", "List type"),
    "Decimal numbers": pgettext_lazy("rich-text editor", "Numbers"),
    "Lowercase letters": pgettext_lazy("rich-text editor", "Lowercase letters"),
    "Uppercase letters": pgettext_lazy("rich-text editor", "Uppercase letters"),
    "Lowercase Roman numerals": pgettext_lazy("rich-text editor", "Lowercase Roman numerals"),
    "Uppercase Roman numerals": pgettext_lazy("rich-text editor", "Uppercase Roman numerals"),
    "Bullets": pgettext_lazy("rich-text editor", "Bullets"),
}
HEADING_LEVELS = range(1, 7)


def editor_words() -> dict[str, str]:
    """The editor's words in the active language."""
    words = {english: str(word) for english, word in WORDS.items()}
    for level in HEADING_LEVELS:
        heading = pgettext("rich-text editor", "Heading %(level)s") % {"level": level}
        words[f"heading {level}"] = words[f"Heading {level}"] = heading
    return words


class RichTextWidget(AdminProseEditorWidget):
    """django-prose-editor's admin widget, with its words in the staff member's
    language."""

    @property
    def media(self):
        words = json.dumps(editor_words(), ensure_ascii=False, sort_keys=True)
        return super().media + forms.Media(
            js=[forms.Script(SCRIPT, **{"data-editor-words": words})]
        )


def rich_text_widget():
    """The body editor of articles and pages: the formatting a press release needs, nothing that the
    sanitiser (chamber.toolkit.sanitizer) would remove; its buttons and dialogs in the
    staff member's language."""
    return RichTextWidget(
        config={
            "extensions": {
                "Bold": True,
                "Italic": True,
                "Underline": True,
                "Strike": True,
                "Subscript": True,
                "Superscript": True,
                "Heading": {"levels": [2, 3, 4]},
                "BulletList": True,
                "OrderedList": True,
                "ListItem": True,
                "Blockquote": True,
                "HorizontalRule": True,
                "HardBreak": True,
                "Link": {"enableTarget": False},
                "History": True,
                "HTML": True,
            }
        },
        preset="configurable",
    )
