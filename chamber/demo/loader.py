"""Loads the demo organisations and the Busan MOU. Idempotent: rows are matched on their
slugs (a party on its organisation, a signatory on their name) and written only where
something differs; logos are drawn only where none exists."""

from chamber.demo import content
from chamber.models import Agreement, Organisation, Party, Signatory
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


def load() -> dict[str, int]:
    """Create or refresh the demo organisations and agreement; return how many of each
    the database holds."""
    load_agreement(load_organisations())
    return {
        "organisations": Organisation.objects.count(),
        "agreements": Agreement.objects.count(),
    }
