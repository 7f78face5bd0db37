import pytest
from django.core.cache import cache

from events import services
from tests.factories import DelegationFactory


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


def company(n: int, **overrides) -> dict:
    """The keyword arguments of ``register_for_delegation`` for company number ``n``."""
    return {
        "company_name": f"Hanji Atelier {n}",
        "contact_name": f"Kim Min-ji {n}",
        "email": f"contact{n}@example.com",
        "phone": "+82 10 1234 5678",
        "website": "https://hanji.example.com/",
        "sector": "Lighting",
        "pitch": "Lamps of hanji paper.",
        "consent": True,
        "language": "en",
        **overrides,
    }


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


def registrant_mail():
    """The messages sent to registrants (leaving out the staff notifications, which go to
    the delegations' contact addresses)."""
    from django.core import mail

    from events.models import Delegation

    staff = set(Delegation.objects.values_list("contact_email", flat=True))
    return [message for message in mail.outbox if not set(message.to) & staff]


def staff_mail():
    from django.core import mail

    registrants = {id(message) for message in registrant_mail()}
    return [message for message in mail.outbox if id(message) not in registrants]
