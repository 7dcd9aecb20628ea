import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgehub.settings")
application = get_wsgi_application()

# Load every view, template tag and translation now, then take everything loaded so far out of the
# garbage collector's reach (gc.freeze): these objects live as long as the process, and each full
# collection walked all ~230,000 of them, a 100+ ms pause in one request in every few hundred (the
# recommendations page's p99). Under `gunicorn --preload` the frozen objects also stay shared
# between workers instead of being copied when the collector touches them.
import_module(settings.ROOT_URLCONF)
gc.freeze()
