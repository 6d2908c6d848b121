"""What differs between the Wagtail releases the plugin supports (7.0 LTS and 8.0).

Each shim names the release that retires it: drop it with that release's support.
"""

from django.shortcuts import get_object_or_404

from wagtail.models import Page, Site


def page_permission_policy():
    """The permission policy of pages.

    Wagtail 8 looks it up in ``policy_registry`` (a host may register its own); Wagtail 7.0
    has the one ``page_permission_policy``. Retire with Wagtail 7.0 support.
    """
    try:
        from wagtail.permissions import policy_registry
    except ImportError:  # Wagtail 7.0
        from wagtail.permissions import page_permission_policy as policy

        return policy
    return policy_registry.get_by_type(Page)


def site_named_by_filter(request, value: str) -> Site | None:
    """The site a ``?site=hostname[:port]`` filter names, read as Wagtail's pages endpoint does.

    ``Http404`` for no such site, ``ValueError`` when the hostname names several. Wagtail 8
    has ``SiteFilterValidator`` for it; Wagtail 7.0 reads it inline in ``PagesAPIViewSet``.
    Retire with Wagtail 7.0 support.
    """
    try:
        from wagtail.api.validators import SiteFilterValidator
    except ImportError:  # Wagtail 7.0
        pass
    else:
        return SiteFilterValidator(site=value, request=request).site_obj
    if not value:
        return Site.find_for_request(request)
    hostname, _, port = value.partition(":")
    query = {"hostname": hostname, "port": port} if port else {"hostname": hostname}
    try:
        return get_object_or_404(Site, **query)
    except Site.MultipleObjectsReturned as exc:
        raise ValueError(
            "Your query returned multiple sites. Try adding a port number to your site filter."
        ) from exc


def base_page_model(page: Page | type[Page]) -> type[Page]:
    """The concrete model every page type inherits from, whose ``objects`` reads any page.

    Wagtail 8 lets a project swap it (``Page.base_page_model``); on Wagtail 7.0 it is
    always ``Page``. Retire with Wagtail 7.0 support.
    """
    return getattr(page, "base_page_model", Page)


class DeferredValidationFlagMixin:
    """Gives an admin form ``is_deferred_validation``: true while a draft is being saved.

    Wagtail 8's ``WagtailAdminModelForm`` sets the flag itself (this mixin then repeats
    it); Wagtail 7.0 defers the required fields without saying so. Retire with Wagtail 7.0
    support.
    """

    is_deferred_validation = False

    def defer_required_fields(self):
        super().defer_required_fields()
        self.is_deferred_validation = True

    def restore_required_fields(self):
        super().restore_required_fields()
        self.is_deferred_validation = False


def rich_text_field_serializer():
    """Wagtail 8's API serializer field for a ``RichTextField``; None on Wagtail 7.0, whose
    API serializes rich text as a plain string field. Retire with Wagtail 7.0 support."""
    from wagtail.api.v2 import serializers

    return getattr(serializers, "RichTextFieldSerializer", None)
