"""Images in API responses: a small and a large rendition, absolute, with alt text.

The renditions of every image of a response are read in one query, with their images
(Wagtail's ``prefetched_renditions``); an image none of whose renditions exist yet is read
apart, and its renditions are created once, on first request.
"""

from collections.abc import Iterable

from django.http import HttpRequest

from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from twinning.absolute_urls import URLBuilder
from twinning.api.site_state import site_state
from twinning.blocks import BLOCK_RENDITIONS

#: The renditions every image comes in, by name. Never cropped: partners crop as they like.
RENDITIONS = {"small": "max-480x480", "large": "max-1600x1600"}


def load_images(request: HttpRequest, ids: Iterable[int]) -> dict:
    """Public images by id, with their renditions: one query (two the first time)."""
    ids = {pk for pk in ids if pk}
    if not ids:
        return {}
    private = site_state(request).private_collection_ids
    model = get_image_model()
    renditions = model.get_rendition_model().objects.filter(
        image_id__in=ids, filter_spec__in=[*RENDITIONS.values(), *BLOCK_RENDITIONS]
    )
    images: dict = {}
    found: set[int] = set()
    for rendition in renditions.select_related("image"):
        found.add(rendition.image_id)
        if rendition.image.collection_id in private:
            continue
        image = images.setdefault(rendition.image_id, rendition.image)
        if not hasattr(image, "prefetched_renditions"):
            image.prefetched_renditions = []
        rendition.image = image
        image.prefetched_renditions.append(rendition)
    missing = ids - found
    if missing:
        for image in model.objects.filter(pk__in=missing).exclude(collection_id__in=private):
            image.prefetched_renditions = []
            images[image.pk] = image
    return images


def image_representation(image, urls: URLBuilder, alt: str | None = None) -> dict | None:
    """An image as partners use it; ``alt`` overrides the image's own description."""
    if image is None:
        return None
    try:
        renditions = image.get_renditions(*RENDITIONS.values())
    except (SourceImageIOError, OSError):
        return None
    alt_text = image.default_alt_text if alt is None else alt
    data = {
        "id": image.pk,
        "title": image.title,
        "alt": alt_text,
        "width": image.width,
        "height": image.height,
    }
    for name, spec in RENDITIONS.items():
        rendition = renditions[spec]
        data[name] = {
            "url": urls.absolute(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt_text,
        }
    return data
