"""The translation editor's footer for people who may not publish.

wagtail-localize's React footer makes its last action the main button: "Publish in …"
for publishers, but for an editor without the publish right it is "Convert to alias
page" (which throws the translation away) or "Delete". Its actions come from fixed props
and cannot be extended, so for those users the props lose both actions: deleting stays
in the page explorer, converting back to an alias is left to publishers, and the
"Submit for review" bar above the editor (``translation_review``) is the way forward.

The props are read from the rendered editor (wagtail-localize renders them into the
``data-props`` attribute); ``tests/twinning/test_translation_editor.py`` fails if a new
wagtail-localize changes that. wagtail-localize 1.14 has no extension point for the
footer (its menu items are drawn by React, not by Wagtail's action menu hooks): retire
this when it gains one.
"""

import html
import json
import re

from django.utils.html import escape

from wagtail.models import Page
from wagtail_localize.views import edit_translation

from twinning.localize import review
from twinning.localize.scope import in_scope

PROPS = re.compile(rb'data-props="(?P<props>[^"]*)"')


def without_destructive_actions(content: bytes) -> bytes:
    """The editor's HTML with "Convert to alias page" and "Delete" left out of its footer."""
    match = PROPS.search(content)
    if match is None:
        return content
    props = json.loads(html.unescape(match["props"].decode()))
    props["links"]["convertToAliasUrl"] = None
    props["perms"]["canDelete"] = False
    attribute = f'data-props="{escape(json.dumps(props))}"'.encode()
    return content[: match.start()] + attribute + content[match.end() :]


# After the hooks that add messages (same order, registered first), before
# wagtail-localize's (order 0), which would answer with the unchanged editor.
def editor_without_destructive_main_action(request, page: Page):
    if (
        request.method != "GET"
        or not in_scope(page)
        or page.permissions_for_user(request.user).can_publish()
    ):
        return None
    translation = review.translation_of_page(page)
    if translation is None:
        return None
    response = edit_translation.edit_translation(request, translation, page)
    if response.status_code == 200:
        response.content = without_destructive_actions(response.content)
    return response
