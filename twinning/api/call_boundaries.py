"""When the status of a call for projects next changes, so that no cache outlives it.

A call's status is derived from its dates at request time: a cached list of open calls
(or a call's detail, or a calendar of open calls) is right only until the next opening
or closing of a published call. Responses showing calls cap their lifetime there.
"""

import datetime

from django.db.models import Min, Q
from django.http import HttpRequest
from django.utils import timezone

from twinning.api.caching import cap_lifetime
from twinning.models import ProjectCallPage


def next_call_change(moment: datetime.datetime | None = None) -> datetime.datetime | None:
    """The first opening or closing of a live call after ``moment`` (default: now)."""
    moment = moment or timezone.now()
    calls = ProjectCallPage.objects.live().filter(Q(opens_at__gt=moment) | Q(closes_at__gt=moment))
    bounds = calls.aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=moment)),
        closes=Min("closes_at", filter=Q(closes_at__gt=moment)),
    )
    found = [value for value in bounds.values() if value is not None]
    return min(found) if found else None


def expire_with_call_statuses(request: HttpRequest) -> None:
    """Cap the response's cache lifetime at the next change of a call's status."""
    cap_lifetime(request, next_call_change())


def next_call_change_of(call: ProjectCallPage) -> datetime.datetime | None:
    """When this call's own status next changes (its opening, then its closing)."""
    now = timezone.now()
    return next((moment for moment in (call.opens_at, call.closes_at) if moment > now), None)
