"""Loads the demo news: categories, the article that reports the Busan MOU (after the
chamber's demo, which holds the MOU), eleven more articles, one scheduled and one draft.
Idempotent: rows are matched on their French slugs and written only where something
differs; pictures are drawn only where none exists."""

from chamber.models import Agreement, Organisation
from chamber.toolkit.demo import attach_image, banner, publish_time, sync
from news.demo import content
from news.models import Article, Category

# The article that reports it names the MOU of the chamber's demo by its slug.
MOU_SLUG = "protocole-ecosysteme-automobile-du-futur-busan"


def load_categories() -> dict[str, Category]:
    categories = {}
    for position, (slug_fr, slug_en, name_fr, name_en) in enumerate(content.CATEGORIES):
        categories[slug_fr] = sync(
            Category,
            {"slug_fr": slug_fr},
            {"slug_en": slug_en, "name_fr": name_fr, "name_en": name_en, "position": position},
        )
    return categories


def load_mou_article(categories: dict[str, Category]) -> Article:
    values = dict(content.MOU_ARTICLE)
    colors = values.pop("colors")
    organisation_slugs = values.pop("organisations")
    values["category"] = categories[values.pop("category")]
    values["published_at"] = publish_time(values.pop("days_ago"))
    values["agreement"] = Agreement.objects.get(slug_fr=MOU_SLUG)
    values["status"] = Article.Status.PUBLISHED
    article = sync(Article, {"slug_fr": values.pop("slug_fr")}, values)
    article.organisations.set(Organisation.objects.filter(slug__in=organisation_slugs))
    attach_image(article, "image", "busan-mou.png", lambda: banner("Busan · MOU", colors))
    return article


def load_other_articles(categories: dict[str, Category]) -> None:
    for index, row in enumerate(content.OTHER_ARTICLES):
        (category_slug, days, slug_fr, slug_en, title_fr, title_en,
         lead_fr, lead_en, body_fr, body_en) = row  # fmt: skip
        article = sync(
            Article,
            {"slug_fr": slug_fr},
            {
                "slug_en": slug_en, "title_fr": title_fr, "title_en": title_en,
                "lead_fr": lead_fr, "lead_en": lead_en, "body_fr": body_fr, "body_en": body_en,
                "category": categories[category_slug], "status": Article.Status.PUBLISHED,
                "published_at": publish_time(days), "image_alt_fr": "", "image_alt_en": "",
            },
        )  # fmt: skip
        palette = content.PALETTE[index % len(content.PALETTE)]
        attach_image(article, "image", f"{slug_en}.png", lambda p=palette: banner("FKCCI", p))


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
