"""Responsive pictures (chamber.toolkit.renditions, {% responsive_image %}): on every kind
of public page, each uploaded image is a <picture> of WebP and JPEG/PNG renditions in
several widths (logos at 1x and 2x), its <img> with its real size and an alt text, the
page's first picture loaded at once and the others lazily; renditions are made once,
then described from the cache without opening a file or querying the database."""

import datetime
import io
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from easy_thumbnails.alias import aliases
from easy_thumbnails.signals import thumbnail_created
from PIL import Image

from chamber.pages.models import Page
from chamber.toolkit import renditions
from chamber.toolkit.fragments import render_each
from news.models import Article
from tests.support.factories import (
    ArticleFactory,
    DelegationFactory,
    FairFactory,
    OrganisationFactory,
    PublicationFactory,
)
from tests.support.htmlpage import Page as Html
from tests.support.htmlpage import object_url, parse, url_in
from tests.support.languages import LANGUAGES
from tests.support.public_pages import public_pages

pytestmark = pytest.mark.django_db

FORMATS = {".webp": "WEBP", ".jpg": "JPEG", ".png": "PNG"}
# Demo pages that show uploaded images (every other one may show none).
PAGES_WITH_PICTURES = {
    "home", "news list", "news category", "article", "event", "members", "member",
    "partners", "publications", "publication", "fairs", "fair", "delegation",
}  # fmt: skip


# The layout the pictures of some pages are drawn in (all of the same).
LAYOUTS = {
    "news list": "grid", "publications": "grid", "agreement": "article-grid",
    "event": "event", "publication": "article", "page": "article",
    "fairs": "fair-card", "fair": "event", "delegation": "event",
}  # fmt: skip


def stored(url: str) -> Image.Image:
    """The stored file a media URL names, opened with Pillow (uploads are served by
    nginx, not Django: read through the storage)."""
    from django.conf import settings

    assert url.startswith("/" + settings.MEDIA_URL.lstrip("/")), url
    name = url.split(settings.MEDIA_URL, 1)[1]
    with default_storage.open(name) as file:
        picture = Image.open(io.BytesIO(file.read()))
        picture.load()
    return picture


def candidates(srcset: str) -> list[tuple[str, str]]:
    """(URL, descriptor) of each candidate of a ``srcset``."""
    return [tuple(part.strip().rsplit(" ", 1)) for part in srcset.split(",")]


def check_picture(img, source) -> list[str]:
    """What is wrong with one <picture> (its <img> and its WebP <source>)."""
    problems = []
    width, height = int(img.get("width")), int(img.get("height"))
    assert stored(img.get("src")).size == (width, height), img
    for element, expected in ((img, None), (source, "WEBP")):
        found = candidates(element.get("srcset"))
        density = found[0][1].endswith("x")
        if density:
            assert found[0] == (img.get("src") if element is img else found[0][0], "1x")
            assert element.get("sizes") is None
        else:
            assert element.get("sizes"), element
        for url, descriptor in found:
            picture = stored(url)
            extension = "." + url.rsplit(".", 1)[1]
            assert picture.format == FORMATS[extension], url
            if expected:
                assert picture.format == expected, url
            else:
                assert picture.format in ("JPEG", "PNG"), url
            if density:
                ratio = float(descriptor.removesuffix("x"))
                assert abs(picture.width - width * ratio) <= 1, (url, descriptor)
            else:
                assert picture.width == int(descriptor.removesuffix("w")), (url, descriptor)
                # The same proportions as the <img>'s width and height.
                assert abs(picture.height - picture.width * height / width) <= 1, url
        if not density and len(found) < 2:
            problems.append(f"one width only: {element}")
    # Both formats offer the same candidates.
    descriptors = [d for _u, d in candidates(img.get("srcset"))]
    assert descriptors == [d for _u, d in candidates(source.get("srcset"))]
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_shows_responsive_pictures(client, language):
    call_command("load_demo", verbosity=0)
    with_pictures, logos = set(), set()
    for name, path in public_pages(language).items():
        page = Html(client.get(path))
        images = page.find_all("img")
        for img in images:
            assert img.get("alt") is not None, (name, img)
            assert int(img.get("width")) > 0 and int(img.get("height")) > 0, (name, img)
            picture = img.parent
            assert picture.tag == "picture", (name, img)
            source = picture.one("source", type="image/webp")
            assert not check_picture(img, source), name
            if "/organisations/" in img.get("src") or "/partners/" in img.get("src"):
                # A logo, sharp on screens of two pixels per point.
                found = {d: url for url, d in candidates(img.get("srcset"))}
                assert set(found) == {"1x", "2x"}, (name, img)
                assert stored(found["2x"]).width == 2 * int(img.get("width"))
                logos.add(name)
        if not images:
            continue
        with_pictures.add(name)
        first, *others = images
        assert first.get("loading") == "eager", (name, first)
        assert first.get("decoding") is None
        for img in others:
            assert img.get("loading") == "lazy", (name, img)
            assert img.get("decoding") == "async", (name, img)
            assert img.get("fetchpriority") is None, (name, img)
        if name in LAYOUTS:
            # Each picture is described in the layout it is drawn in (static/css/site.css).
            assert {img.get("sizes") for img in images} == {renditions.SIZES[LAYOUTS[name]]}
    assert PAGES_WITH_PICTURES <= with_pictures
    assert {"home", "members", "member", "partners"} <= logos


def test_the_hero_is_fetched_first(client):
    article = ArticleFactory(with_image=True)
    page = Html(client.get(article.get_absolute_url()))
    hero = page.one("figure", class_="article-figure").one("img")
    assert hero.get("fetchpriority") == "high"
    assert hero.get("loading") == "eager"


def test_a_fair_shows_its_picture_as_a_hero_and_its_delegations_too(client):
    delegation = DelegationFactory(fair__with_image=True)
    for obj in (delegation.fair, delegation):
        page = Html(client.get(object_url(obj, "en")))
        hero = page.one("figure", class_="article-figure").one("img")
        assert (hero.get("alt"), hero.get("fetchpriority"), hero.get("loading")) == (
            "The fair's hall",
            "high",
            "eager",
        )
        assert [d for _u, d in candidates(hero.get("srcset"))] == ["480w", "800w", "1200w", "1600w"]
        assert hero.get("sizes") == renditions.SIZES["event"]
        assert not check_picture(hero, hero.parent.one("source", type="image/webp"))


def test_the_list_of_fairs_loads_its_first_picture_at_once_and_the_others_later(client):
    soon = FairFactory(with_image=True)
    FairFactory(with_image=True, starts_on=soon.starts_on + datetime.timedelta(days=30))
    FairFactory(with_image=True, past=True)
    FairFactory()  # without a picture: none shown
    page = Html(client.get(url_in("en", "events:fair-list")))
    images = page.find_all("img")
    assert [img.get("loading") for img in images] == ["eager", "lazy", "lazy"]
    assert all(img.get("fetchpriority") is None for img in images)
    assert {img.get("sizes") for img in images} == {renditions.SIZES["fair-card"]}


def test_a_page_shows_its_picture_as_a_hero(client):
    page = Page.objects.create(
        status=Page.Status.PUBLISHED,
        title_fr="À propos",
        slug_fr="a-propos",
        body_fr="<p>Texte</p>",
        image_alt_fr="La Chambre",
    )
    upload(page.image, (1600, 900))
    html = Html(client.get(page.get_absolute_url()))
    hero = html.one("figure", class_="article-figure").one("img")
    assert (hero.get("alt"), hero.get("fetchpriority"), hero.get("loading")) == (
        "La Chambre",
        "high",
        "eager",
    )
    assert [d for _u, d in candidates(hero.get("srcset"))] == ["480w", "800w", "1200w", "1600w"]
    assert hero.get("sizes") == renditions.SIZES["article"]


def test_an_alt_text_in_another_language_is_marked_with_it(client):
    article = ArticleFactory(
        with_image=True, image_alt_fr="Une photo", image_alt_en="", image_alt_ko=""
    )
    with translation.override("en"):
        page = Html(client.get(article.get_absolute_url()))
    hero = page.one("figure", class_="article-figure").one("img")
    assert hero.get("alt") == "Une photo"
    assert hero.get("lang") == "fr"


def upload(model_field_file, size, mode="RGB", fmt="PNG", name="upload.png"):
    colour = (200, 30, 40, 0) if mode == "RGBA" else (200, 30, 40)
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, fmt)
    model_field_file.save(name, ContentFile(buffer.getvalue()))
    return model_field_file


def widths(picture) -> list[int]:
    return [int(d.removesuffix("w")) for _u, d in candidates(picture.srcset)]


def test_a_large_upload_is_offered_in_every_width():
    article = ArticleFactory()
    image = upload(article.image, (2000, 1200))
    assert widths(renditions.picture(image, "card")) == [320, 640, 960]
    hero = renditions.picture(image, "hero")
    assert widths(hero) == [480, 800, 1200, 1600]
    # The <img> falls back to the 1200 x 630 rendition (the one pages share, og:image).
    assert (hero.width, hero.height) == (1200, 630)
    assert hero.sizes == renditions.SIZES["article"]


def test_a_small_upload_is_never_enlarged():
    article = ArticleFactory()
    image = upload(article.image, (700, 400))
    card = renditions.picture(image, "card")
    assert widths(card) == [320, 640]
    hero = renditions.picture(image, "hero")
    assert widths(hero) == [480]
    tiny = renditions.picture(upload(ArticleFactory().image, (200, 100)), "card")
    # Smaller than the smallest card: shown as it is, at most 320 x 180.
    assert widths(tiny) == [200]
    assert (tiny.width, tiny.height) == (200, 100)


def test_a_transparent_logo_keeps_its_transparency():
    organisation = OrganisationFactory()
    logo = upload(organisation.logo, (600, 200), mode="RGBA")
    picture = renditions.picture(logo, "logo")
    assert picture.src.endswith(".png")
    assert [d for _u, d in candidates(picture.srcset)] == ["1x", "2x"]
    for url, _descriptor in candidates(picture.srcset) + candidates(picture.webp_srcset):
        assert stored(url).mode in ("RGBA", "LA", "PA"), url
    assert (picture.width, picture.height) == (240, 80)


def test_a_logo_between_both_sizes_is_offered_at_its_own_density():
    organisation = OrganisationFactory()
    logo = upload(organisation.logo, (300, 100), fmt="JPEG", name="logo.jpg")
    picture = renditions.picture(logo, "logo")
    assert (picture.width, picture.height) == (240, 80)
    assert [d for _u, d in candidates(picture.srcset)] == ["1x", "1.25x"]
    assert picture.src.endswith(".jpg")


def test_a_logo_smaller_than_its_box_has_no_sharper_rendition():
    organisation = OrganisationFactory()
    logo = upload(organisation.logo, (100, 50))
    picture = renditions.picture(logo, "logo")
    assert candidates(picture.srcset) == [(picture.src, "1x")]
    assert (picture.width, picture.height) == (100, 50)


def test_renditions_are_made_once_then_read_from_the_cache():
    article = ArticleFactory()
    image = upload(article.image, (1600, 900))
    made = []

    def record(sender, **kwargs):
        made.append(sender.name)

    # As in a new process, where easy-thumbnails has not yet written into the aliases.
    for alias in renditions.KINDS["card"].aliases:
        aliases.get(alias).pop("ALIAS", None)
    thumbnail_created.connect(record)
    try:
        first = renditions.picture(image, "card")
        assert len(made) == 6  # three widths, two formats
        # Shown again (another request: the same image read from the database): no file
        # opened or looked at, no query.
        image = Article.objects.get(pk=article.pk).image
        refused = {"side_effect": AssertionError}
        opened = mock.patch.object(FileSystemStorage, "open", **refused)
        looked = mock.patch.object(FileSystemStorage, "exists", **refused)
        dated = mock.patch.object(FileSystemStorage, "get_modified_time", **refused)
        with opened, looked, dated, CaptureQueriesContext(connection) as queries:
            again = renditions.picture(image, "card")
        assert again == first
        assert queries.captured_queries == []
        # Forgotten by the cache (another server, a restart): the files made before are
        # found, not made again.
        cache.clear()
        assert renditions.picture(Article.objects.get(pk=article.pk).image, "card") == first
        assert len(made) == 6
    finally:
        thumbnail_created.disconnect(record)


def test_a_list_shown_again_makes_no_thumbnail_and_asks_nothing_of_them(client):
    ArticleFactory.create_batch(3, with_image=True)
    path = url_in("en", "news:article-list")
    client.get(path)
    made = []

    def record(sender, **kwargs):
        made.append(sender.name)

    thumbnail_created.connect(record)
    try:
        with CaptureQueriesContext(connection) as second:
            client.get(path)
        cache.clear()  # the cards' fragments and the pictures' descriptions
        client.get(path)
    finally:
        thumbnail_created.disconnect(record)
    assert made == []
    assert not any("easy_thumbnails" in query["sql"] for query in second.captured_queries)


def test_a_missing_file_shows_no_picture(client):
    article = ArticleFactory(with_image=True)
    default_storage.delete(article.image.name)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert Html(response).find("figure", class_="article-figure").find("picture") is None


def test_the_first_card_is_eager_wherever_it_stands_in_a_cached_list():
    first, second = ArticleFactory.create_batch(2, with_image=True)

    def loading(objects):
        html = render_each(
            objects, "includes/_article_card.html", "article", eager_first=lambda a: a.image
        )
        return [img.get("loading") for img in parse(html).find_all("img")]

    assert loading([first, second]) == ["eager", "lazy"]
    assert loading([second, first]) == ["eager", "lazy"]
    assert loading([first, second]) == ["eager", "lazy"]
    without = ArticleFactory()
    assert loading([without, second, first]) == ["eager", "lazy"]


def test_publications_list_first_cover_is_eager(client):
    PublicationFactory()  # the newest has no cover
    for publication in PublicationFactory.create_batch(2):
        upload(publication.cover, (1200, 630))
    page = Html(client.get(url_in("en", "publications:publication-list")))
    assert [img.get("loading") for img in page.find_all("img")] == ["eager", "lazy"]


def test_the_tag_renders_nothing_without_an_image():
    article = ArticleFactory()
    html = Template('{% load image_tags %}{% responsive_image article.image "card" %}').render(
        Context({"article": article})
    )
    assert html.strip() == ""


def test_webp_files_are_served_by_nginx_rule():
    """nginx serves WebP from /media/ (deploy/nginx/chamber.conf): the renditions' type."""
    from django.conf import settings

    conf = (settings.BASE_DIR / "deploy" / "nginx" / "chamber.conf").read_text()
    media = conf.split("location ^~ /media/", 1)[1]
    assert re.search(r"\(jpe\?g\|png\|gif\|webp\)", media)
    assert "image/webp webp;" in media


def test_publications_list_queries_do_not_grow_with_its_covers(client):
    def add(count):
        for publication in PublicationFactory.create_batch(count):
            upload(publication.cover, (1200, 630))

    def queries():
        client.get(path)  # the new covers' renditions made
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        return len(context), len(Html(response).find_all("picture"))

    path = url_in("en", "publications:publication-list")
    add(2)
    few, shown = queries()
    add(4)
    many, more = queries()
    assert (shown, more) == (2, 6)
    assert many == few
