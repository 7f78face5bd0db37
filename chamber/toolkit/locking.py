"""Row locks for changes that must be made by one transaction at a time."""

from django.db import connections, router
from django.db.models import F
from django.db.transaction import TransactionManagementError


def lock_row(queryset, pk):
    """The row ``pk`` of ``queryset``, locked until the end of the current transaction.

    PostgreSQL locks the row (SELECT ... FOR UPDATE OF the model's own table, so that
    rows joined by ``select_related`` stay free): other transactions that lock it wait
    for our commit, then read what we wrote. SQLite has no row locks, so we take its
    database-wide write lock first with an update that changes nothing: a second writer
    waits for our commit.

    A lock taken outside a transaction would be released at once and protect nothing,
    so this refuses to run there.
    """
    alias = router.db_for_write(queryset.model)
    connection = connections[alias]
    if not connection.in_atomic_block:
        raise TransactionManagementError(
            f"Locking a {queryset.model.__name__} must happen inside transaction.atomic()."
        )
    queryset = queryset.using(alias)
    if connection.features.has_select_for_update:
        of = ("self",) if connection.features.has_select_for_update_of else ()
        return queryset.select_for_update(of=of).get(pk=pk)
    key = queryset.model._meta.pk.attname
    queryset.filter(pk=pk).update(**{key: F(key)})
    return queryset.get(pk=pk)
