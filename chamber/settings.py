"""Settings for the chamber site, read from environment variables.

With no variable set, the site runs for development: DEBUG on, SQLite in the project
folder, e-mail printed to the console, local-memory cache. Production sets at least
``DJANGO_SECRET_KEY``, ``DJANGO_DEBUG=false``, ``DJANGO_ALLOWED_HOSTS`` and
``DJANGO_SITE_URL``.

Every setting is read here, once; the code uses ``settings.X``. The environment
variables follow one scheme: ``DJANGO_<SETTING>`` for how the site runs,
``CHAMBER_<...>`` for who the chamber is (its name and contact, shown on the pages), and
the usual ``DATABASE_URL``, ``REDIS_URL`` and ``EMAIL_URL`` for the services it uses.
"""

import os
import warnings
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from chamber.toolkit.observability import init_error_reporting, logging_config
from chamber.toolkit.storage import object_storage

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# Environment variables renamed to follow the scheme: the old name still works, with a
# warning (``manage.py check`` lists it) until the operator renames it.
RENAMED_ENVIRONMENT_VARIABLES = {
    "EVENTS_REGISTRATION_RATE": "DJANGO_REGISTRATION_RATE",
    "EVENTS_REGISTRATION_LINK_MAX_AGE": "DJANGO_REGISTRATION_LINK_MAX_AGE",
}
DEPRECATED_ENVIRONMENT_VARIABLES = sorted(
    old
    for old, new in RENAMED_ENVIRONMENT_VARIABLES.items()
    if old in os.environ and new not in os.environ
)
for _old in DEPRECATED_ENVIRONMENT_VARIABLES:
    os.environ[RENAMED_ENVIRONMENT_VARIABLES[_old]] = os.environ[_old]
    warnings.warn(
        f"{_old} is deprecated: name it {RENAMED_ENVIRONMENT_VARIABLES[_old]}.",
        DeprecationWarning,
        stacklevel=1,
    )

DEBUG = env.bool("DJANGO_DEBUG", default=True)

# A development key is only acceptable while DEBUG is on: production refuses to start
# without a real secret.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "easy_thumbnails",
    "django_prose_editor",
    "csp",
    # django-axes, with a name for its section of the admin.
    "chamber.toolkit.apps.LoginLockoutConfig",
    "reversion",
    # Background tasks (every e-mail): Django's task framework, its queue in the database.
    "django_tasks",
    "django_tasks_db",
    # The toolkit every app shares, the chamber's records (organisations, agreements),
    # the news, the events, then the site-wide layer that gathers them.
    "chamber.toolkit",
    "chamber",
    "news",
    "events",
    "chamber.newsletter",
    # The partners and sponsors, and the chamber's publications (studies, reports, guides).
    "chamber.partners",
    "chamber.publications",
    "chamber.pages",
    "chamber.site",
]

MIDDLEWARE = [
    # /healthz and /readyz before the host check and the HTTPS redirect; TRACE refused.
    "chamber.toolkit.observability.HealthCheckMiddleware",
    # A request id and the visitor's address on every log line.
    "chamber.toolkit.observability.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # ETag on every page, and 304 Not Modified when the browser already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    # Pages from the cache skip every middleware below; pages are stored with the
    # headers those added (CSP, Vary, Content-Language, X-Frame-Options).
    "chamber.toolkit.middleware.PublicPageCacheMiddleware",
    # WhiteNoise, without the public manifest of static files.
    "chamber.toolkit.middleware.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "chamber.toolkit.middleware.RejectNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "chamber.toolkit.middleware.AdminImportMapCSPMiddleware",
    # Last, as django-axes requires: it answers requests that a lockout refused.
    "axes.middleware.AxesMiddleware",
]

# Staff logins: after five failed attempts for one username from one address, that pair
# is locked out for an hour (django-axes, which records attempts in the database, so
# every app server sees them).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("DJANGO_LOGIN_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "chamber.urls"
WSGI_APPLICATION = "chamber.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chamber.toolkit.context_processors.site",
            ],
            # Dates, amounts and punctuation per language in every template and e-mail.
            "builtins": ["chamber.toolkit.templatetags.locale_formats"],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise
# (postgres://user:password@host:port/name selects PostgreSQL through psycopg 3).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Each worker keeps its database connection for DJANGO_CONN_MAX_AGE seconds (60 in
# production, where opening one per request halves the pages a worker serves; 0, a new
# one per request, in development), checked before reuse after a database restart.
DATABASES["default"].setdefault(
    "CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=0 if DEBUG else 60)
)
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Transactions take SQLite's write lock when they begin, and a second writer waits
    # for it (up to 20 s) instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Public pages are kept in the cache for anonymous visitors at most this many seconds
# (less when content is scheduled to change sooner), and browsers and CDNs may keep them
# PAGE_MAX_AGE seconds (see chamber.toolkit.middleware.PublicPageCacheMiddleware).
PAGE_CACHE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=300)
PAGE_MAX_AGE = env.int("DJANGO_PAGE_MAX_AGE", default=60)

# Cache: Redis when REDIS_URL is set (shared by every app server), else local memory.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "chamber.toolkit.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chamber",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation; URLs carry the language. The site can speak every language of
# SUPPORTED_LANGUAGES (the database holds a column for each translated text in each);
# CHAMBER_LANGUAGES chooses those this chamber publishes in. French is the default.
LANGUAGE_CODE = "fr"
SUPPORTED_LANGUAGES = [("fr", _("French")), ("en", _("English")), ("ko", _("Korean"))]
CHAMBER_LANGUAGES = env.list("CHAMBER_LANGUAGES", default=["fr", "en", "ko"])
_unknown = set(CHAMBER_LANGUAGES) - {code for code, _name in SUPPORTED_LANGUAGES}
if _unknown or LANGUAGE_CODE not in CHAMBER_LANGUAGES:
    raise ImproperlyConfigured(
        f"CHAMBER_LANGUAGES must list {LANGUAGE_CODE} and languages among "
        f"{', '.join(code for code, _name in SUPPORTED_LANGUAGES)}."
    )
LANGUAGES = [(code, name) for code, name in SUPPORTED_LANGUAGES if code in CHAMBER_LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "chamber" / "locale"]
USE_I18N = True
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="Asia/Seoul")
USE_TZ = True
# Django's date and number formats per language (British English, French spacing).
FORMAT_MODULE_PATH = ["chamber.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in SUPPORTED_LANGUAGES)
# An optional text missing in one language (a caption, an image description) is shown in
# another, marked with its own lang attribute; Korean readers get English first.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr", "en"), "fr": ("en",), "ko": ("en", "fr")}
# The admin's language tabs use jQuery UI, served from our own static files (never a CDN:
# the Content Security Policy allows scripts from this site only).
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads (chamber.toolkit.storage): public media (images, logos, their thumbnails) and
# private files, whose links are signed and expire after PRIVATE_URL_MAX_AGE seconds.
# By default on this server's disk: public media in MEDIA_ROOT (served by nginx, by
# Django with DEBUG), private files in PRIVATE_MEDIA_ROOT, a folder outside it that no
# web server serves. With DJANGO_STORAGE_URL, in two buckets of an S3-compatible object
# storage (AWS S3, Cloudflare R2, MinIO, Scaleway ...), shared by every app server.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(
    env.str("DJANGO_PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media"))
)
if PRIVATE_MEDIA_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured(
        "DJANGO_PRIVATE_MEDIA_ROOT must be outside DJANGO_MEDIA_ROOT, which is public."
    )
PRIVATE_URL_MAX_AGE = env.int("DJANGO_PRIVATE_URL_MAX_AGE", default=300)
STORAGE_URL = env.str("DJANGO_STORAGE_URL", default="")
if STORAGE_URL:
    _object_storage = object_storage(STORAGE_URL, private_max_age=PRIVATE_URL_MAX_AGE)
    MEDIA_STORAGES = _object_storage.storages
    MEDIA_IMAGE_ORIGINS = [_object_storage.image_origin]
else:
    MEDIA_STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "chamber.toolkit.storage.PrivateFileSystemStorage"},
    }
    MEDIA_IMAGE_ORIGINS = []
# easy-thumbnails saves thumbnails in STORAGES["easy_thumbnails"] when there is one (its
# THUMBNAIL_DEFAULT_STORAGE_ALIAS), else in default_storage: there is none, so
# thumbnails go where the images are.
STORAGES = {
    **MEDIA_STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploads: images are checked by chamber.toolkit.validators against these limits.
IMAGE_MAX_UPLOAD_BYTES = env.int("DJANGO_IMAGE_MAX_UPLOAD_BYTES", default=5 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("DJANGO_IMAGE_MAX_PIXELS", default=40_000_000)
# Publications' PDF files: checked by their content, refused above this size (within
# nginx's client_max_body_size of 12m: raise both together).
PUBLICATION_MAX_UPLOAD_BYTES = env.int(
    "DJANGO_PUBLICATION_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024
)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

THUMBNAIL_ALIASES = {
    "": {
        "card": {"size": (640, 360), "crop": "smart"},
        # The picture at the head of a page and in its share tags: always 1200×630, a
        # smaller upload enlarged (share previews ask for at least that size).
        "hero": {"size": (1200, 630), "crop": "smart", "upscale": True},
        "admin": {"size": (160, 90), "crop": "smart"},
        "logo": {"size": (240, 120), "crop": False},
        # A partner's logo, and twice as sharp for screens of two pixels per point.
        "partner": {"size": (200, 100), "crop": False},
        "partner_2x": {"size": (400, 200), "crop": False},
        # The other widths of pages' pictures (chamber.toolkit.renditions): a card's and a
        # hero's, in the same proportions; a logo twice as sharp, and a member card's.
        "card_320": {"size": (320, 180), "crop": "smart"},
        "card_960": {"size": (960, 540), "crop": "smart"},
        "hero_480": {"size": (480, 252), "crop": "smart"},
        "hero_800": {"size": (800, 420), "crop": "smart"},
        "hero_1600": {"size": (1600, 840), "crop": "smart"},
        "logo_2x": {"size": (480, 240), "crop": False},
        "logo_card": {"size": (120, 60), "crop": False},
        # The three shapes search engines ask of an article's or an event's picture, at
        # least 1200 pixels wide even from a smaller upload (chamber.toolkit.rich_images).
        "rich_16x9": {"size": (1200, 675), "crop": "smart", "upscale": True},
        "rich_4x3": {"size": (1200, 900), "crop": "smart", "upscale": True},
        "rich_1x1": {"size": (1200, 1200), "crop": "smart", "upscale": True},
        # An organisation's share picture: its logo whole, never enlarged (made smaller
        # if it is larger), in the middle of a white 1200×630 ground.
        "share_logo": {"size": (1200, 630), "crop": False, "background": "#ffffff"},
    }
}
THUMBNAIL_BASEDIR = "thumbs"
# Each thumbnail's width and height are recorded when it is made: a page describing a
# picture never opens the file (pictures' descriptions are cached too).
THUMBNAIL_CACHE_DIMENSIONS = True

# E-mail: printed to the console unless EMAIL_URL says otherwise
# (smtp://user:password@host:587/?tls=True, consolemail://, ...).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_HOST = EMAIL_CONFIG.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = EMAIL_CONFIG.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = EMAIL_CONFIG.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = EMAIL_CONFIG.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(EMAIL_CONFIG.get("EMAIL_USE_TLS", False))
EMAIL_USE_SSL = bool(EMAIL_CONFIG.get("EMAIL_USE_SSL", False))
EMAIL_FILE_PATH = EMAIL_CONFIG.get("EMAIL_FILE_PATH")
# A mail server that does not answer fails the attempt after this many seconds (the
# worker then tries again later) instead of holding the worker.
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env.str("DJANGO_SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Every e-mail goes through the outbox (chamber.toolkit.mail): queued with the change it
# tells of, sent by the task worker (manage.py db_worker), which reads the task queue in
# the database. A failed attempt is tried again after each delay in turn (seconds: 1 min,
# 5 min, 30 min, 2 h, 6 h, then 6 h again); after MAIL_MAX_ATTEMPTS attempts the e-mail is
# marked failed, for staff to send again from the admin. Sent e-mails (personal data) are
# deleted after MAIL_RETENTION_DAYS (manage.py delete_old_emails).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAIL_MAX_ATTEMPTS = env.int("DJANGO_MAIL_MAX_ATTEMPTS", default=6)
MAIL_RETRY_DELAYS = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600]
MAIL_RETENTION_DAYS = env.int("DJANGO_MAIL_RETENTION_DAYS", default=30)
if MAIL_MAX_ATTEMPTS < 1 or MAIL_RETENTION_DAYS < 1:
    raise ImproperlyConfigured(
        "DJANGO_MAIL_MAX_ATTEMPTS and DJANGO_MAIL_RETENTION_DAYS must be 1 or more."
    )

# The chamber's identity, shown in the header, footer and meta tags. Its full name is
# translated; CHAMBER_FULL_NAME_FR, CHAMBER_FULL_NAME_EN ... give another chamber's.
SITE_NAME = env.str("CHAMBER_SITE_NAME", default="FKCCI")
SITE_FULL_NAMES = {
    code: env.str(f"CHAMBER_FULL_NAME_{code.upper()}", default="") for code, _name in LANGUAGES
}


def _full_name() -> str:
    return SITE_FULL_NAMES.get(get_language() or LANGUAGE_CODE) or gettext(
        "French-Korean Chamber of Commerce and Industry"
    )


SITE_FULL_NAME = lazy(_full_name, str)()
CHAMBER_CONTACT_EMAIL = env.str("CHAMBER_CONTACT_EMAIL", default="contact@example.org")
CHAMBER_CONTACT_PHONE = env.str("CHAMBER_CONTACT_PHONE", default="+82 2 0000 0000")
# The chamber's own pages elsewhere (LinkedIn, Facebook ...), comma-separated: the
# ``sameAs`` of its schema.org description.
CHAMBER_SAME_AS = env.list("CHAMBER_SAME_AS", default=[])
# The chamber as the controller of the personal data it collects, for the privacy notice:
# its legal name and postal address; the address that answers questions and requests
# about personal data (the contact address when empty); the person in charge of personal
# data, whom Korean law asks the notice to name (optional, e.g. "Jean Dupont, Secretary
# General"); the chamber's representative in the European Union, name and address
# (optional; GDPR art. 27).
CHAMBER_LEGAL_NAME = env.str(
    "CHAMBER_LEGAL_NAME", default="Chambre de commerce et d'industrie franco-coréenne"
)
CHAMBER_POSTAL_ADDRESS = env.str(
    "CHAMBER_POSTAL_ADDRESS", default="00 Sejong-daero, Jung-gu, Seoul 04500, Republic of Korea"
)
CHAMBER_PRIVACY_EMAIL = env.str("CHAMBER_PRIVACY_EMAIL", default="") or CHAMBER_CONTACT_EMAIL
CHAMBER_PRIVACY_OFFICER = env.str("CHAMBER_PRIVACY_OFFICER", default="")
CHAMBER_EU_REPRESENTATIVE = env.str("CHAMBER_EU_REPRESENTATIVE", default="")
# Absolute URLs (share links, feeds, e-mails) use the request's host; outside a request
# (e-mails sent on commit, management commands) they use this base.
SITE_URL = env.str("DJANGO_SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "")
if not SITE_URL:
    raise ImproperlyConfigured(
        "DJANGO_SITE_URL must be set when DJANGO_DEBUG is off (e.g. https://chamber.example.org)."
    )

# Content Security Policy: nothing but our own origin may run or load.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # Uploaded images and their thumbnails may come from the object storage.
        "img-src": ["'self'", "data:", *MEDIA_IMAGE_ORIGINS],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The visitor's address (chamber.toolkit.clients), for the registration rate limit, the
# login lockout and the logs: how many proxies stand in front of the app and append to
# X-Forwarded-For (nginx alone: 1). 0 reads the connection's address. The former
# DJANGO_RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR means one proxy.
TRUSTED_PROXIES = env.int(
    "DJANGO_TRUSTED_PROXIES",
    default=1 if env.str("DJANGO_RATELIMIT_IP_META_KEY", default="") else 0,
)
AXES_CLIENT_IP_CALLABLE = "chamber.toolkit.clients.client_address"

# Delegation registration: how many POSTs one address may send (django-ratelimit rate),
# and how long a registrant's private link stays valid, in seconds (six months: long
# enough to reach the fair).
REGISTRATION_RATE = env.str("DJANGO_REGISTRATION_RATE", default="10/h")
# Membership applications accepted from one address (the "become a member" form).
MEMBERSHIP_APPLICATION_RATE = env.str("DJANGO_MEMBERSHIP_APPLICATION_RATE", default="5/h")
# The newsletter: subscription POSTs allowed per address, how long the link confirming a
# subscription works (seconds), and how many subscribers one task of a send writes to.
NEWSLETTER_SUBSCRIBE_RATE = env.str("DJANGO_NEWSLETTER_SUBSCRIBE_RATE", default="10/h")
NEWSLETTER_CONFIRMATION_MAX_AGE = env.int(
    "DJANGO_NEWSLETTER_CONFIRMATION_MAX_AGE", default=7 * 24 * 3600
)
NEWSLETTER_BATCH_SIZE = env.int("DJANGO_NEWSLETTER_BATCH_SIZE", default=200)
# The address of the List-Unsubscribe header (a request to it is handled by staff);
# DEFAULT_FROM_EMAIL when empty.
NEWSLETTER_UNSUBSCRIBE_EMAIL = env.str("DJANGO_NEWSLETTER_UNSUBSCRIBE_EMAIL", default="")
REGISTRATION_LINK_MAX_AGE = env.int("DJANGO_REGISTRATION_LINK_MAX_AGE", default=180 * 24 * 3600)
# The largest file (a PDF) a registrant may send as an answer to an organiser's question,
# in bytes (nginx's client_max_body_size is 12m: raise both).
ANSWER_FILE_MAX_BYTES = env.int("DJANGO_ANSWER_FILE_MAX_BYTES", default=10 * 1024 * 1024)

# Security headers; the HTTPS ones apply once DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Logs: one line per event, with the request's id and the visitor's address; JSON lines
# with DJANGO_LOG_FORMAT=json (chamber.toolkit.observability).
LOG_FORMAT = env.str("DJANGO_LOG_FORMAT", default="text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT must be text or json.")
LOGGING = logging_config(log_format=LOG_FORMAT, level=env.str("DJANGO_LOG_LEVEL", default="INFO"))

# Unhandled errors go to Sentry (or a service speaking its protocol) when SENTRY_DSN is
# set; no personal data is sent.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
init_error_reporting(
    SENTRY_DSN,
    environment=env.str("SENTRY_ENVIRONMENT", default="development" if DEBUG else "production"),
    release=env.str("SENTRY_RELEASE", default=""),
    traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
)
