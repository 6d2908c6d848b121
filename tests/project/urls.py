from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from twinning.public.sitemaps import sitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v2/", include("twinning.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("twinning.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
