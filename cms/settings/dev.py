from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-twinning"  # throwaway, dev only
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
