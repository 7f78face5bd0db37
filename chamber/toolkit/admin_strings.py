"""Words of Django's admin and of django-axes that the chamber's catalogues translate.

Django reads the catalogues of LOCALE_PATHS (chamber/locale) before its own and its
apps', so an entry there replaces theirs:

- Django's French titles "Ajout de %s", "Modification de %s", "Affichage de %s" and its
  inlines' "Ajouter un objet %(verbose_name)s supplémentaire" read wrongly with our model
  names ("Ajout de accord", "Modification de organisation"); ours read "Ajouter : accord
  (protocole d'accord)", "Modifier : organisation", whatever the gender of the name;
- Django's Korean for a read-only page's title ("뷰 %s") and list ("보기위한 1%s 를(을)
  선택"), and for "users" ("사용자(들)"), are mended;
- the history of changes: Django's French "Ajout de %s" again, and its Korean, which
  glues words to the names ("“{object}개체”", "{fields}필드를", "a, b 또한 c");
- django-axes has no Korean, so its admin pages would fall back to French, the default
  language: its words are translated here.

``make messages`` (makemessages --no-obsolete) drops the entries that our code does not
use: marking these msgids here with gettext_noop keeps them. Nothing needs to import this
module.
"""

from django.utils.translation import gettext_noop

# Django's admin (django/contrib/admin and django/contrib/auth).
DJANGO_ADMIN = [
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("users"),
    # The history of changes (LogEntry.get_change_message)
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
    gettext_noop("Changed {fields}."),
    gettext_noop("and"),
]

# django-axes: its models, their fields and its admin pages.
AXES = [
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Access lock out"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Locked Out"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Not set"),
    gettext_noop("Clean up expired attempts"),
]
