from django.conf import settings


def site(request):
    """The chamber's names and contact details, for the header, footer and meta tags."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_FULL_NAME": settings.SITE_FULL_NAME,
        "CHAMBER_CONTACT_EMAIL": settings.CHAMBER_CONTACT_EMAIL,
        "CHAMBER_CONTACT_PHONE": settings.CHAMBER_CONTACT_PHONE,
    }
