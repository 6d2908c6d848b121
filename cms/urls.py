from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import health
from cms.login_protection import ProtectedPasswordResetView
from twinning.public.sitemaps import sitemap

# Server errors: a 503 when the database is unavailable, JSON under /api/ (see cms/errors.py).
handler500 = "cms.errors.server_error"

urlpatterns = [
    # Outside the language prefix and never cached: for load balancers and orchestrators.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/password_reset/", ProtectedPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v2/", include("twinning.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images (renditions, and the originals the API's download_url gives), as a web server
    # serves them in production; never documents: they go through Wagtail's view, which
    # checks their collection's privacy.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=f"{settings.MEDIA_ROOT}/{folder}"
        )

urlpatterns += i18n_patterns(
    path("", include("twinning.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
