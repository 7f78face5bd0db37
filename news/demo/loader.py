"""Loads the demo news: categories, the article that reports the Busan MOU (after the
chamber's demo, which holds the MOU), eleven more articles, one scheduled and one draft.
Idempotent: rows are matched on their French slugs and written only where something
differs; pictures are drawn only where none exists."""

from django.contrib.auth import get_user_model

from chamber.models import Agreement, Organisation
from chamber.toolkit.demo import attach_image, banner, publish_time, sync
from news.demo import content
from news.models import Article, Category

# The article that reports it names the MOU of the chamber's demo by its slug.
MOU_SLUG = "protocole-ecosysteme-automobile-du-futur-busan"


def load_categories() -> dict[str, Category]:
    categories = {}
    for position, data in enumerate(content.CATEGORIES):
        values = dict(data)
        slug_fr = values.pop("slug_fr")
        categories[slug_fr] = sync(Category, {"slug_fr": slug_fr}, {**values, "position": position})
    return categories


def load_author():
    values = dict(content.AUTHOR)
    return sync(get_user_model(), {"username": values.pop("username")}, values)


def load_mou_article(categories: dict[str, Category]) -> Article:
    values = dict(content.MOU_ARTICLE)
    colors = values.pop("colors")
    organisation_slugs = values.pop("organisations")
    values["category"] = categories[values.pop("category")]
    values["published_at"] = publish_time(values.pop("days_ago"))
    values["agreement"] = Agreement.objects.get(slug_fr=MOU_SLUG)
    values["status"] = Article.Status.PUBLISHED
    values["author"] = load_author()
    article = sync(Article, {"slug_fr": values.pop("slug_fr")}, values)
    article.organisations.set(Organisation.objects.filter(slug__in=organisation_slugs))
    attach_image(article, "image", "busan-mou.png", lambda: banner("Busan · MOU", colors))
    return article


def load_other_articles(categories: dict[str, Category]) -> None:
    for index, data in enumerate(content.OTHER_ARTICLES):
        values = dict(data)
        values["category"] = categories[values.pop("category")]
        values["published_at"] = publish_time(values.pop("days_ago"))
        values["status"] = Article.Status.PUBLISHED
        # The banner only repeats the chamber's name: an empty description in each language
        # the article is written in.
        for language in [key.removeprefix("title_") for key in data if key.startswith("title_")]:
            values[f"image_alt_{language}"] = ""
        article = sync(Article, {"slug_fr": values.pop("slug_fr")}, values)
        palette = content.PALETTE[index % len(content.PALETTE)]
        attach_image(
            article, "image", f"{data['slug_en']}.png", lambda p=palette: banner("FKCCI", p)
        )


def load_unpublished_articles(categories: dict[str, Category]) -> None:
    for data in content.UNPUBLISHED_ARTICLES:
        values = dict(data)
        values["category"] = categories[values.pop("category")]
        values["published_at"] = publish_time(values.pop("days_ago"))
        sync(Article, {"slug_fr": values.pop("slug_fr")}, values)


def load() -> dict[str, int]:
    """Create or refresh the demo news; return how many categories and articles the
    database holds."""
    categories = load_categories()
    load_mou_article(categories)
    load_other_articles(categories)
    load_unpublished_articles(categories)
    return {"categories": Category.objects.count(), "articles": Article.objects.count()}
