"""Loads the demo content. Idempotent: rows are matched on their slugs, images are drawn
only where none exists, so a second run changes nothing."""

import datetime

from django.db import transaction
from django.utils import timezone

from chamber.demo import content
from chamber.demo.images import banner, logo
from chamber.models import Agreement, Organisation, Party, Signatory
from news.models import Article, Category


def _publish_time(days_ago: int) -> datetime.datetime:
    """A stable publish time: midnight plus nine hours, ``days_ago`` before today."""
    today = timezone.localdate()
    day = today - datetime.timedelta(days=days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _set_image(instance, field: str, name: str, make) -> None:
    if not getattr(instance, field):
        getattr(instance, field).save(name, make(), save=False)
        instance.save(update_fields=[field])


@transaction.atomic
def load_chamber_and_news_demo() -> dict[str, int]:
    categories = {}
    for position, (slug_fr, slug_en, name_fr, name_en) in enumerate(content.CATEGORIES):
        categories[slug_fr], _created = Category.objects.update_or_create(
            slug_fr=slug_fr,
            defaults={"slug_en": slug_en, "name_fr": name_fr, "name_en": name_en,
                      "position": position},
        )  # fmt: skip

    organisations = {}
    for data in content.ORGANISATIONS:
        data = dict(data)
        initials, color = data.pop("logo")
        organisation, _created = Organisation.objects.update_or_create(
            slug=data.pop("slug"), defaults=data
        )
        name = f"{organisation.slug}.png"
        _set_image(organisation, "logo", name, lambda i=initials, c=color: logo(i, c))
        organisations[organisation.slug] = organisation

    agreement_data = dict(content.AGREEMENT)
    agreement, _created = Agreement.objects.update_or_create(
        slug_fr=agreement_data.pop("slug_fr"), defaults=agreement_data
    )
    for position, (slug, role_fr, role_en) in enumerate(content.PARTIES):
        Party.objects.update_or_create(
            agreement=agreement,
            organisation=organisations[slug],
            defaults={"role_fr": role_fr, "role_en": role_en, "position": position},
        )
    for position, (name, title_fr, title_en, slug) in enumerate(content.SIGNATORIES):
        Signatory.objects.update_or_create(
            agreement=agreement,
            name=name,
            defaults={"title_fr": title_fr, "title_en": title_en,
                      "organisation": organisations[slug], "position": position},
        )  # fmt: skip

    mou = dict(content.MOU_ARTICLE)
    colors = mou.pop("colors")
    organisation_slugs = mou.pop("organisations")
    category = categories[mou.pop("category")]
    days_ago = mou.pop("days_ago")
    article, _created = Article.objects.update_or_create(
        slug_fr=mou.pop("slug_fr"),
        defaults={**mou, "category": category, "agreement": agreement,
                  "status": Article.Status.PUBLISHED, "published_at": _publish_time(days_ago)},
    )  # fmt: skip
    article.organisations.set([organisations[slug] for slug in organisation_slugs])
    _set_image(article, "image", "busan-mou.png", lambda: banner("Busan · MOU", colors))

    for index, row in enumerate(content.OTHER_ARTICLES):
        (category_slug, days, slug_fr, slug_en, title_fr, title_en,
         lead_fr, lead_en, body_fr, body_en) = row  # fmt: skip
        article, _created = Article.objects.update_or_create(
            slug_fr=slug_fr,
            defaults={
                "slug_en": slug_en, "title_fr": title_fr, "title_en": title_en,
                "lead_fr": lead_fr, "lead_en": lead_en, "body_fr": body_fr, "body_en": body_en,
                "category": categories[category_slug], "status": Article.Status.PUBLISHED,
                "published_at": _publish_time(days), "image_alt_fr": "", "image_alt_en": "",
            },
        )  # fmt: skip
        palette = content.PALETTE[index % len(content.PALETTE)]
        _set_image(article, "image", f"{slug_en}.png", lambda p=palette: banner("FKCCI", p))

    # One scheduled article and one draft, as an editor would have them in the admin.
    Article.objects.update_or_create(
        slug_fr="programme-du-semestre-prochain",
        defaults={
            "slug_en": "next-semester-programme",
            "title_fr": "Le programme du semestre prochain",
            "title_en": "Next semester's programme",
            "lead_fr": "Salons, missions et rencontres : le calendrier des six prochains mois.",
            "lead_en": "Fairs, missions and meetings: the calendar for the next six months.",
            "category": categories["actus-de-la-chambre"],
            "status": Article.Status.PUBLISHED,
            "published_at": _publish_time(-7),
        },
    )
    Article.objects.update_or_create(
        slug_fr="brouillon-rapport-annuel",
        defaults={
            "slug_en": "draft-annual-report",
            "title_fr": "Rapport annuel (brouillon)",
            "title_en": "Annual report (draft)",
            "category": categories["actus-de-la-chambre"],
            "status": Article.Status.DRAFT,
            "published_at": _publish_time(0),
        },
    )
    return {
        "categories": Category.objects.count(),
        "organisations": Organisation.objects.count(),
        "articles": Article.objects.count(),
    }
