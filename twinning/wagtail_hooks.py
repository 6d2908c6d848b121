"""The content app in Wagtail's admin: its snippets, and rich text's media handlers."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from twinning.admin.viewsets import ActorViewSet, CooperationThemeViewSet
from twinning.blocks import register_public_media_handlers

register_snippet(CooperationThemeViewSet)
register_snippet(ActorViewSet)


@hooks.register("register_rich_text_features", order=100)
def leave_private_media_out_of_rich_text(features):
    """After Wagtail's own handlers (order 0): rich text shows no image of a private
    collection and links no private document (its text stays)."""
    register_public_media_handlers(features)
