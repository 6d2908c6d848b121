"""Indexes for what readers and partners ask most.

``twinning_live_page_listing``: live, real (non-alias) pages of one language, in tree
order.

Wagtail's page table has no index that serves ``locale = … ORDER BY path`` over live
pages only. With 10,000 stories a language, a listing then sorts every story of the
language (bodies included) for each request, and a deep ``offset`` or the total count
reads them all. This partial index walks the language's live pages in tree order; it
carries ``id`` and ``content_type_id`` so counting and paging read the index alone.

``twinning_page_depth_path``: routing reads the pages a URL can name, level by level
(``depth = n AND path LIKE 'prefix%'``, see twinning/routes.py); the unique index on
``path`` alone makes that a scan of the whole language tree.
"""

from django.db import migrations

NAME = "twinning_live_page_listing"
ROUTING = "twinning_page_depth_path"


def create(apps, schema_editor):
    quote = schema_editor.quote_name
    table = quote("wagtailcore_page")
    if schema_editor.connection.vendor == "postgresql":
        columns = f"({quote('locale_id')}, {quote('path')}) INCLUDE ({quote('id')}, {quote('content_type_id')})"
        condition = f"{quote('live')} AND {quote('alias_of_id')} IS NULL"
    else:
        columns = "({})".format(
            ", ".join(quote(name) for name in ("locale_id", "path", "id", "content_type_id"))
        )
        condition = f"{quote('live')} = 1 AND {quote('alias_of_id')} IS NULL"
    schema_editor.execute(f"CREATE INDEX {quote(NAME)} ON {table} {columns} WHERE {condition}")
    schema_editor.execute(
        f"CREATE INDEX {quote(ROUTING)} ON {table} ({quote('depth')}, {quote('path')})"
    )


def drop(apps, schema_editor):
    for name in (NAME, ROUTING):
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("twinning", "0002_calls_events_actors"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
