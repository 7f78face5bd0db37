"""Loads the demo partners (after the chamber's demo, whose organisations two of them
name). Idempotent: rows are matched on their English names and written only where
something differs; logos are drawn only where none exists."""

from chamber.models import Organisation
from chamber.partners.demo import content
from chamber.partners.models import Partner
from chamber.toolkit.demo import attach_image, logo, sync


def load() -> dict[str, int]:
    for position, data in enumerate(content.PARTNERS):
        values = dict(data)
        key = values.pop("key")
        initials, color = values.pop("initials"), values.pop("color")
        slug = values.pop("organisation", None)
        values["organisation"] = Organisation.objects.filter(slug=slug).first() if slug else None
        values.setdefault("link", "")
        partner = sync(Partner, {"name_en": values.pop("name_en")}, values, {"position": position})
        attach_image(partner, "logo", f"{key}.png", lambda i=initials, c=color: logo(i, c))
    return {"partners": Partner.objects.count()}
