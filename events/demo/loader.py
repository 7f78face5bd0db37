"""Loads the demo fairs, delegations, the chamber's events and their registrations.

The Maison & Objet edition is the next one at least a month away (the fair takes place
in January and September at Paris Nord Villepinte), and the events are placed from
today (the networking evening in three weeks or so, the webinar in five, the general
meeting next spring, a seminar last month), so the demo never goes stale: a database
loaded next year gets next year's dates. Rows are keyed on stable slugs and e-mail
addresses and written only where something differs, so running it twice changes
nothing. Registrations are written directly (no e-mail is sent) with their history,
the people who come and their answers (a small PDF for the pitch deck).
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from chamber.models import Organisation
from chamber.toolkit.demo import attach_image, banner, sync
from chamber.toolkit.publication import PublicationStatus
from events.demo import content
from events.models import (
    Answer,
    Attendee,
    Delegation,
    Event,
    Fair,
    Question,
    Registration,
    RegistrationStatusChange,
)
from events.workflow import Status


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


def _seoul(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), ZoneInfo(settings.TIME_ZONE))


def load_maison_objet(today: datetime.date) -> Fair:
    start = next_maison_objet(today)
    month_fr, month_en, month_ko = content.MONTHS[start.month]
    fair = sync(
        Fair,
        {"slug_en": f"maison-objet-{month_en.lower()}-{start.year}"},
        {
            **content.MAISON_OBJET,
            "slug_fr": f"maison-objet-{month_fr}-{start.year}",
            "slug_ko": f"메종-오브제-파리-{start.year}년-{month_ko}",
            "name_fr": f"Maison & Objet Paris, {month_fr} {start.year}",
            "name_en": f"Maison & Objet Paris, {month_en} {start.year}",
            "name_ko": f"메종&오브제 파리 {start.year}년 {month_ko}",
            "status": PublicationStatus.PUBLISHED,
            "starts_on": start,
            "ends_on": start + datetime.timedelta(days=4),
        },
    )
    attach_image(
        fair, "image", "maison-objet.png", lambda: banner("Maison & Objet", ("#3d3a36", "#b08d57"))
    )
    return fair


def load_korean_startups(fair: Fair, today: datetime.date) -> Delegation:
    # Open since three weeks, closing three weeks before the fair (at least ten days on).
    opens = _seoul(today - datetime.timedelta(days=21), 9)
    closes = _seoul(
        max(fair.starts_on - datetime.timedelta(days=21), today + datetime.timedelta(days=10)),
        18,
    )
    return sync(
        Delegation,
        {"slug_en": f"korean-startups-{fair.slug_en}"},
        {
            **content.KOREAN_STARTUPS_DELEGATION,
            "fair": fair,
            "slug_fr": f"startups-coreennes-{fair.slug_fr}",
            "slug_ko": f"한국-스타트업-{fair.slug_ko}",
            "status": PublicationStatus.PUBLISHED,
        },
        {"registration_opens_at": opens, "registration_closes_at": closes},
    )


def load_vivatech(today: datetime.date) -> tuple[Fair, Delegation]:
    start = last_vivatech(today)
    fair = sync(
        Fair,
        {"slug_en": f"vivatech-{start.year}"},
        {
            **content.VIVATECH,
            "slug_fr": f"vivatech-{start.year}",
            "slug_ko": f"비바테크-{start.year}",
            "name_fr": f"VivaTech {start.year}",
            "name_en": f"VivaTech {start.year}",
            "name_ko": f"VivaTech {start.year}",
            "status": PublicationStatus.PUBLISHED,
            "starts_on": start,
            "ends_on": start + datetime.timedelta(days=3),
        },
    )
    attach_image(fair, "image", "vivatech.png", lambda: banner("VivaTech", ("#1b1464", "#e6007e")))
    delegation = sync(
        Delegation,
        {"slug_en": f"korean-tech-startups-vivatech-{start.year}"},
        {
            **content.VIVATECH_DELEGATION,
            "fair": fair,
            "slug_fr": f"startups-tech-coreennes-vivatech-{start.year}",
            "slug_ko": f"한국-기술-스타트업-비바테크-{start.year}",
            "status": PublicationStatus.PUBLISHED,
            "registration_opens_at": _seoul(start - datetime.timedelta(days=120), 9),
            "registration_closes_at": _seoul(start - datetime.timedelta(days=30), 18),
        },
    )
    return fair, delegation


def load_registration(
    occasion: dict, row, received: datetime.datetime, seats: int = 1
) -> Registration:
    """The registration of ``row`` for the delegation or event ``occasion`` (``{"delegation":
    ...}`` or ``{"event": ...}``), with its history."""
    company, contact, email, language, sector, pitch, path = row[:7]
    slug = company.lower().replace(" ", "-")
    registration = sync(
        Registration,
        {**occasion, "email": email},
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
        {"consented_at": received, "created_at": received, "status": path[-1], "seats": seats},
    )
    if not registration.status_changes.exists():
        previous = ""
        for step, status in enumerate(path):
            RegistrationStatusChange.objects.create(
                registration=registration,
                from_status=previous,
                to_status=status,
                changed_at=received + datetime.timedelta(days=2 * step),
            )
            previous = status
    return registration


def load_attendees(registration: Registration, people: list[tuple[str, str]]) -> None:
    """The people a registration names (name, job title), once."""
    if registration.attendees.exists():
        return
    for position, (name, job_title) in enumerate(people):
        Attendee.objects.create(
            registration=registration, name=name, job_title=job_title, position=position
        )


def pitch_deck(company: str) -> bytes:
    """A one-page PDF naming ``company``: a real document (header, objects, cross-reference
    table, trailer), written by hand so that the demo needs no PDF library."""
    text = f"{company} - pitch deck".encode("ascii", "replace")
    stream = b"BT /F1 24 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    document = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(document))
        document += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(document)
    document += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    document += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    document += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    document += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(document)


def load_questions(delegation: Delegation) -> tuple[Question, Question]:
    deck = sync(Question, {"delegation": delegation, "kind": "file"}, content.PITCH_DECK_QUESTION)
    product = sync(
        Question, {"delegation": delegation, "kind": "single_choice"}, content.PRODUCT_QUESTION
    )
    return deck, product


def load_answers(registration: Registration, deck: Question, product: Question) -> None:
    """The registrant's answers, in their language, once."""
    if registration.answers.exists():
        return
    language = registration.language
    choice = content.PRODUCT_BY_SECTOR.get(registration.sector, 0)
    Answer.objects.create(
        registration=registration,
        question=product,
        label=getattr(product, f"label_{language}"),
        kind=product.kind,
        position=product.position,
        value=item_of(getattr(product, f"choices_{language}"), choice),
    )
    answer = Answer(
        registration=registration,
        question=deck,
        label=getattr(deck, f"label_{language}"),
        kind=deck.kind,
        position=deck.position,
    )
    slug = registration.company_name.lower().replace(" ", "-")
    answer.file.save(f"{slug}-pitch-deck.pdf", ContentFile(pitch_deck(registration.company_name)))


def item_of(lines: str, index: int) -> str:
    return lines.splitlines()[index]


def _seoul_at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), ZoneInfo(settings.TIME_ZONE))


def load_event(values: dict, starts_at, ends_at, opens_at, closes_at, **extra) -> Event:
    """An event of the demo, published, keyed on its English slug."""
    values = {**values, **extra}
    return sync(
        Event,
        {"slug_en": values.pop("slug_en")},
        {
            **values,
            "status": PublicationStatus.PUBLISHED,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "registration_opens_at": opens_at,
            "registration_closes_at": closes_at,
        },
    )


def general_meeting_day(today: datetime.date) -> datetime.date:
    """The third Thursday of March, in the first March at least six weeks away."""
    for year in (today.year, today.year + 1):
        day = _weekday_on_or_after(datetime.date(year, 3, 15), 3)
        if day >= today + datetime.timedelta(weeks=6):
            return day
    raise AssertionError("unreachable")


def load_events(today: datetime.date) -> dict[str, Event]:
    """The networking evening (a Thursday three to four weeks away, open), the webinar
    (a Tuesday five to six weeks away, open, online), the general meeting (members only,
    registration opens a month before) and last month's seminar."""
    evening_day = _weekday_on_or_after(today + datetime.timedelta(days=21), 3)
    evening = load_event(
        content.NETWORKING_EVENING,
        _seoul_at(evening_day, 19),
        _seoul_at(evening_day, 22),
        _seoul_at(today - datetime.timedelta(days=10), 9),
        _seoul_at(evening_day - datetime.timedelta(days=2), 18),
    )
    attach_image(
        evening,
        "image",
        "networking-evening.png",
        lambda: banner("Networking · Seoul", ("#0b2a4a", "#c8102e")),
    )
    webinar_day = _weekday_on_or_after(today + datetime.timedelta(days=35), 1)
    webinar = load_event(
        content.EXPORT_WEBINAR,
        _seoul_at(webinar_day, 10),
        _seoul_at(webinar_day, 11),
        _seoul_at(today - datetime.timedelta(days=3), 9),
        _seoul_at(webinar_day - datetime.timedelta(days=1), 12),
    )
    meeting_day = general_meeting_day(today)
    year = meeting_day.year
    meeting = load_event(
        {
            **content.GENERAL_MEETING,
            "slug_fr": f"assemblee-generale-{year}",
            "slug_en": f"annual-general-meeting-{year}",
            "slug_ko": f"{year}년-정기-총회",
            **{
                f"title_{code}": content.GENERAL_MEETING[f"title_{code}"].format(year=year)
                for code in ("fr", "en", "ko")
            },
        },
        _seoul_at(meeting_day, 17),
        _seoul_at(meeting_day, 19),
        _seoul_at(meeting_day - datetime.timedelta(days=30), 9),
        _seoul_at(meeting_day - datetime.timedelta(days=2), 18),
    )
    seminar_day = _weekday_on_or_after(today - datetime.timedelta(days=40), 2)
    seminar = load_event(
        content.LABOUR_LAW_SEMINAR,
        _seoul_at(seminar_day, 9, 30),
        _seoul_at(seminar_day, 12),
        _seoul_at(seminar_day - datetime.timedelta(days=30), 9),
        _seoul_at(seminar_day - datetime.timedelta(days=1), 18),
        organiser=Organisation.objects.filter(slug="busan-techno-park").first(),
    )
    return {"evening": evening, "webinar": webinar, "meeting": meeting, "seminar": seminar}


def load(today: datetime.date | None = None) -> dict[str, int]:
    """Create or refresh the demo fairs, delegations, events and registrations; return
    how many of each the database holds."""
    today = today or timezone.localdate()
    delegation = load_korean_startups(load_maison_objet(today), today)
    deck, product = load_questions(delegation)
    first = delegation.registration_opens_at + datetime.timedelta(hours=2)
    for position, row in enumerate(content.KOREAN_STARTUPS):
        registration = load_registration(
            {"delegation": delegation}, row, first + datetime.timedelta(hours=5 * position)
        )
        load_attendees(registration, content.COLLEAGUES.get(row[0], [(row[1], "")]))
        load_answers(registration, deck, product)

    _past_fair, past_delegation = load_vivatech(today)
    received = past_delegation.registration_opens_at + datetime.timedelta(days=3)
    for position, row in enumerate(content.KOREAN_STARTUPS[:2]):
        past_row = (*row[:6], [Status.SUBMITTED, Status.ACCEPTED])
        registration = load_registration(
            {"delegation": past_delegation}, past_row, received + datetime.timedelta(days=position)
        )
        load_attendees(registration, [(row[1], "")])

    evening = load_events(today)["evening"]
    received = evening.registration_opens_at + datetime.timedelta(hours=3)
    for position, row in enumerate(content.EVENING_GUESTS):
        people = row[7]
        registration = load_registration(
            {"event": evening},
            row,
            received + datetime.timedelta(hours=7 * position),
            seats=len(people),
        )
        load_attendees(registration, [(name, "") for name in people])
    return {
        "fairs": Fair.objects.count(),
        "delegations": Delegation.objects.count(),
        "events": Event.objects.count(),
        "registrations": Registration.objects.count(),
    }
