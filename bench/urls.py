"""The site's URLs plus stock Wagtail's pages endpoint under a bench-only prefix.

The stock endpoint is the yardstick: the same query, the same fields and the same data
served by Wagtail's own ``PagesAPIViewSet``.
"""

from django.urls import path

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as site_urlpatterns

STOCK_PREFIX = "bench-stock/api/v2/"

stock_router = WagtailAPIRouter("bench_stock_api")
stock_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path(STOCK_PREFIX, stock_router.urls), *site_urlpatterns]
