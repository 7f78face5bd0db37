"""The admin's history of changes in the reader's language."""

from django import template

from chamber.toolkit import versions

register = template.Library()


@register.filter
def change_message(entry) -> str:
    """``{{ action|change_message }}``: the change a LogEntry records, each changed field
    named in the reader's language ("Modification de Corps (anglais)")."""
    return versions.change_message(entry)
