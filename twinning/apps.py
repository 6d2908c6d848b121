from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwinningConfig(AppConfig):
    name = "twinning"
    verbose_name = _("Twinning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from twinning import checks, signal_handlers  # noqa: F401  (registers the checks)

        signal_handlers.connect()
