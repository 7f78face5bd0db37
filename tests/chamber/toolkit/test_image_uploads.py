"""What is stored of an uploaded image: encoded again upright, without its metadata, under
the extension of its real format; a file that is an image and something else is refused."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import translation
from easy_thumbnails.files import get_thumbnailer
from PIL import ExifTags, Image, ImageCms, ImageSequence, PngImagePlugin

from chamber.models import Organisation
from chamber.toolkit.demo import attach_image, logo
from chamber.toolkit.images import name_with_extension, sanitize_image
from chamber.toolkit.validators import validate_image_upload
from news.models import Article
from tests.support.adminforms import admin_url, change_form_data, form_errors
from tests.support.factories import ArticleFactory, CategoryFactory, OrganisationFactory
from tests.support.htmlpage import Page

pytestmark = pytest.mark.django_db

RED, BLUE, GREEN = (255, 0, 0), (0, 0, 255), (0, 255, 0)

TRAILING_DATA = {
    "fr": (
        "Ce fichier contient d'autres données après l'image (une page web ou un script, "
        "par exemple)\u202f; enregistrez-le de nouveau comme simple image et envoyez celle-ci."
    ),
    "en": (
        "This file holds other data after the image (such as a web page or a script); "
        "save it again as a plain image and upload that."
    ),
    "ko": (
        "이 파일에는 이미지 뒤에 다른 데이터(웹 페이지나 스크립트 등)가 들어 있습니다. "
        "일반 이미지로 다시 저장한 뒤 그 파일을 올려 주세요."
    ),
}

NOT_AN_IMAGE = {
    "fr": "Ce fichier n'est pas une image lisible (JPEG, PNG, GIF ou WebP).",
    "en": "This file is not an image that can be read (JPEG, PNG, GIF or WebP).",
    "ko": "이 파일은 읽을 수 있는 이미지 파일(JPEG, PNG, GIF, WebP)이 아닙니다.",
}


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def two_colours(size=(60, 20), left=RED, right=BLUE) -> Image.Image:
    """An image whose left half is ``left`` and right half ``right``: which way it is
    turned shows."""
    image = Image.new("RGB", size, left)
    image.paste(right, (size[0] // 2, 0, size[0], size[1]))
    return image


SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def phone_photo(orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: camera, GPS position, orientation (6: to be turned a
    quarter clockwise), XMP, a comment and a colour profile."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Samsung"
    exif[ExifTags.Base.Model] = "Galaxy S24"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (35.0, 10.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (129.0, 4.0, 30.0)
    return encoded(
        two_colours(),
        "JPEG",
        exif=exif,
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Seoul office</x:xmpmeta>',
        comment=b"taken at the signing",
        icc_profile=SRGB_PROFILE,
    )


def animation(fmt: str, colours=(RED, GREEN, BLUE), **options) -> bytes:
    frames = [Image.new("RGB", (30, 20), colour) for colour in colours]
    return encoded(
        frames[0], fmt, save_all=True, append_images=frames[1:], duration=120, loop=0, **options
    )


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def stored(field) -> tuple[bytes, Image.Image]:
    """The bytes of the stored file, read through the storage, and the image they are."""
    with default_storage.open(field.name) as file:
        data = file.read()
    return data, Image.open(io.BytesIO(data))


def stored_files(folder: str = "") -> set[str]:
    """Every file of the storage under ``folder``, through the storage API."""
    if not default_storage.exists(folder or "."):
        return set()
    folders, files = default_storage.listdir(folder or ".")
    found = {f"{folder}/{name}".lstrip("/") for name in files}
    for name in folders:
        found |= stored_files(f"{folder}/{name}".lstrip("/"))
    return found


def colour_at(image: Image.Image, xy) -> tuple[int, int, int]:
    return image.convert("RGB").getpixel(xy)


def near(colour, expected, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def save_logo(name: str, data: bytes) -> Organisation:
    organisation = OrganisationFactory()
    organisation.logo = upload(name, data)
    organisation.save()
    organisation.refresh_from_db()
    return organisation


# A phone photo through the admin ---------------------------------------------------------


def upload_through_the_change_form(admin_client, article, file) -> object:
    url = admin_url(Article, "change", article.pk)
    data = change_form_data(admin_client.get(url))
    data["image"] = file
    return admin_client.post(url, data)


def test_a_phone_photo_is_stored_upright_without_its_exif_gps_xmp_or_comment(admin_client):
    article = ArticleFactory()
    original = phone_photo()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    response = upload_through_the_change_form(admin_client, article, upload("IMG.jpg", original))

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    data, image = stored(article.image)
    assert image.format == "JPEG"
    assert not image.getexif()
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    for key in ("exif", "xmp", "comment"):
        assert key not in image.info
    for secret in (b"Exif", b"Samsung", b"Galaxy", b"Seoul office", b"taken at the signing"):
        assert secret not in data
    # Turned a quarter clockwise, as the orientation said: the red left half is on top.
    assert image.size == (20, 60)
    assert near(colour_at(image, (10, 5)), RED)
    assert near(colour_at(image, (10, 55)), BLUE)
    # The colour profile is kept, so that the colours stay as they were.
    assert image.info["icc_profile"] == SRGB_PROFILE


def test_the_thumbnail_is_made_from_the_cleaned_upright_original(admin_client):
    article = ArticleFactory()
    response = upload_through_the_change_form(admin_client, article, upload("a.jpg", phone_photo()))
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()

    thumbnail = get_thumbnailer(article.image)["logo"]  # fits in 240 x 120, not cropped

    with default_storage.open(thumbnail.name) as file:
        data = file.read()
    image = Image.open(io.BytesIO(data))
    assert image.height > image.width  # upright, and not turned a second time
    assert near(colour_at(image, (image.width // 2, 3)), RED)
    assert not image.getexif()
    assert b"Galaxy" not in data


def test_every_orientation_ends_upright():
    """Orientation 3 is upside down: stored, the red half (left in the file) is right."""
    data, _extension = sanitize_image(upload("a.jpg", phone_photo(orientation=3)))
    image = Image.open(io.BytesIO(data))
    assert image.size == (60, 20)
    assert near(colour_at(image, (55, 10)), RED)
    assert not image.getexif()


# The extension of the real format ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt", "stored_as"),
    [
        ("plan.pdf", "PNG", ".png"),
        ("photo.jpg", "PNG", ".png"),
        ("photo.png", "JPEG", ".jpg"),
        ("photo.JPEG", "JPEG", ".jpg"),
        ("photo.jpeg", "JPEG", ".jpg"),
        ("animation.webp", "GIF", ".gif"),
        ("image", "WEBP", ".webp"),
    ],
)
def test_the_stored_name_has_the_extension_of_the_real_format(name, fmt, stored_as):
    organisation = save_logo(name, encoded(two_colours(), fmt))

    stem = name.rsplit(".", 1)[0] if "." in name else name
    assert organisation.logo.name.startswith(f"organisations/{stem}")
    assert organisation.logo.name.endswith(stored_as)
    assert stored(organisation.logo)[1].format == fmt


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("photo.pdf", ".png", "photo.png"),
        ("news/2026/photo.jpeg", ".jpg", "news/2026/photo.jpg"),
        ("archive.tar.gif", ".jpg", "archive.tar.jpg"),
        ("noextension", ".webp", "noextension.webp"),
        (".jpg", ".jpg", "image.jpg"),
        ("", ".png", "image.png"),
    ],
)
def test_name_with_extension(name, extension, expected):
    assert name_with_extension(name, extension) == expected


def test_a_png_named_pdf_through_the_admin_is_stored_as_png(admin_client):
    article = ArticleFactory()
    response = upload_through_the_change_form(
        admin_client, article, upload("brochure.pdf", encoded(two_colours(), "PNG"))
    )
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert re.fullmatch(r"news/\d{4}/brochure(_\w+)?\.png", article.image.name)
    assert stored(article.image)[1].format == "PNG"


# A file that is an image and something else ---------------------------------------------

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>\n"


def gif_with_html() -> bytes:
    return encoded(Image.new("P", (10, 10), 1), "GIF") + HTML


@pytest.mark.parametrize("language", ["fr", "en", "ko"])
def test_a_gif_followed_by_a_web_page_is_refused_with_a_message_and_nothing_is_written(
    admin_client, language
):
    before = stored_files()
    article = ArticleFactory()
    url = admin_url(Article, "add")
    data = change_form_data(admin_client.get(admin_url(Article, "change", article.pk)))
    data.update(
        slug_fr="autre",
        slug_en="other",
        slug_ko="다른",
        category=CategoryFactory().pk,
        image=upload("cat.gif", gif_with_html()),
    )

    response = admin_client.post(url, data, headers={"accept-language": language})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["image"]
    assert errors["image"] == [TRAILING_DATA[language]]
    shown = Page(response).one("div", class_="field-image").find("ul", class_="errorlist")
    assert shown.text.strip() == TRAILING_DATA[language]
    assert Article.objects.count() == 1
    assert stored_files() == before


def test_saving_a_polyglot_from_the_shell_raises_and_writes_nothing():
    before = stored_files()
    organisation = OrganisationFactory()
    organisation.logo = upload("cat.gif", gif_with_html())

    with pytest.raises(ValidationError) as excinfo, transaction.atomic():
        organisation.save()

    assert excinfo.value.code == "image_trailing_data"
    organisation.refresh_from_db()
    assert not organisation.logo
    assert stored_files() == before


@pytest.mark.parametrize("fmt", ["PNG", "GIF", "WEBP"])
@pytest.mark.parametrize("tail", [HTML, b"\x89\x01\x02 anything at all", b"<?php system('id'); ?>"])
def test_anything_after_a_png_gif_or_webp_is_refused(fmt, tail):
    data = encoded(two_colours(), fmt) + tail
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(upload(f"image.{fmt.lower()}", data))
    assert excinfo.value.code == "image_trailing_data"


@pytest.mark.parametrize("fmt", ["PNG", "GIF", "WEBP", "JPEG"])
def test_padding_after_an_image_is_not_data(fmt):
    validate_image_upload(upload("image", encoded(two_colours(), fmt) + b"\x00\x00\n"))


@pytest.mark.parametrize(
    "tail",
    [
        b"<html><script>alert(1)</script>",
        b"\x00\x10<SCRIPT src=//evil.example></SCRIPT>",
        b"<svg onload=alert(1)>",
        b"<!DOCTYPE html><p>hi",
        b"<?php echo 1; ?>",
        b'<img src=x onerror="alert(1)">',
    ],
)
def test_markup_after_a_jpeg_is_refused(tail):
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(upload("photo.jpg", encoded(two_colours(), "JPEG") + tail))
    assert excinfo.value.code == "image_trailing_data"


def test_a_motion_photo_keeps_its_picture_and_loses_its_video():
    """Phones write a video (or maker data) after a JPEG's end: the photo is accepted and
    stored without it."""
    video = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40
    organisation = save_logo("motion.jpg", encoded(two_colours(), "JPEG") + video)

    data, image = stored(organisation.logo)
    assert image.format == "JPEG"
    assert b"ftypmp42" not in data
    assert data.endswith(b"\xff\xd9")


def test_a_jpeg_with_a_second_picture_mpo_is_stored_as_its_first_picture():
    first, second = two_colours(), two_colours(left=GREEN, right=GREEN)
    data = encoded(first, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(data)).format == "MPO"

    organisation = save_logo("portrait.jpg", data)

    stored_data, image = stored(organisation.logo)
    assert organisation.logo.name.endswith(".jpg")
    assert image.format == "JPEG"
    assert getattr(image, "n_frames", 1) == 1
    assert near(colour_at(image, (5, 10)), RED)


def test_an_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    for language, message in NOT_AN_IMAGE.items():
        with translation.override(language):
            with pytest.raises(ValidationError) as excinfo:
                validate_image_upload(upload("logo.svg", svg))
            assert excinfo.value.messages == [message]


def test_a_cut_jpeg_is_refused():
    data = encoded(two_colours((200, 200)), "JPEG")
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(upload("cut.jpg", data[: len(data) // 2]))
    assert excinfo.value.code == "not_an_image"


def test_a_cut_gif_is_refused():
    data = animation("GIF")
    with pytest.raises(ValidationError) as excinfo:
        sanitize_image(upload("cut.gif", data[: len(data) - 20]))
    assert excinfo.value.code == "not_an_image"


# What is kept ---------------------------------------------------------------------------


def test_an_animated_gif_keeps_its_frames_durations_and_loop():
    organisation = save_logo("wave.gif", animation("GIF"))

    _data, image = stored(organisation.logo)
    assert image.format == "GIF"
    assert image.n_frames == 3
    assert image.info["loop"] == 0
    for frame, colour in zip(ImageSequence.Iterator(image), (RED, GREEN, BLUE), strict=True):
        assert frame.info["duration"] == 120
        assert near(colour_at(frame, (15, 10)), colour)


def test_an_animated_gif_with_transparency_does_not_show_the_previous_frame():
    """Frames with transparent pixels: a frame's pixels do not show through the
    transparent ones of the next (each frame is cleared before the next is drawn)."""
    palette = [0, 0, 0, *RED, *BLUE]
    frames = []
    for colour, box in ((1, (0, 0, 10, 20)), (2, (0, 0, 10, 20)), (1, (10, 0, 20, 20))):
        frame = Image.new("P", (20, 20), 0)  # colour 0 is transparent
        frame.putpalette(palette)
        frame.paste(colour, box)
        frames.append(frame)
    original = encoded(
        frames[0], "GIF", save_all=True, append_images=frames[1:], transparency=0, disposal=2
    )

    cleaned, _extension = sanitize_image(upload("blink.gif", original))

    image = Image.open(io.BytesIO(cleaned))
    shown = [frame.convert("RGBA") for frame in ImageSequence.Iterator(image)]
    assert [(frame.getpixel((5, 10)), frame.getpixel((15, 10))) for frame in shown] == [
        (RED + (255,), (0, 0, 0, 0)),
        (BLUE + (255,), (0, 0, 0, 0)),
        ((0, 0, 0, 0), RED + (255,)),
    ]


def test_an_animated_webp_keeps_its_frames():
    cleaned, extension = sanitize_image(upload("wave.webp", animation("WEBP", lossless=True)))
    image = Image.open(io.BytesIO(cleaned))
    assert (image.format, extension, image.n_frames) == ("WEBP", ".webp", 3)
    for frame, colour in zip(ImageSequence.Iterator(image), (RED, GREEN, BLUE), strict=True):
        assert near(colour_at(frame, (15, 10)), colour, tolerance=2)


def test_an_animated_png_keeps_its_frames():
    cleaned, extension = sanitize_image(upload("wave.png", animation("PNG")))
    image = Image.open(io.BytesIO(cleaned))
    assert (image.format, extension, image.n_frames) == ("PNG", ".png", 3)
    image.seek(2)
    assert colour_at(image, (15, 10)) == BLUE


@pytest.mark.parametrize("lossless", [True, False])
def test_a_webp_is_stored_as_webp_without_its_metadata(lossless):
    exif = Image.Exif()
    exif[ExifTags.Base.Model] = "Galaxy S24"
    original = encoded(
        two_colours(), "WEBP", lossless=lossless, exif=exif, xmp=b"<x:xmpmeta>secret</x:xmpmeta>"
    )

    organisation = save_logo("photo.webp", original)

    data, image = stored(organisation.logo)
    assert organisation.logo.name.endswith(".webp")
    assert image.format == "WEBP"
    assert not image.getexif()
    assert b"Galaxy" not in data and b"secret" not in data
    assert (b"VP8L" in data) is lossless
    assert near(colour_at(image, (5, 10)), RED, tolerance=2 if lossless else 40)


def test_a_png_loses_its_text_and_keeps_its_transparency():
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Jane Doe, Busan office")
    text.add_text("Comment", "<script>alert(1)</script>")
    image = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    image.paste(RED + (255,), (0, 0, 10, 20))

    cleaned, _extension = sanitize_image(upload("a.png", encoded(image, "PNG", pnginfo=text)))

    result = Image.open(io.BytesIO(cleaned))
    assert b"Jane Doe" not in cleaned and b"script" not in cleaned
    assert not getattr(result, "text", {})
    assert result.convert("RGBA").getpixel((15, 10))[3] == 0
    assert result.convert("RGBA").getpixel((5, 10)) == RED + (255,)


def test_a_palette_png_keeps_its_transparent_colour():
    image = Image.new("P", (10, 10), 0)
    image.putpalette(list(RED) + list(BLUE))
    image.paste(1, (0, 0, 5, 10))

    cleaned, _extension = sanitize_image(upload("a.png", encoded(image, "PNG", transparency=0)))

    result = Image.open(io.BytesIO(cleaned)).convert("RGBA")
    assert result.getpixel((7, 5))[3] == 0
    assert result.getpixel((2, 5)) == BLUE + (255,)


def test_a_gif_comment_is_dropped():
    original = encoded(Image.new("P", (10, 10), 1), "GIF", comment=b"made by Jane Doe")
    cleaned, _extension = sanitize_image(upload("a.gif", original))
    assert b"Jane Doe" not in cleaned
    assert "comment" not in Image.open(io.BytesIO(cleaned)).info


def test_a_colour_profile_that_is_not_one_is_dropped():
    original = encoded(two_colours(), "JPEG", icc_profile=b"<html>not a profile</html>" * 4)
    cleaned, _extension = sanitize_image(upload("a.jpg", original))
    assert "icc_profile" not in Image.open(io.BytesIO(cleaned)).info
    assert b"<html>" not in cleaned


def test_a_cmyk_jpeg_stays_a_jpeg():
    original = encoded(Image.new("CMYK", (10, 10), (0, 255, 255, 0)), "JPEG")
    cleaned, extension = sanitize_image(upload("print.jpg", original))
    assert extension == ".jpg"
    assert Image.open(io.BytesIO(cleaned)).mode == "CMYK"


def test_an_animation_with_too_many_pixels_in_all_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 30 * 20 * 3 - 1  # one frame fits, the three do not
    with pytest.raises(ValidationError) as excinfo:
        validate_image_upload(upload("wave.gif", animation("GIF")))
    assert excinfo.value.code == "image_too_many_frames"
    assert "3" in excinfo.value.messages[0]


def test_an_animation_within_the_pixel_limit_is_accepted(settings):
    settings.IMAGE_MAX_PIXELS = 30 * 20 * 3
    validate_image_upload(upload("wave.gif", animation("GIF")))


# Every way in ---------------------------------------------------------------------------


def test_the_demo_loader_stores_cleaned_images():
    organisation = OrganisationFactory()
    attach_image(organisation, "logo", "demo.png", lambda: logo("AB", "#123456"))
    organisation.refresh_from_db()
    data, image = stored(organisation.logo)
    assert organisation.logo.name.endswith(".png")
    assert image.format == "PNG"
    assert b"tEXt" not in data


def test_saving_through_the_field_file_is_cleaned_too():
    article = ArticleFactory()
    article.image.save("photo.pdf", ContentFile(phone_photo()))
    article.refresh_from_db()
    assert re.fullmatch(r"news/\d{4}/photo(_\w+)?\.jpg", article.image.name)
    data, image = stored(article.image)
    assert not image.getexif()
    assert b"Galaxy" not in data


def test_a_stored_image_is_not_encoded_again_when_the_row_is_saved():
    organisation = save_logo("logo.png", encoded(two_colours(), "PNG"))
    name = organisation.logo.name
    before = stored(organisation.logo)[0]

    organisation.city_en = "Seoul"
    organisation.save()

    organisation.refresh_from_db()
    assert organisation.logo.name == name
    assert stored(organisation.logo)[0] == before
    assert stored_files("organisations") >= {name}
