"""Partners as the pages show them."""

from chamber.partners.models import Partner


def groups(partners) -> list[dict]:
    """``partners`` (ordered by level) as one group per level that has any: its level,
    its title (in the active language) and its partners, in order."""
    found = []
    for partner in partners:
        if not found or found[-1]["level"] != partner.level:
            found.append(
                {
                    "level": partner.level,
                    "title": Partner.Level(partner.level).label,
                    "partners": [],
                }
            )
        found[-1]["partners"].append(partner)
    return found
