"""Responsive pictures of uploaded images: the renditions a page offers for each one.

Each *kind* of picture (an article card's, a hero's, a logo's ...) is a series of
easy-thumbnails aliases (``THUMBNAIL_ALIASES``), each made twice: in WebP, and in JPEG
(PNG when it is transparent) for browsers without WebP. A card or a hero is offered in
several widths (``srcset`` with ``w`` descriptors and ``sizes``: the browser takes the
smallest that fills its layout); a logo at its size and twice as sharp (``1x``/``2x``),
for screens of two pixels per point. Only the widths the upload can give are offered
(never upscaled), so that every rendition of a picture has the same proportions.

Made once: a picture's renditions (their names, widths and heights) are described once
and that description is cached (``RENDITIONS_CACHE_SECONDS``). A page that shows the
picture again reads it from the cache: it neither opens the upload nor looks for the
files, and makes no database query. When the description is not in the cache,
easy-thumbnails finds the files it made before (their dimensions are recorded with them,
``THUMBNAIL_CACHE_DIMENSIONS``) and makes only those missing. Uploads are never
overwritten (a new file gets a new name), so a description cannot go stale; one that
outlives its files (removed by hand) is made again within a day.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.core.cache import cache
from easy_thumbnails.alias import aliases
from easy_thumbnails.files import get_thumbnailer
from easy_thumbnails.storage import get_storage

logger = logging.getLogger(__name__)

RENDITIONS_CACHE_SECONDS = 24 * 3600
# An image that cannot be read (a missing or broken file) is tried again after this.
FAILURE_CACHE_SECONDS = 5 * 60
CACHE_VERSION = 1

WEBP = "webp"

# How wide a picture is drawn, for ``sizes`` (static/css/site.css; 1rem is 16px in media
# queries). ``grid``: a card of ``.grid`` (columns of at least 16.5rem, 1.25rem apart, in
# ``.container``: 72rem at most, with 1rem of padding on each side): four columns from
# 71.75rem, three from 54rem, two from 36.25rem, else one. ``article-grid``: the same
# grid in ``.article`` (48rem at most, with the same padding): two columns from 36.25rem.
# ``article``: the whole width of ``.article``; ``event``: of ``.event`` (52rem at most).
SIZES = {
    "grid": (
        "(min-width: 71.75rem) 16.6rem, (min-width: 54rem) calc((100vw - 4.5rem) / 3), "
        "(min-width: 36.25rem) calc((100vw - 3.25rem) / 2), calc(100vw - 2rem)"
    ),
    "article-grid": (
        "(min-width: 48rem) 22.4rem, (min-width: 36.25rem) calc((100vw - 3.25rem) / 2), "
        "calc(100vw - 2rem)"
    ),
    "article": "(min-width: 48rem) 46rem, calc(100vw - 2rem)",
    "event": "(min-width: 52rem) 50rem, calc(100vw - 2rem)",
    # A fair's picture beside its name in the list of fairs.
    "fair-card": "(min-width: 36.25rem) 14rem, calc(100vw - 2rem)",
}


@dataclass(frozen=True)
class Kind:
    """A kind of picture: its aliases from the smallest, the one an ``<img>`` falls back
    to (``main``), whether it is offered by pixel density (a logo, ``1x``/``2x``) rather
    than by width, and the layout it is drawn in (a key of ``SIZES``)."""

    aliases: tuple[str, ...]
    main: str
    density: bool = False
    sizes: str = ""


KINDS = {
    "card": Kind(("card_320", "card", "card_960"), main="card", sizes="grid"),
    "hero": Kind(("hero_480", "hero_800", "hero", "hero_1600"), main="hero", sizes="article"),
    # A logo at 240 x 120 at most (an organisation's page), at 120 x 60 (a member card),
    # a partner's at 200 x 100; each with its rendition twice as large.
    "logo": Kind(("logo", "logo_2x"), main="logo", density=True),
    "logo_card": Kind(("logo_card", "logo"), main="logo_card", density=True),
    "partner": Kind(("partner", "partner_2x"), main="partner", density=True),
}


@dataclass(frozen=True)
class Rendition:
    """One width of a picture: its fallback file (JPEG or PNG) and its WebP file, as
    storage names, and their size in pixels."""

    alias: str
    name: str
    webp_name: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` needs: the fallback ``<img>``'s file and size, and both
    ``srcset`` (fallback format, WebP)."""

    src: str
    width: int
    height: int
    srcset: str
    webp_srcset: str
    sizes: str


def renditions(image, kind_name: str) -> tuple[Rendition, ...]:
    """The renditions of ``image`` (an image field's file) for ``KINDS[kind_name]``, from
    the smallest; empty when the image cannot be read. Cached (see the module's
    description)."""
    kind = KINDS[kind_name]
    key = _cache_key(image.name, kind_name, kind)
    found = cache.get(key)
    if found is None:
        found = _make(image, kind)
        cache.set(key, found, RENDITIONS_CACHE_SECONDS if found else FAILURE_CACHE_SECONDS)
    return found


def picture(image, kind_name: str, sizes: str | None = None) -> Picture | None:
    """``image``'s picture of ``KINDS[kind_name]``: None without an image, or when it
    cannot be read. ``sizes`` (a key of ``SIZES`` or a ``sizes`` value) replaces the
    kind's layout."""
    if not image:
        return None
    kind = KINDS[kind_name]
    found = renditions(image, kind_name)
    if not found:
        return None
    storage = get_storage()
    urls = {r.name: storage.url(r.name) for r in found}
    webp_urls = {r.webp_name: storage.url(r.webp_name) for r in found}
    if kind.density:
        main = found[0]
        descriptors = ["1x", *(_density(r.width / main.width) for r in found[1:])]
        layout = ""
    else:
        main = next((r for r in found if r.alias == kind.main), found[-1])
        descriptors = [f"{r.width}w" for r in found]
        layout = SIZES.get(sizes or kind.sizes, sizes or "")
    return Picture(
        src=urls[main.name],
        width=main.width,
        height=main.height,
        srcset=", ".join(f"{urls[r.name]} {d}" for r, d in zip(found, descriptors, strict=True)),
        webp_srcset=", ".join(
            f"{webp_urls[r.webp_name]} {d}" for r, d in zip(found, descriptors, strict=True)
        ),
        sizes=layout,
    )


def _density(ratio: float) -> str:
    """``2x``, ``1.5x`` ... for a rendition ``ratio`` times as wide as the first."""
    return f"{round(ratio, 2):g}x"


def _cache_key(name: str, kind_name: str, kind: Kind) -> str:
    # The aliases' options are part of the key: changing a size in the settings makes
    # the renditions again. (Without the upper-case ones, such as the ALIAS that
    # easy-thumbnails writes into them: they name nothing about the file.)
    spec = repr(
        [
            (alias, sorted((k, v) for k, v in aliases.get(alias).items() if k != k.upper()))
            for alias in kind.aliases
        ]
    )
    digest = hashlib.sha256(f"{kind_name}|{spec}|{name}".encode()).hexdigest()
    return f"renditions:{CACHE_VERSION}:{digest}"


def _make(image, kind: Kind) -> tuple[Rendition, ...]:
    """Make (or find) ``image``'s renditions of ``kind``."""
    try:
        width, height = image.width, image.height
        chosen = _fitting(kind, width, height)
        fallback = get_thumbnailer(image)
        webp = get_thumbnailer(image)
        webp.thumbnail_extension = webp.thumbnail_transparency_extension = WEBP
        webp.thumbnail_preserve_extensions = None
        made = []
        for alias in chosen:
            thumbnail = fallback[alias]
            modern = webp[alias]
            rendition = Rendition(
                alias, thumbnail.name, modern.name, thumbnail.width, thumbnail.height
            )
            # A logo smaller than the larger box gives no sharper rendition.
            if not made or rendition.width > made[-1].width:
                made.append(rendition)
        return tuple(made)
    except Exception:  # a missing or broken file: the page shows no picture
        logger.warning("No renditions of the image %s", image.name, exc_info=True)
        return ()


def _fitting(kind: Kind, width: int, height: int) -> list[str]:
    """The aliases of ``kind`` an upload of ``width`` x ``height`` can fill without being
    enlarged (at least the smallest). A logo fits in its box whatever its size: its
    larger rendition is kept only when it is larger (see ``_make``)."""
    if kind.density:
        box = aliases.get(kind.aliases[0])["size"]
        # An upload that fits in the first box is shown as it is: nothing sharper.
        return list(kind.aliases if width > box[0] or height > box[1] else kind.aliases[:1])
    fitting = [
        alias
        for alias in kind.aliases
        if aliases.get(alias)["size"][0] <= width and aliases.get(alias)["size"][1] <= height
    ]
    return fitting or list(kind.aliases[:1])
