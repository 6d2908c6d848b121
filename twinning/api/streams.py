"""StreamField values for partners: structured blocks, and the same content as HTML.

Both are built from the stored (raw) data with references loaded in bulk (see
references.py), so a list of items costs no query per block. The HTML is built from the
structured blocks in Python, escaping every text as Django's templates do: the site's
block templates resolve pages and images one by one and link relative URLs, and a
template per item would be the largest cost of a list.
"""

from django.utils.html import escape

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from twinning.api.references import References


def _list_items(raw) -> list:
    """ListBlock items, in the current (``{"id", "value"}``) or the older plain format."""
    return [
        item["value"] if isinstance(item, dict) and "id" in item and "value" in item else item
        for item in raw or []
    ]


def _stream_children(raw) -> list[dict]:
    return [child for child in raw or [] if isinstance(child, dict) and "type" in child]


def collect(block: blocks.Block, raw, references: References) -> None:
    """Register every image, page, document and rich text link that ``raw`` mentions."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in _stream_children(raw):
            child_block = block.child_blocks.get(child["type"])
            if child_block is not None:
                collect(child_block, child.get("value"), references)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            collect(child_block, (raw or {}).get(name), references)
    elif isinstance(block, blocks.ListBlock):
        for item in _list_items(raw):
            collect(block.child_block, item, references)
    elif isinstance(block, ImageChooserBlock):
        references.add_images([raw])
    elif isinstance(block, blocks.PageChooserBlock):
        references.add_pages([raw])
    elif isinstance(block, DocumentChooserBlock):
        references.document_ids.add(raw)
    elif isinstance(block, blocks.RichTextBlock):
        references.add_rich_text(raw)


def structured(block: blocks.Block, raw, references: References, locale_id: int):
    """The JSON representation of a block value, references resolved."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child["type"],
                "id": child.get("id"),
                "value": structured(
                    block.child_blocks[child["type"]], child.get("value"), references, locale_id
                ),
            }
            for child in _stream_children(raw)
            if child["type"] in block.child_blocks
        ]
    if isinstance(block, blocks.StructBlock):
        raw = raw or {}
        return {
            name: structured(child_block, raw.get(name), references, locale_id)
            for name, child_block in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            structured(block.child_block, item, references, locale_id) for item in _list_items(raw)
        ]
    if isinstance(block, ImageChooserBlock):
        return references.image(raw)
    if isinstance(block, blocks.PageChooserBlock):
        return references.page_summary(raw, locale_id)
    if isinstance(block, DocumentChooserBlock):
        return references.document(raw)
    if isinstance(block, blocks.RichTextBlock):
        return references.rich_text(raw, locale_id)
    if isinstance(block, EmbedBlock):
        return {"url": raw} if raw else None
    return raw


def stream_representation(stream_value, references: References, locale_id: int) -> dict:
    """``{"html": ..., "blocks": [...]}`` for a StreamField value."""
    stream_block = stream_value.stream_block
    items, fragments = [], []
    for child in _stream_children(stream_value.raw_data):
        child_block = stream_block.child_blocks.get(child["type"])
        if child_block is None:
            continue
        raw = child.get("value")
        item = {
            "type": child["type"],
            "id": child.get("id"),
            "value": structured(child_block, raw, references, locale_id),
        }
        items.append(item)
        build = HTML_BUILDERS.get(item["type"])
        if build is None:
            fragments.append(child_block.render(child_block.to_python(raw)))
        else:
            fragments.append(build(item["value"]))
    html = "\n\n".join(fragments).strip()
    return {"html": references.urls.absolutize_html(html), "blocks": items}


# HTML of each block type, from its structured value ---------------------------------


def _get(value, name: str):
    """``value.name`` as a template reads it: missing is empty."""
    return value.get(name, "") if isinstance(value, dict) else ""


def _paragraph(value) -> str:
    return f'<div class="block-paragraph">{value}</div>'


def _heading(value) -> str:
    tag = "h3" if _get(value, "level") == "h3" else "h2"
    return f"<{tag}>{escape(_get(value, 'text'))}</{tag}>"


def _figure(value, rendition: str) -> str:
    """An image with its caption and credit (``value``: an image block's value)."""
    image = _get(value, "image")
    if not image:
        return ""
    size = _get(image, rendition)
    html = (
        f'<img src="{escape(_get(size, "url"))}" width="{escape(_get(size, "width"))}" '
        f'height="{escape(_get(size, "height"))}" alt="{escape(_get(value, "alt_text"))}" '
        'loading="lazy">'
    )
    caption, credit = _get(value, "caption"), _get(value, "credit")
    if caption or credit:
        small = f" <small>© {escape(credit)}</small>" if credit else ""
        html += f"<figcaption>{escape(caption)}{small}</figcaption>"
    return html


def _image(value) -> str:
    figure = _figure(value, "large")
    return f'<figure class="block-image">{figure}</figure>' if figure else ""


def _quote(value) -> str:
    attribution = _get(value, "attribution")
    caption = f"<figcaption>— {escape(attribution)}</figcaption>" if attribution else ""
    return (
        f'<figure class="block-quote"><blockquote><p>{escape(_get(value, "text"))}</p>'
        f"</blockquote>{caption}</figure>"
    )


def _gallery(value) -> str:
    title = _get(value, "title")
    heading = f"<h2>{escape(title)}</h2>" if title else ""
    figures = (_figure(item, "small") for item in _get(value, "images") or [])
    items = "".join(f"<li><figure>{figure}</figure></li>" for figure in figures if figure)
    return f'<section class="block-gallery">{heading}<ul>{items}</ul></section>'


def _embed(value) -> str:
    url = _get(value, "url")
    if not url:
        return ""
    return (
        f'<div class="block-embed"><a href="{escape(url)}" rel="external">{escape(url)}</a></div>'
    )


def _key_figures(value) -> str:
    items = "".join(
        f"<li><strong>{escape(_get(figure, 'value'))}</strong> "
        f"<span>{escape(_get(figure, 'label'))}</span></li>"
        for figure in _get(value, "figures") or []
    )
    return f'<ul class="block-key-figures">{items}</ul>'


def _call_to_action(value) -> str:
    href = _get(_get(value, "page"), "html_url") or _get(value, "url")
    if not href:
        return ""
    return (
        f'<p class="block-cta"><a class="button" href="{escape(href)}">'
        f"{escape(_get(value, 'text'))}</a></p>"
    )


#: Block types whose HTML the API builds itself; others are rendered by their own template.
HTML_BUILDERS = {
    "paragraph": _paragraph,
    "heading": _heading,
    "image": _image,
    "quote": _quote,
    "gallery": _gallery,
    "embed": _embed,
    "key_figures": _key_figures,
    "call_to_action": _call_to_action,
}
