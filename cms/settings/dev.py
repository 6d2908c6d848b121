from cms.settings.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-twinning"  # throwaway, dev only
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The configured service if any, else the dummy translator (it reverses the words).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or {  # noqa: F405
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
