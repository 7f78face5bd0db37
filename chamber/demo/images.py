"""Demo pictures, drawn with Pillow so that the demo needs no download."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont


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
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue())


def logo(initials: str, color: str, size=(480, 240)) -> ContentFile:
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([10, 10, size[0] - 10, size[1] - 10], radius=30, fill=color)
    font = ImageFont.load_default(size=96)
    draw.text((size[0] / 2, size[1] / 2), initials, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue())
