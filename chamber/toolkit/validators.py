"""Checks applied to uploaded images before anything is written."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def validate_image_upload(file) -> None:
    """Refuse a file that is too large, is not a real image, or has absurd dimensions.

    The pixel count is read from the header, before any decoding, so that a
    decompression bomb is refused without being expanded in memory.
    """
    max_bytes = settings.IMAGE_MAX_UPLOAD_BYTES
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("The image is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="image_too_large",
        )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        previous_limit = Image.MAX_IMAGE_PIXELS
        # Pillow's own bomb check is disabled here: ours below gives a clear message.
        Image.MAX_IMAGE_PIXELS = None
        try:
            with Image.open(file) as image:
                width, height = image.size
                image_format = image.format
                if width * height > settings.IMAGE_MAX_PIXELS:
                    raise ValidationError(
                        _(
                            "The image is %(width)s × %(height)s pixels; "
                            "it may have at most %(limit)s million pixels."
                        )
                        % {
                            "width": width,
                            "height": height,
                            "limit": settings.IMAGE_MAX_PIXELS // 1_000_000,
                        },
                        code="image_too_many_pixels",
                    )
                image.verify()
        finally:
            Image.MAX_IMAGE_PIXELS = previous_limit
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("This file is not an image that can be read (JPEG, PNG, GIF or WebP)."),
            code="not_an_image",
        ) from exc
    finally:
        if position is not None:
            file.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG, GIF or WebP files."), code="image_format"
        )
