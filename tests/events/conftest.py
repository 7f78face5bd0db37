import pytest
from django.core.cache import cache

from events import services
from tests.support.factories import DelegationFactory
from tests.support.registrations import company


@pytest.fixture(autouse=True)
def _empty_cache():
    """The rate limit counts in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def delegation(db):
    return DelegationFactory(
        title_fr="Startups coréennes à Maison & Objet",
        title_en="Korean startups at Maison & Objet",
        slug_fr="startups-coreennes-maison-objet",
        slug_en="korean-startups-maison-objet",
        capacity=2,
        fair__name_fr="Maison & Objet Paris",
        fair__name_en="Maison & Objet Paris",
    )


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """Register company ``n`` through the service, running its on-commit mail."""

    def _register(delegation, n: int, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return services.register_for_delegation(
                delegation=delegation, **company(n, **overrides)
            )

    return _register


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call a service and run what it queued for after the commit (the e-mails)."""

    def _run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return _run
