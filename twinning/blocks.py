"""StreamField blocks of twinning pages. Every text is translatable by wagtail-localize.

The HTML of a block is its template, rendered by ``render_block_html``: the site's
``{% include_block %}`` (and ``{{ page.body }}``) and the API both go through it. A caller
that resolved a block's references itself (the API, in bulk, for many items) says so in
the context: ``PAGE_URL_CONTEXT`` (a function giving the URL of a linked page) and
``EMBEDS_CONTEXT`` (embeds by URL, already read); the templates use them when present.
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.formats import get_image_format
from wagtail.images.rich_text import ImageEmbedHandler

from twinning.public.visibility import public_media_queryset

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]

#: The image renditions the block templates use (image.html, gallery.html): whoever
#: renders blocks for many items loads these with the images.
BLOCK_RENDITIONS = ("width-960", "fill-400x300")

#: Context variable: a function from a linked page to its URL (else ``pageurl`` of the
#: page in the reader's language).
PAGE_URL_CONTEXT = "twinning_page_url"
#: Context variable: ``wagtailembeds`` Embed objects by URL (else the embed finder's).
EMBEDS_CONTEXT = "twinning_embeds"
#: Context variable: the ids of the private collections, as the caller read them (else
#: read once for the request: see ``twinning.public.visibility.public_media``).
PRIVATE_COLLECTIONS_CONTEXT = "twinning_private_collections"


def render_block_html(block: blocks.Block, value, context: dict | None = None) -> SafeString:
    """The HTML of ``value`` as ``block``'s template renders it, as ``{% include_block %}``
    does; one renderer for the site's pages and the API's ``html``."""
    return block.render(value, context=context)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (level 2)")), ("h3", _("Subsection (level 3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "twinning/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "Describe the picture for people who cannot see it. Leave empty if decorative."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "twinning/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "twinning/blocks/quote.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "twinning/blocks/gallery.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Figure"), max_length=40, help_text=_("For example 120 or 15 %")
    )
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "list-ul"
        label = _("Key figures")
        template = "twinning/blocks/key_figures.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Link text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or external address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _("Choose a page or give an address, not both and not neither.")
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "twinning/blocks/call_to_action.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="twinning/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    embed = EmbedBlock(label=_("Video or embed"), template="twinning/blocks/embed.html")
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()


# Rich text: media of private collections ---------------------------------------------


def _public_many(model, attrs_list: list[dict]) -> list:
    """The objects the tags name, None for those missing or in a private collection: in
    the one query Wagtail's ``get_many`` makes."""
    ids = [attrs.get("id") for attrs in attrs_list]
    found = public_media_queryset(model._default_manager.all()).in_bulk(
        [pk for pk in ids if str(pk).isascii() and str(pk).isdigit()]
    )
    by_id = {str(pk): obj for pk, obj in found.items()}
    return [by_id.get(str(pk)) for pk in ids]


class PublicImageEmbedHandler(ImageEmbedHandler):
    """Wagtail's rich text image, left out when its collection is private (or the image
    is gone): public pages never show a private image, as the API's rich text does not."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        return _public_many(cls.get_model(), attrs_list)

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        images = cls.get_many(attrs_list)
        return [
            get_image_format(attrs["format"]).image_to_html(image, attrs.get("alt", ""))
            if image
            else ""
            for attrs, image in zip(attrs_list, images, strict=True)
        ]


class PublicDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's rich text document link, reduced to its text when the document's
    collection is private (as for a deleted document): the author's words stay readable,
    the page names neither the file nor its address, and the API's rich text does the same.
    """

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        return _public_many(cls.get_model(), attrs_list)


def register_public_media_handlers(features) -> None:
    """Render rich text images and document links with the handlers above: for a
    ``register_rich_text_features`` hook that runs after Wagtail's own (``order`` > 0)."""
    features.register_embed_type(PublicImageEmbedHandler)
    features.register_link_type(PublicDocumentLinkHandler)
