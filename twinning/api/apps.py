from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwinningAPIConfig(AppConfig):
    """The partner API: endpoints, formats, HTTP caching and its invalidation."""

    name = "twinning.api"
    label = "twinning_api"
    verbose_name = _("Twinning partner API")

    def ready(self):
        from twinning.api import invalidation, signal_handlers

        signal_handlers.connect()  # the changes feed's log
        # Cached responses are retired when content changes, in every process
        # (management commands included), not only where the URLconf was imported.
        invalidation.connect()
