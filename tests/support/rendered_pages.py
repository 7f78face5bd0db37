"""Every kind of public page in every language, rendered once through Django's test
client from the demo content: what the page-wide checks (headings, landmarks, the HTML
validator) read."""

from dataclasses import dataclass

from django.core.management import call_command
from django.http import HttpResponse

from tests.support.languages import LANGUAGES
from tests.support.public_pages import NOT_FOUND, public_pages


@dataclass
class RenderedPage:
    name: str
    language: str
    path: str
    response: HttpResponse

    @property
    def label(self) -> str:
        return f"{self.name} ({self.language}, {self.path})"


def render_public_pages(client) -> list[RenderedPage]:
    """Loads the demo, then gets each public page type in each language; fails if a page
    does not answer as it should (200, or 404 for the missing page)."""
    call_command("load_demo", verbosity=0)
    pages = []
    for language in LANGUAGES:
        for name, path in public_pages(language).items():
            response = client.get(path)
            expected = 404 if name == NOT_FOUND else 200
            assert response.status_code == expected, f"{name} ({language}, {path})"
            pages.append(RenderedPage(name, language, path, response))
    return pages
