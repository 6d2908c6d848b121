"""StreamField values for partners: structured blocks, and the same content as HTML.

Both are built from the stored (raw) data with references loaded in bulk (see
references.py), so a list of items costs no query per block. The HTML is rendered from
the structured blocks by the API's own template: the site's block templates resolve
pages and images one by one, and link relative URLs.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .references import References

#: Block types the API template renders itself; others fall back to their own template.
TEMPLATE_BLOCK_TYPES = frozenset(
    {"paragraph", "heading", "image", "quote", "gallery", "embed", "key_figures", "call_to_action"}
)


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
    items, entries = [], []
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
        fallback = ""
        if item["type"] not in TEMPLATE_BLOCK_TYPES:
            fallback = child_block.render(child_block.to_python(raw))
        entries.append({**item, "fallback_html": mark_safe(fallback)})
    html = render_to_string("twinning/api/stream.html", {"blocks": entries})
    return {"html": references.urls.absolutize_html(html.strip()), "blocks": items}
