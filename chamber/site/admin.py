"""The admin speaks of the chamber, in the staff member's language; a staff member's page
says in which language they receive the site's e-mails."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from chamber.toolkit.models import StaffProfile

User = get_user_model()

admin.site.site_header = format_lazy(_("{site} administration"), site=settings.SITE_NAME)
admin.site.site_title = format_lazy(_("{site} administration"), site=settings.SITE_NAME)
admin.site.index_title = _("Content, members and delegations")


class StaffProfileInline(admin.StackedInline):
    """The language of the e-mails a staff member receives."""

    model = StaffProfile
    can_delete = False
    extra = 1
    max_num = 1


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, StaffProfileInline]
