"""The partner exchange in the admin; each module registers its own views and hooks."""

from twinning.partners.admin import accounts, contributions, deliveries, widget  # noqa: F401
