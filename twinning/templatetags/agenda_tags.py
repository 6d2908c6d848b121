from django import template
from django.db.models import Q

from wagtail.models import Page

from twinning.models.querysets import localize_related
from twinning.public.aliases import with_text_language
from twinning.public.visibility import is_public, view_restrictions

register = template.Library()


def _visible_in(ids: list[int], locale, restrictions) -> dict[int, Page]:
    """Each page of ``ids`` in ``locale`` (or itself), by id, if a visitor may open it.

    One query whatever the number of pages: the pages and their live versions in ``locale``.
    """
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    rows = list(
        with_text_language(
            Page.objects.filter(
                Q(pk__in=ids) | Q(locale_id=locale.pk, live=True, translation_key__in=keys)
            )
        )
    )
    in_locale = {
        row.translation_key: row for row in rows if row.locale_id == locale.pk and row.live
    }
    visible = {}
    for row in rows:
        if row.pk in ids:
            page = in_locale.get(row.translation_key, row)
            if page.live and is_public(page, restrictions):
                visible[row.pk] = page
    return visible


@register.inclusion_tag("twinning/includes/story_links.html", takes_context=True)
def story_links(context: template.Context, story) -> dict:
    """The event a story tells, the call that funded it and its actors, in its language.

    Only published, public pages are linked.
    """
    ids = [pk for pk in (story.event_id, story.funded_by_call_id) if pk]
    restrictions = view_restrictions(context.get("request"))
    visible = _visible_in(ids, story.locale, restrictions) if ids else {}
    return {
        "event": visible.get(story.event_id),
        "call": visible.get(story.funded_by_call_id),
        "actors": localize_related(story.actors.all(), story.locale_id),
    }
