"""StreamField values for partners: structured blocks, and the same content as HTML.

Both are built from the stored (raw) data with references loaded in bulk (see
references.py), so a list of items costs no query per block. The HTML is the site's:
each block is rendered by its template (``render_block_html``), from a value whose
images, pages, documents and rich text links come from the response's references (pages
in the item's language, private ones left out; images and documents of private
collections are None, and their blocks render nothing), with the embeds of the response
read in one query; every URL is then made absolute.
"""

import weakref

from django.template.loader import render_to_string
from django.utils import timezone

from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from twinning.api.references import References
from twinning.api.site_state import site_state
from twinning.blocks import (
    EMBEDS_CONTEXT,
    PAGE_URL_CONTEXT,
    PRIVATE_COLLECTIONS_CONTEXT,
    render_block_html,
)

#: The embed URLs each response mentions, then the Embeds read for them (by URL).
_embeds: "weakref.WeakKeyDictionary[References, dict]" = weakref.WeakKeyDictionary()


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
    elif isinstance(block, EmbedBlock) and raw:
        _embeds.setdefault(references, {"urls": set(), "loaded": None})["urls"].add(raw)


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


class ResolvedRichText(RichText):
    """Rich text whose links and images the response resolved: renders that HTML, as
    Wagtail's ``richtext`` filter renders database rich text."""

    def __init__(self, source: str | None, html: str):
        super().__init__(source)
        self.html = html

    def __html__(self) -> str:
        return render_to_string("wagtailcore/shared/richtext.html", {"html": self.html})


def python_value(block: blocks.Block, raw, references: References, locale_id: int):
    """The block value its template renders, references taken from ``references``."""
    if isinstance(block, blocks.StructBlock):
        raw = raw or {}
        return block._to_struct_value(
            [
                (name, python_value(child_block, raw.get(name), references, locale_id))
                for name, child_block in block.child_blocks.items()
            ]
        )
    if isinstance(block, blocks.ListBlock):
        return ListValue(
            block,
            values=[
                python_value(block.child_block, item, references, locale_id)
                for item in _list_items(raw)
            ],
        )
    if isinstance(block, ImageChooserBlock):
        return references.images.get(raw)
    if isinstance(block, blocks.PageChooserBlock):
        return references.page(raw, locale_id)
    if isinstance(block, DocumentChooserBlock):
        return references.documents.get(raw)
    if isinstance(block, blocks.RichTextBlock):
        return ResolvedRichText(raw, references.rich_text(raw, locale_id))
    return block.to_python(raw)


def _loaded_embeds(references: References) -> dict:
    """The Embeds the response's blocks mention, by URL: one query for all of them."""
    wanted = _embeds.get(references)
    if wanted is None:
        return {}
    if wanted["loaded"] is None:
        by_hash = {get_embed_hash(url): url for url in wanted["urls"]}
        found = Embed.objects.exclude(cache_until__lte=timezone.now()).filter(hash__in=by_hash)
        wanted["loaded"] = {by_hash[embed.hash]: embed for embed in found}
    return wanted["loaded"]


def stream_representation(stream_value, references: References, locale_id: int) -> dict:
    """``{"html": ..., "blocks": [...]}`` for a StreamField value."""
    stream_block = stream_value.stream_block
    context = {
        "request": references.request,
        PAGE_URL_CONTEXT: references.urls.page_url,
        EMBEDS_CONTEXT: _loaded_embeds(references),
        # The collections the references were loaded without: the templates check no more.
        PRIVATE_COLLECTIONS_CONTEXT: site_state(references.request).private_collection_ids,
    }
    items, fragments = [], []
    for child in _stream_children(stream_value.raw_data):
        child_block = stream_block.child_blocks.get(child["type"])
        if child_block is None:
            continue
        raw = child.get("value")
        items.append(
            {
                "type": child["type"],
                "id": child.get("id"),
                "value": structured(child_block, raw, references, locale_id),
            }
        )
        value = python_value(child_block, raw, references, locale_id)
        # The templates end with a newline: fragments are joined by a blank line instead.
        fragments.append(render_block_html(child_block, value, context).strip())
    html = "\n\n".join(fragments).strip()
    return {"html": references.urls.absolutize_html(html), "blocks": items}
