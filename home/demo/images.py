"""Illustrations generated for the demo: abstract patterns, labelled as such, reproducible.

No photograph is invented: each picture is a pattern drawn from the city's name, with the
name written on it, so the API and image renditions have something to show.
"""

import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFont

COLLECTION_NAME = "Démo"
SIZE = (1600, 900)

# Warm Provençal tones and cooler partner tones.
PALETTES = (
    ("#f4e9d8", "#d98c3f", "#8c3b2b", "#3d5a6c"),
    ("#eef2e6", "#7a9a4b", "#35523a", "#c5a14a"),
    ("#e8eef5", "#3f6fa3", "#1f3550", "#e0a458"),
    ("#f6e6e8", "#b5475c", "#5b2333", "#7fa7a1"),
    ("#f2efe2", "#c1733c", "#4f6d7a", "#e3c567"),
)


def illustration_title(city_title: str) -> str:
    return f"Illustration — {city_title} (démo)"


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (OSError, TypeError):  # Pillow built without FreeType
        return ImageFont.load_default()


def render_illustration(name: str) -> bytes:
    """A PNG drawn from ``name`` alone: the same name always gives the same picture."""
    rng = random.Random(hashlib.sha256(name.encode()).digest())
    background, *colours = rng.choice(PALETTES)
    width, height = SIZE
    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(80, 420)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            outline=rng.choice(colours),
            width=rng.randrange(6, 28),
        )
    for index in range(5):
        offset = rng.randrange(-width // 2, width)
        draw.line(
            (offset, 0, offset + height, height), fill=colours[index % len(colours)], width=18
        )
    band_top = height - 230
    draw.rectangle((0, band_top, width, height), fill=colours[1])
    draw.text((64, band_top + 40), name, fill=background, font=_font(96))
    draw.text((68, band_top + 160), "Illustration (démo)", fill=background, font=_font(40))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
