import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from chamber.toolkit.validators import ALLOWED_IMAGE_FORMATS, validate_image_upload
from tests.support.factories import image_file


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header announces ``width`` x ``height`` pixels but that holds
    almost no data: what a decompression bomb looks like before it is decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


def refused_code(upload) -> str:
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(upload)
    return excinfo.value.code


@pytest.mark.parametrize("fmt", sorted(ALLOWED_IMAGE_FORMATS))
def test_accepts_each_allowed_format(fmt):
    upload = image_file(name=f"image.{fmt.lower()}", fmt=fmt)
    validate_image_upload(upload)  # no exception


def test_leaves_the_file_where_it_was():
    upload = image_file()
    upload.seek(5)
    validate_image_upload(upload)
    assert upload.tell() == 5


def test_refuses_a_text_file_renamed_png():
    upload = SimpleUploadedFile("photo.png", b"not an image at all\n", content_type="image/png")
    assert refused_code(upload) == "not_an_image"


def test_refuses_a_truncated_image():
    data = image_file().read()
    upload = SimpleUploadedFile("cut.png", data[: len(data) // 2], content_type="image/png")
    assert refused_code(upload) == "not_an_image"


@pytest.mark.parametrize("fmt", ["BMP", "TIFF"])
def test_refuses_a_real_image_in_another_format(fmt):
    assert fmt not in ALLOWED_IMAGE_FORMATS
    upload = image_file(name=f"image.{fmt.lower()}", fmt=fmt)
    assert refused_code(upload) == "image_format"
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(image_file(name=f"image.{fmt.lower()}", fmt=fmt))
    assert "JPEG, PNG, GIF" in excinfo.value.messages[0]


def test_refuses_a_file_over_the_size_limit(settings):
    upload = image_file()
    settings.IMAGE_MAX_UPLOAD_BYTES = upload.size - 1
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(upload)
    assert excinfo.value.code == "image_too_large"


def test_accepts_a_file_at_the_size_limit(settings):
    upload = image_file()
    settings.IMAGE_MAX_UPLOAD_BYTES = upload.size
    validate_image_upload(upload)


def test_refuses_an_image_with_too_many_pixels(settings):
    width, height = 1200, 1000
    settings.IMAGE_MAX_PIXELS = width * height - 1
    upload = image_file(size=(width, height))
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(upload)
    assert excinfo.value.code == "image_too_many_pixels"
    message = excinfo.value.messages[0]
    assert str(width) in message and str(height) in message


def test_refuses_a_decompression_bomb_from_its_header_alone():
    """100,000 x 100,000 pixels announced in a file of a few dozen bytes: refused from
    the header, without being decoded (decoding would need 30 GB)."""
    data = png_header_only(100_000, 100_000)
    assert len(data) < 100
    upload = SimpleUploadedFile("bomb.png", data, content_type="image/png")
    assert refused_code(upload) == "image_too_many_pixels"


def test_restores_pillows_own_bomb_limit():
    before = Image.MAX_IMAGE_PIXELS
    with pytest.raises(ValidationError):
        validate_image_upload(SimpleUploadedFile("bomb.png", png_header_only(50_000, 50_000)))
    validate_image_upload(image_file())
    assert Image.MAX_IMAGE_PIXELS == before


def test_reads_a_plain_file_object():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    validate_image_upload(buffer)


def test_accepts_an_image_of_exactly_the_pixel_limit(settings):
    width, height = 1200, 1000
    settings.IMAGE_MAX_PIXELS = width * height
    validate_image_upload(image_file(size=(width, height)))


def test_the_pixel_limit_is_said_in_millions(settings):
    settings.IMAGE_MAX_PIXELS = 2_000_000
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(image_file(size=(2000, 1001)))
    assert "2 million" in excinfo.value.messages[0]


def test_the_size_limit_is_said_in_the_message(settings):
    upload = image_file()
    settings.IMAGE_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(upload)
    assert "10" in excinfo.value.messages[0]


def test_pillows_own_bomb_guard_is_on_again_after_a_check():
    """The check turns Pillow's guard off only while it reads a header: afterwards an
    image far over Pillow's limit is refused by Pillow again."""
    assert Image.MAX_IMAGE_PIXELS  # on before
    validate_image_upload(image_file())
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(png_header_only(100_000, 100_000)))


def test_the_file_is_read_again_from_where_it_was():
    upload = image_file()
    upload.seek(5)
    validate_image_upload(upload)
    assert upload.tell() == 5
