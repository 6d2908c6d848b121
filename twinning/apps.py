from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwinningConfig(AppConfig):
    name = "twinning"
    verbose_name = _("Twinning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals, synchronised_fields, translation_drafts, translation_sync  # noqa: F401
        from .api import invalidation

        invalidation.connect()
        # wagtail-localize re-extracts a source segment by segment: do it in bulk.
        translation_sync.install()
