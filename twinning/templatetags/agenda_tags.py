from django import template

from wagtail.models import Page

from ..localization import localize_all
from ..request_cache import public, view_restrictions

register = template.Library()


def _visible_in(pages: list[Page], locale, restrictions) -> dict[int, Page]:
    """Each page in ``locale`` (or itself), by the original's id, if a visitor may open it.

    Two queries whatever the number of pages: the pages, then which are live and public.
    """
    localized = dict(zip([p.pk for p in pages], localize_all(pages, locale), strict=True))
    visible = set(
        public(Page.objects.filter(pk__in=[p.pk for p in localized.values()]), restrictions)
        .live()
        .values_list("pk", flat=True)
    )
    return {pk: page for pk, page in localized.items() if page.pk in visible}


@register.inclusion_tag("twinning/includes/story_links.html", takes_context=True)
def story_links(context: template.Context, story) -> dict:
    """The event a story tells, the call that funded it and its actors, in its language.

    Only published, public pages are linked.
    """
    ids = [pk for pk in (story.event_id, story.funded_by_call_id) if pk]
    pages = list(Page.objects.filter(pk__in=ids)) if ids else []
    restrictions = view_restrictions(context.get("request"))
    visible = _visible_in(pages, story.locale, restrictions) if pages else {}
    return {
        "event": visible.get(story.event_id),
        "call": visible.get(story.funded_by_call_id),
        "actors": localize_all(story.actors.all(), story.locale),
    }
