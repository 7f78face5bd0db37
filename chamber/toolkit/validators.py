"""Checks applied to uploaded images and PDF documents before anything is written."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}

# Formats Pillow names apart that are files of an allowed format: a phone's JPEG holding
# a second picture (MPO, a depth map or a gain map) is a JPEG whose first picture is shown.
SAME_FORMAT_AS = {"MPO": "JPEG"}

PDF_SIGNATURE = b"%PDF-"

NOT_AN_IMAGE = gettext_lazy("This file is not an image that can be read (JPEG, PNG, GIF or WebP).")


def image_format(pillow_format: str | None) -> str | None:
    """The allowed format a file Pillow reads as ``pillow_format`` is, as far as we care."""
    return SAME_FORMAT_AS.get(pillow_format, pillow_format)


def validate_image_upload(file) -> None:
    """Refuse a file that is too large, is not a real image of an allowed format, has
    absurd dimensions, or carries something after the image.

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
                found_format = image_format(image.format)
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
                frames = getattr(image, "n_frames", 1) if found_format != "JPEG" else 1
                if frames * width * height > settings.IMAGE_MAX_PIXELS:
                    raise ValidationError(
                        _(
                            "The animation has %(frames)s frames of %(width)s × %(height)s "
                            "pixels; all its frames together may have at most %(limit)s "
                            "million pixels."
                        )
                        % {
                            "frames": frames,
                            "width": width,
                            "height": height,
                            "limit": settings.IMAGE_MAX_PIXELS // 1_000_000,
                        },
                        code="image_too_many_frames",
                    )
                image.verify()
            file.seek(0)
            data = file.read()
        finally:
            Image.MAX_IMAGE_PIXELS = previous_limit
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc
    finally:
        if position is not None:
            file.seek(position)
    if found_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG, GIF or WebP files."), code="image_format"
        )
    end = image_end(data, found_format)
    if end is None:
        # The structure cannot be followed to the end of the image: a damaged file.
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
    if carries_data_after_the_image(data[end:], found_format):
        raise ValidationError(
            _(
                "This file holds other data after the image (such as a web page or a "
                "script); save it again as a plain image and upload that."
            ),
            code="image_trailing_data",
        )


# What comes after the image -------------------------------------------------------------
#
# A file can be an image and something else at once (a "polyglot"): a GIF followed by a
# web page, which a browser guessing the type of a download may run. Each format says
# where its image ends; nothing may follow but padding. Phones do write after the end of a
# JPEG (the video of a motion photo, maker data, the second picture of an MPO), so for a
# JPEG only markup or script there is refused; whatever follows an image is dropped when
# it is encoded again before storage (chamber.toolkit.images).

_PADDING = b"\x00 \t\r\n"
_MARKUP = re.compile(
    rb"<(?:!doctype|\?php|\?xml|/?(?:html|head|body|script|iframe|frameset|object|embed"
    rb"|svg|math|img|meta|link|style|base|form|input|video|audio|template))[\s/>]"
    rb"|javascript:",
    re.IGNORECASE,
)


def carries_data_after_the_image(after: bytes, found_format: str) -> bool:
    """Whether ``after`` (the bytes after the end of an image of ``found_format``) holds
    more than padding (for a JPEG: holds markup or script)."""
    if found_format == "JPEG":
        return _MARKUP.search(after) is not None
    return bool(after.strip(_PADDING))


def image_end(data: bytes, found_format: str) -> int | None:
    """Where the image of ``data`` (a file of ``found_format``) ends, or None when its
    structure cannot be followed to the end."""
    finder = {"PNG": _png_end, "GIF": _gif_end, "WEBP": _webp_end, "JPEG": _jpeg_end}
    try:
        return finder[found_format](data)
    except IndexError:
        return None


def _png_end(data: bytes) -> int | None:
    position = 8  # the signature
    while position + 12 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        position += 12 + length  # length, type, data, CRC
        if kind == b"IEND":
            return position if position <= len(data) else None
    return None


def _color_table_size(flags: int) -> int:
    return 3 * (2 << (flags & 0x07)) if flags & 0x80 else 0


def _gif_end(data: bytes) -> int | None:
    # Header (6 bytes), logical screen descriptor (7), global color table.
    position = 13 + _color_table_size(data[10])
    while position < len(data):
        block = data[position]
        if block == 0x3B:  # the trailer
            return position + 1
        if block == 0x21:  # an extension: introducer, label, then sub-blocks
            position += 2
        elif block == 0x2C:  # an image: descriptor, local color table, LZW code size
            flags = data[position + 9]
            position += 10 + _color_table_size(flags) + 1
        else:
            return None
        while True:  # sub-blocks, up to the empty one
            length = data[position]
            position += 1 + length
            if length == 0:
                break
    return None


def _webp_end(data: bytes) -> int | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    length = int.from_bytes(data[4:8], "little")
    end = 8 + length + (length & 1)
    return end if end <= len(data) else None


def _jpeg_end(data: bytes) -> int | None:
    if data[:2] != b"\xff\xd8":
        return None
    position = 2
    while True:
        if data[position] != 0xFF:
            return None
        while data[position] == 0xFF:  # fill bytes
            position += 1
        marker = data[position]
        position += 1
        if marker == 0xD9:  # end of image
            return position
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            continue
        position += int.from_bytes(data[position : position + 2], "big")
        if marker == 0xDA:
            # Entropy-coded data follows a start of scan, up to the next marker that is
            # neither a stuffed zero nor a restart.
            while True:
                position = data.find(b"\xff", position)
                if position < 0:
                    return None
                following = data[position + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    position += 2
                elif following == 0xFF:
                    position += 1
                else:
                    break


def validate_pdf_upload(upload, max_bytes: int) -> None:
    """Refuse a file larger than ``max_bytes`` or that is not a PDF, judged by its
    content (its signature, then pypdf reading its pages), never by its name or the type
    the browser claims. The file is left at its start."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("This file is too large (%(size)s): send a PDF of %(limit)s at most.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="file_too_large",
        )
    not_pdf = ValidationError(
        _("This file is not a PDF document. Please send your document as a PDF file."),
        code="not_pdf",
    )
    upload.seek(0)
    if upload.read(len(PDF_SIGNATURE)) != PDF_SIGNATURE:
        raise not_pdf
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if len(reader.pages) < 1:
            raise not_pdf
    except Exception as error:
        # pypdf raises its own errors, and others on a malformed file: either way the
        # file is no PDF we can accept.
        raise not_pdf from error
    finally:
        upload.seek(0)
