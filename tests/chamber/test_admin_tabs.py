"""Every translated model in the admin is edited with one tab per language.

The models come from modeltranslation's registry, so a model added later is checked
as soon as it has a factory here.
"""

import pytest
from django.contrib import admin
from modeltranslation.translator import translator

from chamber.newsletter.models import NewsletterIssue
from chamber.pages.models import MenuItem
from chamber.pages.models import Page as Page_
from tests.events.staff_support import EventFactory
from tests.support import factories
from tests.support.adminforms import admin_url, assert_language_tabs
from tests.support.htmlpage import Page
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

FACTORIES = {
    "Organisation": factories.OrganisationFactory,
    "Agreement": factories.AgreementFactory,
    "Category": factories.CategoryFactory,
    "Article": factories.ArticleFactory,
    "Fair": factories.FairFactory,
    "Delegation": factories.DelegationFactory,
    "Event": EventFactory,
    "NewsletterIssue": lambda: NewsletterIssue.objects.create(
        subject_fr="Lettre de novembre", subject_en="November letter", subject_ko="11월 소식"
    ),
    "Partner": factories.PartnerFactory,
    "Publication": factories.PublicationFactory,
    "Page": lambda: Page_.objects.create(
        **{f"{f}_{c}": f"{f}-{c}" for f in ("title", "slug", "body") for c in ("fr", "en", "ko")}
    ),
    "MenuItem": lambda: MenuItem.objects.create(
        section="news:article-list", label_fr="Actus", label_en="News", label_ko="소식"
    ),
}
TRANSLATED_IN_ADMIN = sorted(
    (model for model in translator.get_registered_models() if model in admin.site._registry),
    key=lambda model: model.__name__,
)


def test_every_translated_admin_model_is_checked():
    assert {model.__name__ for model in TRANSLATED_IN_ADMIN} == set(FACTORIES)


@pytest.mark.parametrize("model", TRANSLATED_IN_ADMIN, ids=lambda model: model.__name__)
def test_add_and_change_pages_have_a_tab_per_language(admin_client, model):
    fields = sorted(translator.get_options_for_model(model).fields)
    obj = FACTORIES[model.__name__]()
    for url in (admin_url(model, "add"), admin_url(model, "change", obj.pk)):
        response = admin_client.get(url)
        assert response.status_code == 200
        page = Page(response)
        shown = [field for field in fields if page.find(id=f"id_{field}_fr") is not None]
        assert shown, f"no translated field of {model.__name__} in its form"
        assert_language_tabs(page, shown)
    # The change page shows each language's own value.
    title_field = next(f for f in shown if getattr(obj, f"{f}_fr") and getattr(obj, f"{f}_en"))
    for code in LANGUAGES:
        value = getattr(obj, f"{title_field}_{code}")
        element = page.one(id=f"id_{title_field}_{code}")
        assert (element.get("value") or element.text).strip() == str(value).strip()
