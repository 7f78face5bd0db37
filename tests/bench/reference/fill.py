"""Create the reference's table in the benchmark database and fill it (10,000 rows)."""

import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.bench.reference.settings"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from tests.bench.reference.models import Row  # noqa: E402

ROWS = 10_000

if __name__ == "__main__":
    call_command("migrate", run_syncdb=True, verbosity=0)
    if not Row.objects.exists():
        now = timezone.now()
        Row.objects.bulk_create(
            Row(
                title=f"Row number {number}",
                summary="A short summary of the row, in a sentence or two. " * 3,
                created_at=now - datetime.timedelta(minutes=number),
            )
            for number in range(ROWS)
        )
