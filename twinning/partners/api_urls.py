"""The partner exchange's API endpoints, mounted on the partner API's router by
twinning.api.urls when this app is installed. None of them is cached: each answers one
partner, authenticated by its token (``Authorization: Bearer <token>``)."""

from twinning.partners.accounts_api import partner_account
from twinning.partners.translation_exchange import snippet_translation_po, translation_po
from twinning.partners.webhook_log import webhook_log


def register_partner_endpoints(router) -> None:
    router.register_view("partner/", partner_account, "partner-account", cached=False)
    router.register_view("partner/webhooks/", webhook_log, "partner-webhooks", cached=False)
    router.register_view(
        "partner/translations/<int:page_id>/<str:locale>.po",
        translation_po,
        "partner-translation-po",
        cached=False,
    )
    router.register_view(
        "partner/translations/snippets/<str:model>/<int:object_id>/<str:locale>.po",
        snippet_translation_po,
        "partner-snippet-translation-po",
        cached=False,
    )
