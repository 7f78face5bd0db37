"""What a test needs of the database."""

import pytest
from django.db import connection

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "PostgreSQL only (full-text search, query plans): run the suite with "
        "DATABASE_URL=postgres://postgres@127.0.0.1:5432/chamber, as .ci/run does"
    ),
)
