from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwinningPartnersConfig(AppConfig):
    """Partner exchange: accounts, signed webhooks, translations sent back, the widget."""

    name = "twinning.partners"
    label = "twinning_partners"
    verbose_name = _("Twinning partner exchange")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from twinning.partners import signal_handlers

        signal_handlers.connect()
