"""Loads the demo publications with their PDF files and covers. Idempotent: rows are
matched on their French slugs and written only where something differs; files are made
only where none exists."""

import datetime

from django.utils import timezone

from chamber.publications.demo import content
from chamber.publications.models import Publication
from chamber.toolkit.demo import attach_image, banner, pdf_document, sync


def load() -> dict[str, int]:
    for data in content.PUBLICATIONS:
        values = dict(data)
        pdf_title, pdf_lines = values.pop("pdf_title"), values.pop("pdf_lines")
        colors = values.pop("colors")
        values["published_on"] = timezone.localdate() - datetime.timedelta(
            days=values.pop("days_ago")
        )
        values["status"] = Publication.Status.PUBLISHED
        slug = values["slug_en"]
        publication = sync(Publication, {"slug_fr": values.pop("slug_fr")}, values)
        attach_image(
            publication, "file", f"{slug}.pdf", lambda t=pdf_title, x=pdf_lines: pdf_document(t, x)
        )
        attach_image(publication, "cover", f"{slug}.png", lambda c=colors: banner("FKCCI", c))
    return {"publications": Publication.objects.count()}
