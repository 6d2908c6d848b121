"""Images in API responses: a small and a large rendition, absolute, with alt text.

Renditions are prefetched for every image of a response in one query; missing ones are
created once, on first request, and found by the prefetch from then on.
"""

from collections.abc import Iterable

from django.http import HttpRequest

from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from .absolute import URLBuilder
from .visibility import private_collection_ids

#: The renditions every image comes in, by name. Never cropped: partners crop as they like.
RENDITIONS = {"small": "max-480x480", "large": "max-1600x1600"}


def load_images(request: HttpRequest, ids: Iterable[int]) -> dict:
    """Public images by id, with their renditions prefetched (two queries, or none)."""
    ids = {pk for pk in ids if pk}
    if not ids:
        return {}
    private = private_collection_ids(request)
    images = (
        get_image_model()
        .objects.filter(pk__in=ids)
        .exclude(collection_id__in=private)
        .prefetch_renditions(*RENDITIONS.values())
    )
    return {image.pk: image for image in images}


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
