import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
application = get_wsgi_application()

# What every request uses (settings, models, URLconf, views, templates' modules) is loaded
# once, then moved out of the garbage collector's sight: its full collections then scan
# only what requests create, instead of the whole of Django and Wagtail at every one of
# them (they showed as a list's p99 at 4 to 5 times its p50).
import cms.urls  # noqa: E402, F401

gc.freeze()
