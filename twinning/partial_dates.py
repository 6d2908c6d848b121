"""Dates known to the year, the month or the day: "1960", "1960-10", "1960-10-20".

Stored as ISO 8601 text, which sorts chronologically and says its own precision.
"""

import datetime
import re
from dataclasses import dataclass
from functools import total_ordering

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """Ordered as its ISO text is: 1970 < 1970-05 < 1970-05-09 < 1971.

    (The dataclass's own ordering would compare None with a month and fail.)
    """

    year: int
    month: int | None = None
    day: int | None = None

    def _sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    @classmethod
    def parse(cls, value: "str | PartialDate | datetime.date | None") -> "PartialDate | None":
        """Parse ISO text; raise ValidationError with a reader-friendly message."""
        if value in (None, ""):
            return None
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime.date):
            return cls(value.year, value.month, value.day)
        match = _PATTERN.match(str(value).strip())
        if not match:
            raise ValidationError(
                _("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD (for example 1960 or 1960-10-20)."),
                code="invalid_partial_date",
            )
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            raise ValidationError(
                _("%(value)s is not a valid month: months run from 01 to 12."),
                params={"value": value},
                code="impossible_date",
            )
        if day is not None:
            try:
                datetime.date(year, month, day)
            except ValueError:
                raise ValidationError(
                    _("%(value)s does not exist in the calendar."),
                    params={"value": value},
                    code="impossible_date",
                ) from None
        if year < 1000:
            raise ValidationError(_("Enter a year from 1000 onwards."), code="invalid_partial_date")
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def as_date(self) -> datetime.date | None:
        """The exact day, or None when only the year or month is known."""
        return self.first_day() if self.day else None

    def localized(self) -> str:
        """Format in the active language: "20 octobre 1960", "octobre 1960", "1960"."""
        if self.day:
            return formats.date_format(self.first_day(), "DATE_FORMAT")
        if self.month:
            return formats.date_format(self.first_day(), "YEAR_MONTH_FORMAT")
        return str(self.year)

    def __str__(self) -> str:
        return self.isoformat()


class PartialDateFormField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("placeholder", "1960-10-20")
        self.widget.attrs.setdefault("pattern", r"\d{4}(-\d{2}(-\d{2})?)?")
        self.widget.attrs.setdefault("inputmode", "numeric")

    def to_python(self, value):
        value = super().to_python(value)
        parsed = PartialDate.parse(value)
        return parsed.isoformat() if parsed else ""


class PartialDateField(models.CharField):
    """ISO text of a PartialDate; validated, sortable, and filterable by prefix."""

    description = _("Date (year, month or day)")

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 10
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs

    def to_python(self, value):
        """Strip stray spaces, so that values set in code sort like those from the editor."""
        value = super().to_python(value)
        return value.strip() if isinstance(value, str) else value

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        PartialDate.parse(value)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})


__all__ = ["PartialDate", "PartialDateField", "PartialDateFormField"]
