"""Fragments of pages rendered once and then read from the cache.

A list page renders one fragment per item (an article's card, a member's entry): most of
its work. Each fragment is kept per item, language and generation of the content
(``chamber.toolkit.cache``): any change to content renders them again, so a fragment
never shows an old title, category or logo; a whole list is read in one round trip.
"""

from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from chamber.toolkit.cache import keep, read, seconds_to_keep


def render_each(
    objects, template_name: str, name: str, *, extra=None, fresh=None, eager_first=None, variant=""
) -> str:
    """``template_name`` rendered for each of ``objects`` (as ``name`` in its context,
    with ``extra(obj)``'s variables), joined in order. Objects for which ``fresh(obj)``
    is true are rendered each time (search results with their matches marked).

    ``eager_first(obj)``: whether ``obj`` shows a picture; the first that does is the
    page's first picture, rendered with ``eager`` true (loaded at once, not lazily) and
    kept apart from the same fragment further down a list. ``variant``: what else, the
    same for every object, changes the fragments (a layout), kept apart too."""
    template = get_template(template_name)
    objects = list(objects)
    eager = next((obj.pk for obj in objects if eager_first(obj)), None) if eager_first else None
    prefix = f"fragment:{template_name}:{variant}:{get_language()}:"
    keys = {
        obj.pk: f"{prefix}{obj.pk}{':eager' if obj.pk == eager else ''}"
        for obj in objects
        if not (fresh and fresh(obj))
    }
    current, found = read(*keys.values())
    rendered, new = [], {}
    for obj in objects:
        key = keys.get(obj.pk)
        html = found.get(key)
        if html is None:
            context = {name: obj, **(extra(obj) if extra else {})}
            if obj.pk == eager:
                context["eager"] = True
            html = template.render(context)
            if key:
                new[key] = html
        rendered.append(html)
    if new:
        keep(new, current, seconds_to_keep(current=current))
    return mark_safe("".join(rendered))  # each fragment escaped by its template
