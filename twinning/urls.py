"""The plugin's public URLs that are not pages; the project mounts them in i18n_patterns."""

from django.urls import path

from twinning.public.search import search

app_name = "twinning"

urlpatterns = [
    path("search/", search, name="search"),
]
