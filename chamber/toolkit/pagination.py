"""Pages of long lists (news, members, sitemaps) that cost the same on any page of a list
of any length."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from chamber.toolkit.cache import cached


class LongListPaginator(Paginator):
    """A paginator for lists of up to hundreds of thousands of rows.

    - The total, for which the database counts every row, is kept in the cache for the
      generation of the content, under ``count_key``.
    - A page is read from whichever end of the list is nearer (the list's order
      reversed for the second half, when it ends with the primary key and so has no
      ties), so that the database never skips more than half the list.
    - Past the first DIRECT_ROWS rows from that end, the page's ids are read first, a
      query that needs only the list's index, then the page's rows by id: skipping
      50,000 index entries costs little, skipping 50,000 rows a lot.
    """

    DIRECT_ROWS = 200

    def __init__(self, *args, count_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        return cached(f"count:{self.count_key}", lambda: Paginator.count.func(self))

    def page(self, number):
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        from_end = self.count - top
        if from_end < bottom and self._has_total_order(queryset):
            queryset, start, stop = queryset.reverse(), from_end, self.count - bottom
        else:
            start, stop = bottom, top
        if start < self.DIRECT_ROWS:
            rows = list(queryset[start:stop])
        else:
            ids = list(queryset.values_list("pk", flat=True)[start:stop])
            by_id = {row.pk: row for row in queryset.filter(pk__in=ids)}
            rows = [by_id[pk] for pk in ids if pk in by_id]
        if queryset is not self.object_list:
            rows.reverse()
        return self._get_page(rows, number, self)

    @staticmethod
    def _has_total_order(queryset) -> bool:
        ordering = queryset.query.order_by or queryset.model._meta.ordering
        last = str(ordering[-1]).lstrip("-") if ordering else ""
        return last in ("pk", "id", queryset.model._meta.pk.name)
