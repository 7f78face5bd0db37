"""The site's languages as configured (CHAMBER_LANGUAGES): tests of language-dependent
behaviour run for each of them."""

from django.conf import settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT = settings.LANGUAGE_CODE
# The Open Graph locale of each language the site can speak.
OG_LOCALE = {"fr": "fr_FR", "en": "en_GB", "ko": "ko_KR"}
# For each language, another one (the next in the site's order): where a language switch
# test goes.
OTHER = {code: LANGUAGES[(index + 1) % len(LANGUAGES)] for index, code in enumerate(LANGUAGES)}
