"""Images in API responses: a small and a large rendition, and a srcset-ready set.

The small and large renditions of every image of a response are read in one query, with
their images (Wagtail's ``prefetched_renditions``); an image none of whose renditions exist
yet is read apart, and its renditions are created once, on first request.

The srcset-ready set (``renditions`` and ``srcset``: the widths of
``TWINNING["API_IMAGE_WIDTHS"]`` in WebP and in the original's format) costs nothing to
announce: each URL is a signed address of ``rendition_view`` (Wagtail's dynamic image
serve scheme, ``generate_signature``), and each size is computed as Wagtail's ``width-``
operation computes it. The rendition is made on the first request of its URL, kept as a
Wagtail Rendition, and every later request is redirected to the same file.
"""

import re
import weakref
from collections.abc import Iterable
from urllib.parse import quote

from django.http import HttpRequest, HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.images.utils import generate_signature, verify_signature

from twinning import conf
from twinning.absolute_urls import URLBuilder, absolute_url
from twinning.api.errors import NotFound, json_errors
from twinning.api.site_state import site_state
from twinning.blocks import BLOCK_RENDITIONS
from twinning.public.visibility import public_media

#: The renditions every image comes in, by name. Never cropped: partners crop as they like.
RENDITIONS = {"small": "max-480x480", "large": "max-1600x1600"}

#: Output format of the original-format renditions, by file extension (Wagtail checks on
#: upload that the extension matches the content). Formats not every browser reads become
#: PNG (lossless, transparency kept), HEIC a JPEG as Wagtail converts it.
_ORIGINAL_FORMATS = {
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "png": "png",
    "gif": "gif",
    "webp": "webp",
    "heic": "jpeg",
    "heif": "jpeg",
}
_MIME_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp"}
#: The only filter specs the rendition view serves: those ``srcset_renditions`` signs.
_SPEC = re.compile(r"width-([1-9][0-9]{0,4})\|format-(jpeg|png|gif|webp)")
#: Characters ``reverse`` leaves unquoted (``|`` of a filter spec is quoted).
_SAFE = RFC3986_SUBDELIMS + "/~:@"
_PLACEHOLDER_ID = 987654321
_PLACEHOLDER_REST = "twinning-placeholder"
#: The shape of the rendition URLs of each response, reversed once.
_url_shapes: "weakref.WeakKeyDictionary[URLBuilder, tuple[str, str] | None]" = (
    weakref.WeakKeyDictionary()
)


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
        if public_media(rendition.image, private_ids=private) is None:
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
    data["renditions"] = srcset_renditions(image, urls)
    data["srcset"] = srcset(data["renditions"])
    return data


def image_widths() -> list[int]:
    """``TWINNING["API_IMAGE_WIDTHS"]``, ascending; what is not a width is left out (the
    system check twinning.E042 names it)."""
    widths = conf.get("API_IMAGE_WIDTHS")
    if not isinstance(widths, list | tuple):
        widths = conf.DEFAULTS["API_IMAGE_WIDTHS"]
    return sorted({w for w in widths if isinstance(w, int) and not isinstance(w, bool) and w > 0})


def scaled_size(width: int, height: int, target: int) -> tuple[int, int]:
    """The size ``width-<target>`` gives an image of ``width`` x ``height``: Wagtail's
    WidthHeightOperation, which never enlarges."""
    if width <= target:
        return width, height
    return target, max(1, int(height * (target / width)))


def rendition_formats(image) -> list[str]:
    """WebP, then the original's format (when it is not WebP): none for SVG images."""
    extension = image.file.name.rpartition(".")[2].lower()
    if extension == "svg":
        return []  # drawn at any size: ``url`` of the original file serves every width
    original = _ORIGINAL_FORMATS.get(extension, "png")
    return ["webp"] if original == "webp" else ["webp", original]


def srcset_renditions(image, urls: URLBuilder) -> list[dict]:
    """Every width of ``TWINNING["API_IMAGE_WIDTHS"]`` not wider than the image (its own
    width when narrower than them all), in each format: announced, not generated."""
    shape = _url_shape(urls)
    if shape is None or not image.width or not image.height:
        return []
    before, after = shape
    widths = [w for w in image_widths() if w <= image.width] or [image.width]
    items = []
    for output_format in rendition_formats(image):
        for target in widths:
            spec = f"width-{target}|format-{output_format}"
            signature = generate_signature(image.pk, spec)
            width, height = scaled_size(image.width, image.height, target)
            items.append(
                {
                    "url": f"{before}{signature}/{image.pk}/{quote(spec, safe=_SAFE)}{after}",
                    "width": width,
                    "height": height,
                    "mime_type": _MIME_TYPES[output_format],
                }
            )
    return items


def srcset(renditions: list[dict]) -> dict[str, str]:
    """The ``srcset`` attribute of each format: ``"<url> 320w, <url> 640w"``."""
    sets: dict[str, list[str]] = {}
    for item in renditions:
        sets.setdefault(item["mime_type"], []).append(f"{item['url']} {item['width']}w")
    return {mime_type: ", ".join(candidates) for mime_type, candidates in sets.items()}


def _url_shape(urls: URLBuilder) -> tuple[str, str] | None:
    """The absolute rendition URL around ``<signature>/<id>/<spec>``, once per response."""
    if urls not in _url_shapes:
        shape = None
        namespace = getattr(urls.router, "url_namespace", None)
        if namespace:
            middle = f"{_PLACEHOLDER_REST}/{_PLACEHOLDER_ID}/{_PLACEHOLDER_REST}"
            try:
                path = reverse(
                    f"{namespace}:image-rendition",
                    args=(_PLACEHOLDER_REST, _PLACEHOLDER_ID, _PLACEHOLDER_REST),
                )
            except NoReverseMatch:
                path = ""
            parts = path.split(middle)
            if len(parts) == 2:
                shape = (urls.api_base + parts[0], parts[1])
        _url_shapes[urls] = shape
    return _url_shapes[urls]


def public_images(request: HttpRequest):
    """Images readers may see: outside the private collections."""
    private = site_state(request).private_collection_ids
    return get_image_model().objects.exclude(collection_id__in=private)


@require_safe
@json_errors
def rendition_view(request: HttpRequest, signature: str, image_id: int, filter_spec: str):
    """A rendition of ``srcset_renditions``: made on first request, then a redirect to it.

    Wagtail's ServeView with ``action="redirect"`` (the same signature, the same stored
    Rendition), for public images and the API's own filter specs only, with JSON errors.
    """
    missing = NotFound(_("This image rendition does not exist or is not public."))
    if not _SPEC.fullmatch(filter_spec) or not verify_signature(
        signature.encode(), image_id, filter_spec
    ):
        raise missing
    image = public_images(request).filter(pk=image_id).first()
    if image is None:
        raise missing
    try:
        rendition = image.get_rendition(filter_spec)
    except (SourceImageIOError, OSError) as exc:
        raise missing from exc
    response = HttpResponseRedirect(absolute_url(request, rendition.url))
    patch_cache_control(response, public=True, max_age=conf.get("API_CACHE_MAX_AGE"))
    return response
