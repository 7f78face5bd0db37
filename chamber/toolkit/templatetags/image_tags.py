"""The one tag pages show uploaded images with: a responsive ``<picture>``."""

from django import template
from django.utils.translation import get_language

from chamber.toolkit.i18n import shown_language
from chamber.toolkit.renditions import picture

register = template.Library()


@register.inclusion_tag("includes/_picture.html")
def responsive_image(
    image,
    kind,
    *,
    alt="",
    sizes=None,
    eager=False,
    priority=False,
    css_class="",
    alt_of=None,
    alt_field="image_alt",
):
    """``image`` (an image field's file) as a ``<picture>``: WebP renditions, then JPEG
    (or PNG) ones, in the widths of ``kind`` (a key of ``chamber.toolkit.renditions.KINDS``),
    the ``<img>`` with its fallback's real width and height. Nothing without an image.

    ``{% responsive_image article.image "card" alt=article.image_alt alt_of=article %}``

    - ``sizes``: the layout the picture is drawn in, when not the kind's own (a key of
      ``renditions.SIZES``, or a ``sizes`` value);
    - ``eager``: the first picture of a page, loaded at once; every other one is loaded
      lazily, when the reader scrolls near it (``loading="lazy"``, decoded apart);
      ``priority``: the page's main picture (a hero), eager and fetched first;
    - ``alt_of`` and ``alt_field``: the object and translated field ``alt`` comes from,
      to mark it with its language when it falls back to another one.
    """
    shown = shown_language(alt_of, alt_field) if alt_of is not None else None
    return {
        "picture": picture(image, kind, sizes),
        "alt": alt or "",
        "lang": shown if shown and shown != get_language() else "",
        "eager": bool(eager or priority),
        "priority": bool(priority),
        "css_class": css_class,
    }


@register.filter
def first_with(objects, field: str):
    """The first of ``objects`` whose ``field`` (an image) is set: the one a list's
    first picture belongs to, ``{% with first=publications|first_with:"cover" %}``."""
    return next((obj for obj in objects if getattr(obj, field)), None)
