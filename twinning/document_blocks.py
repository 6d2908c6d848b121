"""Documents to download, as a StreamField: translators may swap in a translated file.

A link is rendered by its template only when its document is public: a document of a
private collection is not named on public pages (nor in the API, which renders the same
template), whatever its link text says.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "twinning/blocks/document_link.html"


class DocumentsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()
