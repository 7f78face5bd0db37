"""Demo content for fairs and delegations: ``load_events_demo()``.

The Maison & Objet edition is the next one at least a month away (the fair takes place
in January and September at Paris Nord Villepinte), so the demo never goes stale: a
database loaded next year gets next year's edition. Rows are keyed on stable slugs and
e-mail addresses and written only when something differs, so running it twice changes
nothing. Registrations are written directly (no e-mail is sent) with their history.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from events.models import (
    Delegation,
    Fair,
    PublicationStatus,
    Registration,
    RegistrationStatusChange,
)

Status = Registration.Status


def _weekday_on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def maison_objet_start(year: int, month: int) -> datetime.date:
    """January: the third Thursday; September: the first Thursday (a five-day fair)."""
    first_thursday = _weekday_on_or_after(datetime.date(year, month, 1), 3)
    return first_thursday + datetime.timedelta(weeks=2 if month == 1 else 0)


def next_maison_objet(today: datetime.date) -> datetime.date:
    """The first day of the next edition that starts at least 30 days after ``today``."""
    for year in (today.year, today.year + 1):
        for month in (1, 9):
            start = maison_objet_start(year, month)
            if start >= today + datetime.timedelta(days=30):
                return start
    return maison_objet_start(today.year + 2, 1)


def last_vivatech(today: datetime.date) -> datetime.date:
    """The first day of the latest VivaTech (second Wednesday of June) that is over."""
    for year in (today.year, today.year - 1):
        start = _weekday_on_or_after(datetime.date(year, 6, 1), 2) + datetime.timedelta(weeks=1)
        if start + datetime.timedelta(days=3) < today:
            return start
    raise AssertionError("unreachable")


def _upsert(model, lookup: dict, values: dict, create_values: dict | None = None):
    """Create the row, or update it only where a value differs (no needless save)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values, **(create_values or {}))
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj


MONTHS = {
    1: ("janvier", "January"),
    9: ("septembre", "September"),
}


def _maison_objet(today: datetime.date) -> Fair:
    start = next_maison_objet(today)
    month_fr, month_en = MONTHS[start.month]
    return _upsert(
        Fair,
        {"slug_en": f"maison-objet-{month_en.lower()}-{start.year}"},
        {
            "slug_fr": f"maison-objet-{month_fr}-{start.year}",
            "name_fr": f"Maison & Objet Paris, {month_fr} {start.year}",
            "name_en": f"Maison & Objet Paris, {month_en} {start.year}",
            "status": PublicationStatus.PUBLISHED,
            "starts_on": start,
            "ends_on": start + datetime.timedelta(days=4),
            "venue_fr": "Parc des expositions Paris Nord Villepinte",
            "venue_en": "Paris Nord Villepinte exhibition centre",
            "city_fr": "Paris",
            "city_en": "Paris",
            "country_fr": "France",
            "country_en": "France",
            "website": "https://www.maison-objet.com/",
            "description_fr": (
                "Maison & Objet est le grand rendez-vous parisien de la décoration, du design "
                "d'intérieur et de l'art de vivre. Deux fois par an, en janvier et en "
                "septembre, créateurs, marques, acheteurs et prescripteurs du monde entier "
                "s'y retrouvent pendant cinq jours au nord de Paris.\n\n"
                "Pour une jeune marque, c'est l'occasion de présenter ses produits aux "
                "grands magasins, concept stores et distributeurs européens."
            ),
            "description_en": (
                "Maison & Objet is the major Paris meeting place for interior design, "
                "decoration and lifestyle. Twice a year, in January and September, designers, "
                "brands, buyers and specifiers from all over the world spend five days there, "
                "just north of Paris.\n\n"
                "For a young brand, it is the chance to show its products to European "
                "department stores, concept stores and distributors."
            ),
        },
    )


def _seoul(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), ZoneInfo(settings.TIME_ZONE))


def _korean_startups(fair: Fair, today: datetime.date) -> Delegation:
    # Open since three weeks, closing three weeks before the fair (at least ten days on).
    opens = _seoul(today - datetime.timedelta(days=21), 9)
    closes = _seoul(
        max(fair.starts_on - datetime.timedelta(days=21), today + datetime.timedelta(days=10)),
        18,
    )
    return _upsert(
        Delegation,
        {"slug_en": f"korean-startups-{fair.slug_en}"},
        {
            "fair": fair,
            "slug_fr": f"startups-coreennes-{fair.slug_fr}",
            "title_fr": "Délégation de startups coréennes à Maison & Objet",
            "title_en": "Korean startups delegation at Maison & Objet",
            "status": PublicationStatus.PUBLISHED,
            "summary_fr": (
                "La chambre accompagne à Paris un petit groupe de jeunes entreprises "
                "coréennes du design et de la maison, pour qu'elles rencontrent acheteurs et "
                "distributeurs et posent les bases de leur développement en France."
            ),
            "summary_en": (
                "The chamber takes a small group of young Korean design and home companies "
                "to Paris, so that they meet buyers and distributors and lay the ground for "
                "their growth in France."
            ),
            "audience_fr": (
                "Les startups et jeunes entreprises coréennes du mobilier, du luminaire, des "
                "arts de la table, du textile, de la décoration ou de la maison connectée, "
                "qui ont un produit prêt à l'export et veulent vendre en France."
            ),
            "audience_en": (
                "Korean startups and young companies in furniture, lighting, tableware, "
                "textiles, decoration or the connected home, with a product ready for export "
                "and a wish to sell in France."
            ),
            "offer_fr": (
                "Un espace d'exposition sur le stand collectif, avec une vitrine par "
                "entreprise\n"
                "Des rendez-vous préparés à l'avance avec des acheteurs, distributeurs et "
                "concept stores français\n"
                "Une demi-journée de préparation au marché français : distribution, prix, "
                "étiquetage et réglementation\n"
                "Un interprète coréen-français-anglais sur le stand\n"
                "Une soirée de rencontres avec les membres français de la chambre"
            ),
            "offer_en": (
                "Exhibition space on the shared stand, with a showcase for each company\n"
                "Meetings arranged in advance with French buyers, distributors and concept "
                "stores\n"
                "A half-day briefing on the French market: distribution, pricing, labelling "
                "and regulations\n"
                "A Korean-French-English interpreter on the stand\n"
                "A networking evening with the chamber's French members"
            ),
            "fee": Decimal("1500.00"),
            "currency": "EUR",
            "fee_details_fr": "par entreprise ; voyage et hébergement non compris",
            "fee_details_en": "per company; travel and accommodation not included",
            "capacity": 6,
            "contact_email": "delegations@example.org",
        },
        {"registration_opens_at": opens, "registration_closes_at": closes},
    )


def _vivatech(today: datetime.date) -> tuple[Fair, Delegation]:
    start = last_vivatech(today)
    fair = _upsert(
        Fair,
        {"slug_en": f"vivatech-{start.year}"},
        {
            "slug_fr": f"vivatech-{start.year}",
            "name_fr": f"VivaTech {start.year}",
            "name_en": f"VivaTech {start.year}",
            "status": PublicationStatus.PUBLISHED,
            "starts_on": start,
            "ends_on": start + datetime.timedelta(days=3),
            "venue_fr": "Paris Expo Porte de Versailles",
            "venue_en": "Paris Expo Porte de Versailles",
            "city_fr": "Paris",
            "city_en": "Paris",
            "country_fr": "France",
            "country_en": "France",
            "website": "https://vivatechnology.com/",
            "description_fr": (
                "Le salon parisien de l'innovation et des startups, où grands groupes, "
                "investisseurs et jeunes pousses du monde entier se rencontrent chaque "
                "printemps."
            ),
            "description_en": (
                "The Paris fair for innovation and startups, where large groups, investors "
                "and young companies from all over the world meet every spring."
            ),
        },
    )
    delegation = _upsert(
        Delegation,
        {"slug_en": f"korean-tech-startups-vivatech-{start.year}"},
        {
            "fair": fair,
            "slug_fr": f"startups-tech-coreennes-vivatech-{start.year}",
            "title_fr": "Startups technologiques coréennes à VivaTech",
            "title_en": "Korean tech startups at VivaTech",
            "status": PublicationStatus.PUBLISHED,
            "summary_fr": "Une délégation de jeunes entreprises coréennes de la tech à Paris.",
            "summary_en": "A delegation of young Korean tech companies in Paris.",
            "fee": Decimal("0.00"),
            "capacity": 4,
            "contact_email": "delegations@example.org",
            "registration_opens_at": _seoul(start - datetime.timedelta(days=120), 9),
            "registration_closes_at": _seoul(start - datetime.timedelta(days=30), 18),
        },
    )
    return fair, delegation


# company, contact, e-mail (example.com/org), language, sector, pitch, status path
KOREAN_STARTUPS = [
    (
        "Hanji Atelier",
        "Kim Min-ji",
        "minji.kim@example.com",
        "en",
        "Lighting",
        "Lamps made of hanji, the Korean mulberry paper, shaped by hand in Jeonju.",
        [Status.SUBMITTED, Status.ACCEPTED],
    ),
    (
        "Onggi Lab",
        "Park Ji-hoon",
        "jihoon.park@example.com",
        "fr",
        "Tableware",
        "Breathable onggi earthenware redesigned for modern kitchens and fermentation.",
        [Status.SUBMITTED, Status.ACCEPTED],
    ),
    (
        "Seoul Loom",
        "Lee Seo-yeon",
        "seoyeon.lee@example.org",
        "en",
        "Textiles",
        "Bedding and throws woven from organic cotton and ramie on restored looms.",
        [Status.SUBMITTED, Status.ACCEPTED],
    ),
    (
        "Baram Living",
        "Choi Dong-hyun",
        "donghyun.choi@example.com",
        "en",
        "Connected home",
        "Quiet air purifiers hidden in ceramic and wooden furniture.",
        [Status.SUBMITTED, Status.CANCELLED],
    ),
    (
        "Najeon Studio",
        "Jung Ha-eun",
        "haeun.jung@example.org",
        "fr",
        "Decoration",
        "Mother-of-pearl inlay (najeon) on contemporary trays, boxes and mirrors.",
        [Status.SUBMITTED],
    ),
    (
        "Dalbit Design",
        "Kang Tae-yang",
        "taeyang.kang@example.com",
        "en",
        "Furniture",
        "Modular stools and side tables in oak, inspired by the moon jar.",
        [Status.SUBMITTED],
    ),
    (
        "Jeju Stone Works",
        "Yoon Soo-ah",
        "sooah.yoon@example.com",
        "en",
        "Decoration",
        "Objects in Jeju basalt: candle holders, bookends and coasters.",
        [Status.SUBMITTED, Status.REJECTED],
    ),
    (
        "Moa Home",
        "Han Jae-won",
        "jaewon.han@example.org",
        "fr",
        "Tableware",
        "Stackable lacquered bowls and lunch boxes for everyday use.",
        [Status.SUBMITTED],
    ),
    (
        "Sori Sound Objects",
        "Oh Ye-jin",
        "yejin.oh@example.com",
        "en",
        "Connected home",
        "Speakers carved from walnut with a brass grille, made in Seoul.",
        [Status.WAITLISTED],
    ),
    (
        "Bom Ceramics",
        "Seo Jun-ho",
        "junho.seo@example.org",
        "en",
        "Tableware",
        "Celadon tableware with a matt glaze, fired in Icheon.",
        [Status.WAITLISTED],
    ),
]


def _registration(delegation, row, received: datetime.datetime) -> None:
    company, contact, email, language, sector, pitch, path = row
    slug = company.lower().replace(" ", "-")
    registration = _upsert(
        Registration,
        {"delegation": delegation, "email": email},
        {
            "company_name": company,
            "contact_name": contact,
            "phone": "+82 10 0000 0000",
            "website": f"https://{slug}.example.com/",
            "sector": sector,
            "pitch": pitch,
            "consent": True,
            "language": language,
        },
        # The status only on creation: staff may have moved it since (with history).
        {"consented_at": received, "created_at": received, "status": path[-1]},
    )
    if registration.status_changes.exists():
        return
    previous = ""
    for step, status in enumerate(path):
        RegistrationStatusChange.objects.create(
            registration=registration,
            from_status=previous,
            to_status=status,
            changed_at=received + datetime.timedelta(days=2 * step),
        )
        previous = status


@transaction.atomic
def load_events_demo(today: datetime.date | None = None) -> dict[str, int]:
    """Create or refresh the demo fairs, delegations and registrations; return how many
    of each the database holds."""
    today = today or timezone.localdate()
    fair = _maison_objet(today)
    delegation = _korean_startups(fair, today)
    first = delegation.registration_opens_at + datetime.timedelta(hours=2)
    for position, row in enumerate(KOREAN_STARTUPS):
        _registration(delegation, row, first + datetime.timedelta(hours=5 * position))

    _past_fair, past_delegation = _vivatech(today)
    received = past_delegation.registration_opens_at + datetime.timedelta(days=3)
    for position, row in enumerate(KOREAN_STARTUPS[:2]):
        past_row = (*row[:6], [Status.SUBMITTED, Status.ACCEPTED])
        _registration(past_delegation, past_row, received + datetime.timedelta(days=position))
    return {
        "fairs": Fair.objects.count(),
        "delegations": Delegation.objects.count(),
        "registrations": Registration.objects.count(),
    }
