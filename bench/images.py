"""A handful of small generated pictures shared by every page, renditions made up front."""

import colorsys
import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

#: The filter specs the site's templates ask for; made before the load starts so no
#: request pays for generating a rendition.
RENDITION_FILTERS = ["fill-1200x500", "fill-1200x600", "fill-480x270", "width-320"]


def picture(index: int, size: tuple[int, int] = (1600, 1000)) -> bytes:
    hue = (index * 0.17) % 1.0
    top = tuple(int(c * 255) for c in colorsys.hsv_to_rgb(hue, 0.5, 0.9))
    image = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    width, height = size
    for band in range(0, height, 50):
        shade = tuple(int(c * (0.6 + 0.4 * band / height)) for c in top)
        draw.rectangle([0, band, width, band + 50], fill=shade)
    draw.ellipse([width // 3, height // 4, 2 * width // 3, 3 * height // 4], fill=(250, 250, 240))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def create_images(count: int = 6) -> list[int]:
    """Create ``count`` images with their renditions; returns their ids."""
    model = get_image_model()
    ids = []
    for index in range(count):
        image = model(title=f"Photo {index + 1}")
        image.file = ImageFile(io.BytesIO(picture(index)), name=f"bench-photo-{index + 1}.jpg")
        image.save()
        image.get_renditions(*RENDITION_FILTERS)
        ids.append(image.pk)
    return ids
