"""How an uploaded image is stored: checked, drawn upright, encoded again without its
metadata, and named after its real format.

``SanitizedImageField`` does it when a new file is saved, whichever way it comes (the
admin, a form, the shell, the demo loader): the file never reaches the storage as it was
uploaded. A photo's EXIF (GPS position, camera, date), XMP, comments and text chunks are
dropped; its colour profile is kept when it is a real one, so that colours stay true.
Whatever followed the image in the file is dropped too. Only the storage API is used.
"""

import io
import posixpath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, ImageCms, ImageOps, ImageSequence

from chamber.toolkit.validators import NOT_AN_IMAGE, image_format, validate_image_upload

# The extension a stored file of each format gets.
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}

JPEG_QUALITY = 90
WEBP_QUALITY = 90
# A colour profile larger than this is not kept (a phone's is a few kilobytes).
ICC_PROFILE_MAX_BYTES = 64 * 1024


def sanitize_image(file) -> tuple[bytes, str]:
    """``file`` encoded again (bytes) and the extension of its format.

    Raises ``ValidationError`` when ``file`` is not an image that may be uploaded (the
    checks of ``validate_image_upload``)."""
    validate_image_upload(file)
    file.seek(0)
    data = file.read()
    try:
        with Image.open(io.BytesIO(data)) as image:
            found_format = image_format(image.format)
            icc_profile = _kept_icc_profile(image.info.get("icc_profile"))
            animated = found_format != "JPEG" and getattr(image, "n_frames", 1) > 1
            loop = image.info.get("loop")
            frames, durations = _clean_frames(image, animated)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # The header was right but the pixels cannot be decoded (a cut file).
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc
    options = _save_options(found_format, frames, data, icc_profile)
    if animated:
        options.update(save_all=True, append_images=frames[1:], duration=durations)
        if loop is not None or found_format == "WEBP":
            options["loop"] = loop or 0
    out = io.BytesIO()
    frames[0].save(out, "JPEG" if found_format == "JPEG" else found_format, **options)
    return out.getvalue(), EXTENSIONS[found_format]


def _clean_frames(image, animated: bool) -> tuple[list, list[int]]:
    """Each frame (only the first unless ``animated``) upright, as a copy that carries
    nothing but its pixels (and which of its colours is transparent), with its duration."""
    frames, durations = [], []
    for frame in ImageSequence.Iterator(image) if animated else [image]:
        durations.append(int(frame.info.get("duration", 0) or 0))
        upright = ImageOps.exif_transpose(frame)  # a copy, turned as the EXIF says
        upright.load()
        transparency = upright.info.get("transparency")
        upright.info = {} if transparency is None else {"transparency": transparency}
        frames.append(upright)
    return frames, durations


def _kept_icc_profile(profile: bytes | None) -> bytes | None:
    """The colour profile, when it is one (it says how to show the colours; it holds no
    personal data) and of a sensible size; else None."""
    if not profile or len(profile) > ICC_PROFILE_MAX_BYTES:
        return None
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(profile))
    except (OSError, ImageCms.PyCMSError, TypeError, ValueError):
        return None
    return profile


def _save_options(found_format: str, frames: list, data: bytes, icc_profile) -> dict:
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if found_format == "JPEG":
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif found_format == "PNG":
        options.update(optimize=True)
    elif found_format == "WEBP":
        if _webp_is_lossless(data):
            options.update(lossless=True)
        else:
            options.update(quality=WEBP_QUALITY)
    elif found_format == "GIF":
        options.update(optimize=True)
        if any(_has_transparency(frame) for frame in frames):
            # Each frame is whole: clear the previous one, or its pixels would show
            # through the transparent ones of the next.
            options.update(disposal=2)
    return options


def _has_transparency(frame) -> bool:
    return "transparency" in frame.info or frame.mode in ("RGBA", "LA", "PA")


def _webp_is_lossless(data: bytes) -> bool:
    """Whether a WebP file holds lossless pictures (a VP8L chunk, at the top or in an
    animation frame): it is then encoded again losslessly."""

    def chunks(start: int, end: int):
        position = start
        while position + 8 <= end:
            kind = data[position : position + 4]
            length = int.from_bytes(data[position + 4 : position + 8], "little")
            yield kind, position + 8, min(position + 8 + length, end)
            position += 8 + length + (length & 1)

    for kind, start, end in chunks(12, len(data)):
        if kind == b"VP8L":
            return True
        if kind == b"ANMF" and any(k == b"VP8L" for k, _s, _e in chunks(start + 16, end)):
            return True
    return False


def name_with_extension(name: str, extension: str) -> str:
    """``name`` ending in ``extension`` instead of its own (photo.pdf -> photo.png)."""
    folder, base = posixpath.split(name or "")
    stem = base.rpartition(".")[0] if "." in base else base
    return posixpath.join(folder, (stem.strip(". ") or "image") + extension)


class SanitizedImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        """Store ``content`` encoded again, under the extension of its real format."""
        cleaned, extension = sanitize_image(content)
        super().save(name_with_extension(name, extension), ContentFile(cleaned), save)


class SanitizedImageField(models.ImageField):
    """An image field whose new files are checked and encoded again before storage
    (see the module's description)."""

    attr_class = SanitizedImageFieldFile
    default_validators = [validate_image_upload]
