"""The admin speaks of the chamber, in the staff member's language."""

from django.conf import settings
from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

admin.site.site_header = format_lazy(_("{site} administration"), site=settings.SITE_NAME)
admin.site.site_title = format_lazy(_("{site} administration"), site=settings.SITE_NAME)
admin.site.index_title = _("Content, members and delegations")
