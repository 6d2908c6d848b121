"""Admin forms that offer related objects in the edited object's own language.

Without this, every partner city, theme and actor appears once per language (and once
per alias page) in the checkboxes of a French call or event.
"""

from django.db.models import Q

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


class LocaleScopedChoicesMixin:
    """Narrows the ``locale_scoped_fields`` to one locale, keeping the current choices."""

    locale_scoped_fields: tuple[str, ...] = ()

    def scope_choices_to_locale(self, locale_id: int | None) -> None:
        if not locale_id:
            return
        for name in self.locale_scoped_fields:
            field = self.fields.get(name)
            if field is None or not hasattr(field, "queryset"):
                continue
            field.queryset = field.queryset.filter(
                Q(locale_id=locale_id) | Q(pk__in=_pks(self.initial.get(name)))
            )


def _pks(initial) -> list:
    """Primary keys of a field's initial value: an object, a key, or several of them."""
    if initial is None or initial == "":
        return []
    if isinstance(initial, str | int) or hasattr(initial, "pk"):
        initial = [initial]
    return [getattr(value, "pk", value) for value in initial]


class LocaleScopedModelForm(LocaleScopedChoicesMixin, WagtailAdminModelForm):
    """For translatable snippets: the admin's create view sets the locale on the instance."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_choices_to_locale(self.instance.locale_id)


class LocaleScopedPageForm(LocaleScopedChoicesMixin, WagtailAdminPageForm):
    """For pages: a new page takes the locale of its parent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        self.scope_choices_to_locale(locale_id)
