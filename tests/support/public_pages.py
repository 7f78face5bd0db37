"""Every kind of public page, once, in a given language: the pages that page-wide checks
(share tags, structured data, headings, landmarks, the HTML validator, axe) go through.

Reads the demo content (``load_demo``); each entry is a path in ``language``.
"""

from django.urls import reverse
from django.utils import timezone, translation

from chamber.models import Agreement, Organisation
from chamber.pages.models import Page
from chamber.publications.models import Publication
from events.models import Delegation, Event, Fair
from news.models import Article, Category

NOT_FOUND = "not found"


def public_pages(language: str) -> dict[str, str]:
    """Name of the page type → its path in ``language`` (demo content)."""
    with translation.override(language):
        article = Article.objects.published().filter(image__gt="").order_by("-published_at").first()
        published = Article.objects.published()
        category = Category.objects.filter(articles__in=published).distinct().first()
        organisation = Organisation.objects.published().members().order_by("pk").first()
        agreement = Agreement.objects.published().order_by("pk").first()
        fair = Fair.objects.published().order_by("starts_on").last()
        delegation = Delegation.objects.published().upcoming().order_by("pk").first()
        events = Event.objects.published().upcoming().exclude(venue_name="")
        event = events.order_by("starts_at").first()
        page = Page.objects.published().filter(parent__isnull=False).order_by("pk").first()
        publication = Publication.objects.published().order_by("pk").first()
        today = timezone.localdate()
        return {
            "home": reverse("site:home"),
            "news list": reverse("news:article-list"),
            "news category": reverse("news:category", args=[category.slug]),
            "article": article.get_absolute_url(),
            "agenda": reverse("events:agenda"),
            "past events": reverse("events:agenda-past"),
            "agenda month": reverse("events:agenda-month", args=[today.year, today.month]),
            "event": event.get_absolute_url(),
            "fairs": reverse("events:fair-list"),
            "fair": fair.get_absolute_url(),
            "delegation": delegation.get_absolute_url(),
            "members": reverse("chamber:member-list"),
            "member": organisation.get_absolute_url(),
            "agreements": reverse("chamber:agreement-list"),
            "agreement": agreement.get_absolute_url(),
            "join": reverse("chamber:join"),
            "page": page.get_absolute_url(),
            "partners": reverse("partners:partner-list"),
            "publications": reverse("publications:publication-list"),
            "publication": publication.get_absolute_url(),
            "newsletter": reverse("newsletter:subscribe"),
            "search": reverse("site:search") + "?q=Busan",
            "privacy": reverse("site:privacy"),
            NOT_FOUND: reverse("site:home") + "no-such-page/",
        }
