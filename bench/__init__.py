"""A reproducible benchmark of the site's content API and pages (``make bench``).

Nothing here is imported by the site: it builds its own database, runs the site under
gunicorn with its own settings and drives load on loopback only.
"""
