from django.apps import AppConfig


class TestPagesConfig(AppConfig):
    """The test project's own page type: a language tree's home, as the README asks of hosts."""

    name = "tests.project.pages"
    label = "test_pages"
    default_auto_field = "django.db.models.BigAutoField"
