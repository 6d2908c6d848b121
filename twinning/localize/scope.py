"""Which pages the translation workflow's page-wide behaviour acts on.

Installing ``twinning.localize`` must not change how a host's other page types are
translated: keeping translated aliases in draft, the language-tree cascades, synchronised
fields on publish, the "Sync translated pages" override and the translation editor's
additions act on the plugin's own page types (and snippets) only, unless the host opts
its whole site in with ``TWINNING["LOCALIZE_ALL_PAGE_TYPES"] = True``.
"""

from django.db import models

from twinning import conf

PLUGIN_APP_LABEL = "twinning"


def model_of(obj: models.Model | type[models.Model]) -> type[models.Model]:
    """The model of ``obj``; a page's specific class, even from a plain ``Page`` row."""
    if isinstance(obj, type):
        return obj
    # A plain Page row (or any SpecificMixin object) knows its specific class.
    return getattr(obj, "specific_class", None) or type(obj)


def in_scope(obj: models.Model | type[models.Model] | None) -> bool:
    """Whether the workflow's page-wide behaviour applies to ``obj`` (an instance or model)."""
    if conf.get("LOCALIZE_ALL_PAGE_TYPES"):
        return True
    meta = getattr(model_of(obj), "_meta", None)  # None: a model gone from the code
    return meta is not None and meta.app_label == PLUGIN_APP_LABEL
