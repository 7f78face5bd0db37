"""The header's and footer's menus, as staff built them in the admin."""

from django import template

from chamber.pages.navigation import mark_current, menu_links

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context, menu: str) -> list[dict]:
    """The links of ``menu`` ("header" or "footer") in the active language, the current
    page and section marked; empty when staff have built none (the template then shows
    the site's sections)."""
    request = context.get("request")
    links = menu_links().get(menu, [])
    return mark_current(links, request.path if request is not None else "")
