"""Loads the demo organisations and the Busan MOU. Idempotent: rows are matched on their
slugs (a party on its organisation, a signatory on their name) and written only where
something differs; logos are drawn only where none exists."""

from chamber.demo import content
from chamber.models import Agreement, Organisation, Party, Signatory
from chamber.toolkit.demo import attach_image, logo, sync


def load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for data in content.ORGANISATIONS:
        values = dict(data)
        slug = values.pop("slug")
        initials, color = values.pop("logo")
        organisation = sync(Organisation, {"slug": slug}, values)
        attach_image(organisation, "logo", f"{slug}.png", lambda i=initials, c=color: logo(i, c))
        organisations[slug] = organisation
    return organisations


def load_agreement(organisations: dict[str, Organisation]) -> Agreement:
    values = dict(content.AGREEMENT)
    agreement = sync(Agreement, {"slug_fr": values.pop("slug_fr")}, values)
    for position, (slug, role_fr, role_en) in enumerate(content.PARTIES):
        sync(
            Party,
            {"agreement": agreement, "organisation": organisations[slug]},
            {"role_fr": role_fr, "role_en": role_en, "position": position},
        )
    for position, (name, title_fr, title_en, slug) in enumerate(content.SIGNATORIES):
        sync(
            Signatory,
            {"agreement": agreement, "name": name},
            {
                "title_fr": title_fr,
                "title_en": title_en,
                "organisation": organisations[slug],
                "position": position,
            },
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
