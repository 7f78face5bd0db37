"""Helpers for tests of registrations: a company's details, the e-mails sent."""

from django.core import mail

from events.models import Delegation


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


def registrant_mail():
    """The messages sent to registrants (leaving out the staff notifications, which go to
    the delegations' contact addresses)."""
    staff = set(Delegation.objects.values_list("contact_email", flat=True))
    return [message for message in mail.outbox if not set(message.to) & staff]


def staff_mail():
    registrants = {id(message) for message in registrant_mail()}
    return [message for message in mail.outbox if id(message) not in registrants]
