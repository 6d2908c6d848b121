"""An empty URLconf, set on requests the API answers with a 404 (see errors.py).

Django's LocaleMiddleware "helps" a 404 outside ``i18n_patterns`` by redirecting to the
same path under a language prefix when that path resolves, and under Wagtail's catch-all
page route every path does: a partner asking for a missing page would be sent to
``/fr/api/v2/…`` (an HTML page) instead of reading a JSON 404. The middleware consults
``request.urlconf``; pointing it here tells it that API paths have no language.
"""

urlpatterns: list = []
