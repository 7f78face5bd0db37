"""What every app's demo loader shares: rows written only when something differs, and
pictures drawn with Pillow so that the demo needs no download.

Loading the demo twice must change nothing (``updated_at`` included), so loaders never
call ``update_or_create``, which saves every time.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont


def sync(model, lookup: dict, values: dict, create_values: dict | None = None):
    """The row of ``model`` matching ``lookup``: created with ``values`` (and
    ``create_values``) when missing, else updated, and saved, only where a value of
    ``values`` differs. ``create_values`` are written on creation only (what staff may
    have changed since, such as a registration's status)."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values, **(create_values or {}))
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj


def attach_image(instance, field: str, name: str, make) -> None:
    """Give ``instance`` the picture ``make()`` draws, unless it has one already."""
    if not getattr(instance, field):
        getattr(instance, field).save(name, make(), save=False)
        instance.save(update_fields=[field])


def publish_time(days_ago: int) -> datetime.datetime:
    """A stable publish time: nine in the morning, ``days_ago`` days before today
    (negative: in the future)."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _png(image: Image.Image) -> ContentFile:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue())


def banner(label: str, colors: tuple[str, str], size=(1200, 630)) -> ContentFile:
    """A diagonal two-colour banner with a label, as a PNG file."""
    width, height = size
    image = Image.new("RGB", size, colors[0])
    draw = ImageDraw.Draw(image)
    draw.polygon([(width * 0.45, 0), (width, 0), (width, height), (width * 0.2, height)], colors[1])
    for step in range(6):
        offset = step * 40
        draw.ellipse(
            [width - 260 - offset, 60 + offset, width - 60 - offset, 260 + offset],
            outline="white",
            width=3,
        )
    font = ImageFont.load_default(size=64)
    draw.text((60, height - 160), label, fill="white", font=font)
    return _png(image)


def logo(initials: str, color: str, size=(480, 240)) -> ContentFile:
    """A rounded rectangle of ``color`` with white ``initials``, as a PNG file."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([10, 10, size[0] - 10, size[1] - 10], radius=30, fill=color)
    font = ImageFont.load_default(size=96)
    draw.text((size[0] / 2, size[1] / 2), initials, fill="white", font=font, anchor="mm")
    return _png(image)


def pdf_document(title: str, lines: list[str]) -> ContentFile:
    """A one-page PDF showing ``title`` and ``lines`` (ASCII text), written by hand."""

    def escape(text: str) -> str:
        text = text.encode("ascii", "replace").decode("ascii")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    commands = ["BT", "/F1 20 Tf", "72 760 Td", f"({escape(title)}) Tj", "/F1 12 Tf"]
    for line in lines:
        commands += ["0 -24 Td", f"({escape(line)}) Tj"]
    commands.append("ET")
    stream = "\n".join(commands).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return ContentFile(out.getvalue())
