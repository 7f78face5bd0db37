import os

from django.core.wsgi import get_wsgi_application

# Set, not defaulted: the benchmark starts it with the site's environment.
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.bench.reference.settings"
application = get_wsgi_application()
