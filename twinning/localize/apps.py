from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwinningLocalizeConfig(AppConfig):
    """Translation workflow on top of wagtail-localize (opt-in): coverage, review, drafts,
    PO exchange, translators' groups, machine translators and the bulk segment refresh."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "twinning.localize"
    label = "twinning_localize"
    verbose_name = _("Twinning translation workflow")

    def ready(self):
        from twinning.localize import signal_handlers

        signal_handlers.connect()
