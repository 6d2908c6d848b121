"""Indexes the plugin adds to Wagtail's page table (migration 0003): only where verified."""

from importlib import import_module
from types import SimpleNamespace

from django.db import connection

import pytest


def _page_indexes():
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, "wagtailcore_page"))


@pytest.mark.django_db
def test_the_listing_and_routing_indexes_exist_on_sqlite():
    assert {"twinning_live_page_listing", "twinning_page_depth_path"} <= _page_indexes()


def test_no_index_is_made_on_wagtails_table_on_mysql():
    migration = import_module("twinning.migrations.0003_page_listing_index")
    executed = []
    editor = SimpleNamespace(
        connection=SimpleNamespace(vendor="mysql"),
        quote_name=lambda name: f"`{name}`",
        execute=executed.append,
    )

    migration.create(None, editor)
    migration.drop(None, editor)

    assert executed == []
