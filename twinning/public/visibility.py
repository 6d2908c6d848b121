"""Keep unpublished and private pages out of public links."""

from collections.abc import Iterable

from wagtail.models import Page


def visible_pages(pages: Iterable[Page]) -> list[Page]:
    """The given pages that a visitor may open: live and without view restriction.

    Related pages (a call's partner cities, a story's event) can be drafts or private;
    one query tells which, whatever the number of pages.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    visible = set(
        Page.objects.filter(pk__in=[page.pk for page in pages])
        .live()
        .public()
        .values_list("pk", flat=True)
    )
    return [page for page in pages if page.pk in visible]
