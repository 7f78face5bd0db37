"""Loads the demo organisations and the Busan MOU. Idempotent: rows are matched on their
slugs (a party on its organisation, a signatory on their name) and written only where
something differs; logos are drawn only where none exists."""

from django.utils import timezone

from chamber.demo import content
from chamber.models import Agreement, MembershipApplication, Organisation, Party, Signatory
from chamber.toolkit.demo import attach_image, logo, sync
from chamber.toolkit.publication import PublicationStatus

# Published when the demo creates them; staff may unpublish them since.
PUBLISHED = {"status": PublicationStatus.PUBLISHED}


def load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for data in content.ORGANISATIONS:
        values = dict(data)
        slug = values.pop("slug")
        initials, color = values.pop("logo")
        organisation = sync(Organisation, {"slug": slug}, values, PUBLISHED)
        attach_image(organisation, "logo", f"{slug}.png", lambda i=initials, c=color: logo(i, c))
        organisations[slug] = organisation
    return organisations


def load_agreement(organisations: dict[str, Organisation]) -> Agreement:
    values = dict(content.AGREEMENT)
    agreement = sync(Agreement, {"slug_fr": values.pop("slug_fr")}, values, PUBLISHED)
    for position, data in enumerate(content.PARTIES):
        values = dict(data)
        organisation = organisations[values.pop("organisation")]
        sync(
            Party,
            {"agreement": agreement, "organisation": organisation},
            {**values, "position": position},
        )
    for position, data in enumerate(content.SIGNATORIES):
        values = dict(data)
        values["organisation"] = organisations[values["organisation"]]
        sync(
            Signatory,
            {"agreement": agreement, "name": values.pop("name")},
            {**values, "position": position},
        )
    return agreement


# Membership applications in each status (matched on the e-mail address).
APPLICATIONS = [
    {
        "company_name": "Hanbit Robotics",
        "contact_name": "Kim Min-jun",
        "email": "minjun.kim@hanbit-robotics.example",
        "phone": "+82 51 555 0101",
        "sector": "Robotique industrielle",
        "size": "small",
        "tier": "member",
        "message": "Nous cherchons des partenaires en France pour nos bras robotisés.",
        "language": "fr",
        "status": "submitted",
    },
    {
        "company_name": "Océane Cosmétiques",
        "contact_name": "Claire Martin",
        "email": "claire.martin@oceane.example",
        "sector": "Cosmetics",
        "size": "medium",
        "tier": "corporate",
        "message": "We export to Korea since 2019.",
        "language": "en",
        "status": "accepted",
    },
    {
        "company_name": "부산 해양 물류",
        "contact_name": "이서연",
        "email": "seoyeon.lee@busan-logistics.example",
        "sector": "물류",
        "size": "large",
        "tier": "patron",
        "message": "",
        "language": "ko",
        "status": "refused",
        "staff_note": "Activité sans lien avec les échanges franco-coréens pour le moment.",
    },
]


def load_applications() -> None:
    for values in APPLICATIONS:
        values = dict(values)
        decided = values["status"] != MembershipApplication.Status.SUBMITTED
        email = values.pop("email")
        MembershipApplication.objects.update_or_create(
            email=email,
            defaults=values,
            # The day of its decision is kept from the first load.
            create_defaults={**values, "decided_at": timezone.now() if decided else None},
        )


def load() -> dict[str, int]:
    """Create or refresh the demo organisations, agreement and membership applications;
    return how many of each the database holds."""
    load_agreement(load_organisations())
    load_applications()
    return {
        "organisations": Organisation.objects.count(),
        "agreements": Agreement.objects.count(),
        "membership applications": MembershipApplication.objects.count(),
    }
