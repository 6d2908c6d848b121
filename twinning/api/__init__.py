"""The partner API: Wagtail's API v2 pages endpoint, extended for partner cities.

Partner cities read the site's content from their own sites: pages in their language, a
GeoJSON map layer, an Atom feed of stories, an iCalendar of the partnership, and the
OpenAPI document that describes all of it. The project mounts the router from
``twinning.api.router``; nothing here imports the project.
"""
