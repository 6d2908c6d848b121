from wagtail.models import Page

from twinning.public.routing import TreeRoutingMixin


class HomePage(TreeRoutingMixin, Page):
    """A host's home page of a language tree, with the routing mixin the README asks for."""
