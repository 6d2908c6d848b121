"""Images and documents on public pages: only those outside private collections.

``{% public_image page.hero_image as hero %}{% if hero %}…{% image hero … %}{% endif %}``
gives the image when anonymous readers may see it, else None, so the template shows no
image and its layout stays whole. The private collections are read once per request
(or taken from the caller, see ``twinning.blocks.PRIVATE_COLLECTIONS_CONTEXT``): a page
full of cards costs one query for them, not one per image.
"""

from django import template

from wagtail.blocks import BoundBlock

from twinning.blocks import PRIVATE_COLLECTIONS_CONTEXT
from twinning.public.visibility import public_media

register = template.Library()


def _private_ids(context) -> frozenset[int] | None:
    return context.get(PRIVATE_COLLECTIONS_CONTEXT)


@register.simple_tag(takes_context=True)
def public_image(context, image):
    """``image`` when anonymous readers may see it, else None."""
    return public_media(image, context.get("request"), _private_ids(context))


@register.simple_tag(takes_context=True)
def public_document(context, document):
    """``document`` when anonymous readers may see it, else None."""
    return public_media(document, context.get("request"), _private_ids(context))


@register.simple_tag(takes_context=True)
def with_public_media(context, items, name: str) -> list:
    """The ``items`` (block values: gallery images, document links) whose ``name`` (their
    image or document) anonymous readers may see; a stream's children give their value."""
    request, private_ids = context.get("request"), _private_ids(context)
    values = [item.value if isinstance(item, BoundBlock) else item for item in items or []]
    return [value for value in values if public_media(value.get(name), request, private_ids)]
