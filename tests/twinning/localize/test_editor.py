"""The translation editor's main action is never throwing the translation away.

wagtail-localize's footer makes its last action the main button; for an editor who may
not publish, that was "Convert to alias page" (or "Delete").
"""

import html
import json
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail import hooks

import pytest

from tests.twinning.localize_helpers import admin_user, edit_url, in_locale, log_in, submit
from twinning.localize import editor as translation_editor
from twinning.localize import memory as translation_memory
from twinning.localize import review as translation_review

PROPS = re.compile(r'data-props="(?P<props>[^"]*)"')


def rendered_props(response) -> dict:
    """The props the React editor is drawn from, as the browser receives them."""
    match = PROPS.search(response.content.decode())
    assert match, "wagtail-localize no longer renders its editor's props in data-props"
    return json.loads(html.unescape(match["props"]))


@pytest.fixture
def german_draft(tubingen):
    submit(tubingen, "de")
    return in_locale(tubingen, "de")


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    group = Group.objects.get(name="Editors")
    group.permissions.add(Permission.objects.get(codename="submit_translation"))
    user.groups.add(group)
    return log_in(client, user)


def test_editor_without_publish_right_is_not_offered_to_convert_or_delete(editor, german_draft):
    response = editor.get(edit_url(german_draft))

    assert response.status_code == 200
    props = rendered_props(response)
    assert props["perms"]["canPublish"] is False
    assert props["links"]["convertToAliasUrl"] is None
    assert props["perms"]["canDelete"] is False
    # The way forward is the bar above the editor.
    assert "Submit for review" in response.content.decode()


def test_publisher_keeps_every_action(client, german_draft):
    admin_user(client)

    props = rendered_props(client.get(edit_url(german_draft)))

    assert props["perms"]["canPublish"] is True
    assert props["perms"]["canDelete"] is True
    assert props["links"]["convertToAliasUrl"]


def test_hooks_that_add_messages_to_the_editor_run_before_the_one_that_answers():
    """The footer fix answers with the editor: the bars above it must be added first."""
    order = list(hooks.get_hooks("before_edit_page"))
    answering = order.index(translation_editor.editor_without_destructive_main_action)
    assert order.index(translation_review.offer_submission_for_review) < answering
    assert order.index(translation_memory.offer_suggestions) < answering
