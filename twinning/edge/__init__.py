"""An edge cache (Varnish with xkey) in front of the site: tags on responses, purges on
change. Opt-in: add ``twinning.edge`` to INSTALLED_APPS and
``twinning.edge.middleware.EdgeCacheMiddleware`` to MIDDLEWARE after
``APICacheMiddleware``; set ``TWINNING["EDGE_PURGE_URLS"]``."""
