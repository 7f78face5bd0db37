"""schema.org description of an organisation's page (an Organization)."""

from django.conf import settings

from chamber.toolkit import structured_data


def organisation(organisation, absolute) -> dict:
    """``organisation`` as a schema.org Organization: its name, its web site (else its
    page here), its logo, description and place; a member names the chamber."""
    page = absolute(organisation.get_absolute_url())
    data = {
        "@context": structured_data.CONTEXT,
        "@type": "Organization",
        "@id": page + "#organization",
        "name": organisation.name,
        "url": organisation.website or page,
        "mainEntityOfPage": page,
    }
    if organisation.short_name:
        data["alternateName"] = organisation.short_name
    if organisation.logo:
        data["logo"] = absolute(organisation.logo.url)
    if organisation.description:
        data["description"] = organisation.description
    if organisation.city or organisation.country:
        address = {"@type": "PostalAddress"}
        if organisation.city:
            address["addressLocality"] = organisation.city
        if organisation.country:
            address["addressCountry"] = organisation.country
        data["address"] = address
    if organisation.is_member:
        data["memberOf"] = {
            "@type": "Organization",
            "@id": structured_data.chamber_id(absolute),
            "name": settings.SITE_NAME,
        }
    return data
