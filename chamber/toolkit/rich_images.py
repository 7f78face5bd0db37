"""Pictures for search engines' rich results (the ``image`` of an Article or an Event).

Google asks for pictures at least 1200 pixels wide, ideally in three shapes (16:9,
4:3 and 1:1), so that each result's layout finds one that fits. Each is cut from the
uploaded image (easy-thumbnails aliases ``rich_16x9``, ``rich_4x3`` and ``rich_1x1``,
enlarged when the upload is smaller). Without an image, or should a thumbnail fail,
the chamber's share picture stands in, in the same three shapes (``static/img/share-*``:
its banner on a taller ground): a result without a picture is not shown as a rich
result at all.
"""

from django.templatetags.static import static
from easy_thumbnails.templatetags.thumbnail import thumbnail_url

# Wide, standard and square, in the order Google lists them.
ALIASES = ("rich_16x9", "rich_4x3", "rich_1x1")
DEFAULTS = ("img/share-16x9.png", "img/share-4x3.png", "img/share-1x1.png")


def image_urls(image, absolute) -> list[str]:
    """Absolute URLs of ``image`` (an ImageField's file, maybe empty) in the three
    shapes, or of the chamber's share picture in them."""
    urls = [thumbnail_url(image, alias) for alias in ALIASES] if image else []
    if not urls or not all(urls):
        urls = [static(path) for path in DEFAULTS]
    return [absolute(url) for url in urls]
