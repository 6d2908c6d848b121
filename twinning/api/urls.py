"""The partner API, ready to mount: ``path("api/v2/", include("twinning.api.urls"))``.

``api_router`` is the router itself, for a host that wants to register more endpoints
before mounting it (``path("api/v2/", api_router.urls)``).
"""

from django.apps import apps

from twinning.api.actors import actor_detail, actors_list
from twinning.api.changes import changes_feed
from twinning.api.docs import api_docs
from twinning.api.feeds import stories_feed
from twinning.api.geojson import partners_geojson
from twinning.api.ical import events_calendar, partner_calendar
from twinning.api.images import rendition_view
from twinning.api.openapi import openapi_json
from twinning.api.router import PartnerAPIRouter
from twinning.api.views import (
    PartnerPagesAPIViewSet,
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
)

api_router = PartnerAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PartnerPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_view("partners.geojson", partners_geojson, "partners-geojson")
api_router.register_view("feeds/stories.atom", stories_feed, "stories-feed")
api_router.register_view("partners/<str:pk>/calendar.ics", partner_calendar, "partner-calendar")
api_router.register_view("actors/", actors_list, "actors")
api_router.register_view("actors/<str:pk>/", actor_detail, "actor-detail")
api_router.register_view("events.ics", events_calendar, "events-calendar")
api_router.register_view("changes/", changes_feed, "changes")
api_router.register_view("openapi.json", openapi_json, "openapi")
api_router.register_view("docs/", api_docs, "docs")
api_router.register_view(
    "renditions/<str:signature>/<int:image_id>/<str:filter_spec>/",
    rendition_view,
    "image-rendition",
)
# The partner exchange's endpoints (its accounts, translations sent back, webhook log),
# where the host installed twinning.partners.
if apps.is_installed("twinning.partners"):
    from twinning.partners.api_urls import register_partner_endpoints

    register_partner_endpoints(api_router)

app_name = api_router.url_namespace
urlpatterns = api_router.get_urlpatterns()
