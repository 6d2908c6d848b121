from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwinningEdgeConfig(AppConfig):
    name = "twinning.edge"
    label = "twinning_edge"
    verbose_name = _("Twinning edge cache")

    def ready(self):
        from twinning.edge import checks, signal_handlers  # noqa: F401  (registers the checks)

        signal_handlers.connect()
