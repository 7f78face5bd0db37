"""schema.org description of a publication's page (a DigitalDocument)."""

from django.utils.translation import get_language

from chamber.toolkit import structured_data


def publication(publication, absolute, image_url: str = "") -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "DigitalDocument",
        "name": publication.title[:110],
        "description": publication.summary[:300],
        "datePublished": publication.published_on.isoformat(),
        "dateModified": publication.updated_at.isoformat(),
        "inLanguage": get_language(),
        "url": absolute(publication.get_absolute_url()),
        "encodingFormat": "application/pdf",
        "contentUrl": absolute(publication.file.url),
        "publisher": structured_data.chamber(absolute),
    }
    if image_url:
        data["image"] = [absolute(image_url)]
    return data
