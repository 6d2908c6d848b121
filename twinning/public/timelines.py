"""The timeline of all partnerships: every milestone of every partner, year by year.

Oldest first, as on each city's own page: the timeline tells a history that starts
with the first twinning, and the bars above it read from left to right (right to left
in Arabic) in the same direction. Readers after recent events jump to a year.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.choices import MilestoneKind, PartnershipStatus
from twinning.partial_dates import PartialDate


class TimelineFilterForm(forms.Form):
    """The GET filters of the timeline; unknown values get a message, not an error page."""

    partner = forms.TypedChoiceField(
        label=_("Partner city"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(
        label=_("Kind of milestone"),
        required=False,
        choices=[("", _("All kinds")), *MilestoneKind.choices],
    )

    def __init__(self, data: Any = None, *, cities: Iterable[Any] = ()) -> None:
        super().__init__(data)
        self.fields["partner"].choices = [
            ("", _("All partner cities")),
            *((city.pk, city.title) for city in cities),
        ]

    def filters(self) -> dict[str, Any]:
        """The valid filters only: a wrong partner does not hide the right kind."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in ("partner", "kind")
            if self.cleaned_data.get(name) not in (None, "")
        }


@dataclass(frozen=True)
class TimelineEntry:
    milestone: Any
    city: Any


@dataclass(frozen=True)
class YearOfMilestones:
    year: int
    entries: list[TimelineEntry]


def milestones_by_year(
    cities: Iterable[Any], *, partner: int | None = None, kind: str | None = None
) -> list[YearOfMilestones]:
    """The milestones of ``cities`` (prefetched), grouped by year, oldest first."""
    entries = [
        TimelineEntry(milestone, city)
        for city in cities
        if partner is None or city.pk == partner
        for milestone in city.milestones.all()
        if (kind is None or milestone.kind == kind) and milestone.partial_date
    ]
    entries.sort(key=lambda e: (e.milestone.date, e.city.title, e.milestone.sort_order or 0))
    return [
        YearOfMilestones(year, list(group))
        for year, group in groupby(entries, key=lambda e: e.milestone.partial_date.year)
    ]


@dataclass(frozen=True)
class PartnershipBar:
    """One partnership drawn from its signing year to this year, in percent of the axis."""

    city: Any
    since: int
    offset: float
    length: float

    @property
    def is_current(self) -> bool:
        return self.city.status == PartnershipStatus.ACTIVE


@dataclass(frozen=True)
class PartnershipChart:
    bars: list[PartnershipBar]
    first_year: int
    last_year: int
    ticks: list[tuple[int, float]]


def partnership_chart(
    cities: Iterable[Any], today: datetime.date | None = None
) -> PartnershipChart | None:
    """Bars for the partnerships with a known signing date, on a shared axis of decades."""
    signed = [(city, PartialDate.parse(city.signed)) for city in cities if city.signed]
    if not signed:
        return None
    last_year = (today or timezone.localdate()).year
    first_year = min(date.year for _city, date in signed) // 10 * 10
    span = last_year - first_year + 1
    bars = [
        PartnershipBar(
            city=city,
            since=date.year,
            offset=round((date.year - first_year) * 100 / span, 2),
            length=round((last_year - date.year + 1) * 100 / span, 2),
        )
        for city, date in sorted(signed, key=lambda item: (item[1], item[0].title))
    ]
    ticks = [
        (year, round((year - first_year) * 100 / span, 2))
        for year in range(first_year, last_year + 1, 10)
    ]
    return PartnershipChart(bars, first_year, last_year, ticks)
