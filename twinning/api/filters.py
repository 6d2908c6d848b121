"""Query parameters of the pages endpoint, each validated with a message naming it.

Wagtail's own filters raise messages without the parameter's name, answer an unknown
locale with a 404 and let a malformed date through to the database (a 500): the partner
API validates every parameter itself and answers 400 ``{"message", "parameter"}``.
"""

import calendar
import datetime
import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend

from rest_framework.filters import BaseFilterBackend

from twinning.api.errors import BadRequest
from twinning.api.languages import in_locale, parse_boolean, parse_locale
from twinning.api.parameters import FALLBACK, positive_int, search_query
from twinning.api.site_state import scope
from twinning.choices import CallStatus, PartnershipKind, PartnershipStatus
from twinning.models import (
    CooperationTheme,
    EventPage,
    ExchangeStoryPage,
    PartnerCityPage,
    ProjectCallPage,
)
from twinning.partial_dates import PartialDate
from twinning.public.visibility import visible_pages
from twinning.validators import MAX_INTEGER, WIKIDATA_ID_PATTERN, parse_whole_number

WIKIDATA_ID = re.compile(WIKIDATA_ID_PATTERN)
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
UNENCODED_OFFSET = re.compile(r" ([0-9]{2}(?::?[0-9]{2})?)$")

#: Most search matches a list request considers (the site has a few hundred pages).
SEARCH_RESULTS_MAX = 500


def _models_with_relation_to(target: type[models.Model], name: str) -> list[type[Page]]:
    """Page types whose many-to-many field ``name`` points to ``target``."""
    found = []
    for model in get_page_models():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_many and field.model is model and issubclass(field.related_model, target):
            found.append(model)
    return found


def _restrict_to(queryset, model: type[Page], q: Q, view, parameter: str):
    """Apply ``q`` (a filter on ``model``) to a queryset of any page type."""
    requested = getattr(view, "requested_models", None)
    if requested and not any(issubclass(m, model) or issubclass(model, m) for m in requested):
        raise BadRequest(
            _("%(name)s only applies to pages of type %(type)s.")
            % {"name": parameter, "type": f"{model._meta.app_label}.{model.__name__}"},
            parameter,
        )
    if issubclass(queryset.model, model):
        return queryset.filter(q)
    return queryset.filter(pk__in=model._default_manager.filter(q).values("pk"))


class ValidatedFieldsFilter(BaseFilterBackend):
    """``?field=value`` on the type's API fields, with values checked before the database."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        fields -= view.special_parameters
        for name, raw in request.GET.items():
            if name not in fields:
                continue
            field = queryset.model._meta.get_field(name)
            if field.is_relation and not isinstance(field, models.ForeignKey):
                raise BadRequest(_("%(name)s cannot be used as a filter.") % {"name": name}, name)
            target = field.target_field if isinstance(field, models.ForeignKey) else field
            try:
                if isinstance(target, models.BooleanField):
                    value = parse_boolean(request, name)
                else:
                    value = target.to_python(raw)
                    if isinstance(target, models.CharField) and field.choices:
                        target.validate(value, None)
                    if isinstance(value, int):  # past 64 bits, SQLite raises OverflowError
                        MinValueValidator(-MAX_INTEGER - 1)(value)
                        MaxValueValidator(MAX_INTEGER)(value)
            except ValidationError as exc:
                raise BadRequest(
                    _("%(value)r is not a valid value for %(name)s: %(reason)s")
                    % {"value": raw, "name": name, "reason": " ".join(exc.messages)},
                    name,
                ) from exc
            queryset = queryset.filter(**{name: value})
        return queryset


class TreeFilter(BaseFilterBackend):
    """``child_of``, ``descendant_of`` (a page id or ``root``) and ``ancestor_of``."""

    def _page(self, request, view, parameter, allow_root=True):
        raw = request.GET[parameter]
        if raw == "root" and allow_root:
            return view.get_root_page()
        pk = positive_int(raw, parameter)
        try:
            return view.get_base_queryset().get(pk=pk)
        except Page.DoesNotExist as exc:
            raise BadRequest(
                _("No published page has the id %(id)s.") % {"id": pk}, parameter
            ) from exc

    def filter_queryset(self, request, queryset, view):
        if "child_of" in request.GET and "descendant_of" in request.GET:
            raise BadRequest(_("Use child_of or descendant_of, not both."), "descendant_of")
        if "child_of" in request.GET:
            queryset = queryset.child_of(self._page(request, view, "child_of"))
        if "descendant_of" in request.GET:
            queryset = queryset.descendant_of(self._page(request, view, "descendant_of"))
        if "ancestor_of" in request.GET:
            page = self._page(request, view, "ancestor_of", allow_root=False)
            queryset = queryset.ancestor_of(page)
        return queryset


class TranslationOfFilter(BaseFilterBackend):
    """The other real, live translations of a page."""

    def filter_queryset(self, request, queryset, view):
        if "translation_of" not in request.GET:
            return queryset
        raw = request.GET["translation_of"]
        if raw == "root":
            page = view.get_root_page()
        else:
            pk = positive_int(raw, "translation_of")
            page = visible_pages(scope(request), aliases=True).filter(pk=pk).first()
            if page is None:
                raise BadRequest(
                    _("No published page has the id %(id)s.") % {"id": pk}, "translation_of"
                )
        return queryset.filter(translation_key=page.translation_key).exclude(pk=page.pk)


class LocaleFilter(BaseFilterBackend):
    """``locale`` (a content language) and ``fallback`` (source-language stand-ins)."""

    def filter_queryset(self, request, queryset, view):
        locale = parse_locale(request)
        fallback = parse_boolean(request, "fallback", default=FALLBACK.get_default())
        if fallback and locale is None:
            raise BadRequest(
                _("fallback=true needs a locale, for example locale=de&fallback=true."),
                "fallback",
            )
        view.requested_locale, view.fallback = locale, fallback
        if locale is None:
            return queryset
        return in_locale(queryset, request, locale, fallback=fallback)


def resolve_partner(request, raw: str, parameter: str = "partner") -> PartnerCityPage:
    """A partner city from an identifier partners know: a page id (any language) or Q-id."""
    raw = raw.strip()
    cities = visible_pages(scope(request), PartnerCityPage, aliases=True)
    if WIKIDATA_ID.match(raw):
        city = cities.filter(wikidata_id=raw).order_by("alias_of_id", "pk").first()
    elif (pk := parse_whole_number(raw)) is not None:
        city = cities.filter(pk=pk).first()
    else:
        raise BadRequest(
            _(
                "%(name)s is a partner city's page id or its Wikidata ID (like Q3806), not %(value)r."
            )
            % {"name": parameter, "value": raw},
            parameter,
        )
    if city is None:
        raise BadRequest(
            _("No published partner city has the id or Wikidata ID %(value)s.") % {"value": raw},
            parameter,
        )
    return city


def concerning_q(city: PartnerCityPage) -> Q:
    """The city's pages in every language, and the pages (stories…) about it."""
    key = city.translation_key
    q = Q(pk__in=PartnerCityPage.objects.filter(translation_key=key).values("pk"))
    for model in _models_with_relation_to(PartnerCityPage, "partner_cities"):
        q |= Q(pk__in=model.objects.filter(partner_cities__translation_key=key).values("pk"))
    # A call naming no city is open to projects with every partner city.
    q |= Q(pk__in=ProjectCallPage.objects.filter(partner_cities__isnull=True).values("pk"))
    return q


class PartnerFilter(BaseFilterBackend):
    """A partner city (page id in any language, or Wikidata ID) and the pages about it."""

    def filter_queryset(self, request, queryset, view):
        raw = request.GET.get("partner")
        if raw is None:
            return queryset
        return queryset.filter(concerning_q(resolve_partner(request, raw)))


def theme_keys(raw: str) -> set:
    """Translation keys of a theme given by id (any language) or identifier (slug)."""
    raw = raw.strip()
    themes = CooperationTheme.objects.all()
    pk = parse_whole_number(raw)
    keys = set(themes.filter(pk=pk).values_list("translation_key", flat=True)) if pk else set()
    keys = keys or set(themes.filter(slug=raw).values_list("translation_key", flat=True))
    if not keys:
        raise BadRequest(
            _("No cooperation theme has the id or identifier %(value)r.") % {"value": raw},
            "theme",
        )
    return keys


class ThemeFilter(BaseFilterBackend):
    """A cooperation theme, by id (any language) or by its identifier (slug)."""

    def filter_queryset(self, request, queryset, view):
        raw = request.GET.get("theme")
        if raw is None:
            return queryset
        keys = theme_keys(raw)
        q = Q(pk__in=[])
        for model in _models_with_relation_to(CooperationTheme, "themes"):
            q |= Q(pk__in=model.objects.filter(themes__translation_key__in=keys).values("pk"))
        return queryset.filter(q)


def _parse_period(request, parameter: str, *, end: bool) -> datetime.date | None:
    raw = request.GET.get(parameter)
    if raw is None:
        return None
    try:
        date = PartialDate.parse(raw)
    except ValidationError as exc:
        raise BadRequest(
            _("%(name)s: %(reason)s") % {"name": parameter, "reason": " ".join(exc.messages)},
            parameter,
        ) from exc
    if date is None:
        raise BadRequest(_("%(name)s is empty.") % {"name": parameter}, parameter)
    if not end:
        return date.first_day()
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return datetime.date(date.year, month, day)


class DateRangeFilter(BaseFilterBackend):
    """``date_from``/``date_to`` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) on story dates."""

    def filter_queryset(self, request, queryset, view):
        start = _parse_period(request, "date_from", end=False)
        end = _parse_period(request, "date_to", end=True)
        if start and end and start > end:
            raise BadRequest(_("date_to is before date_from."), "date_to")
        q = Q()
        if start:
            q &= Q(date__gte=start)
        if end:
            q &= Q(date__lte=end)
        if not q:
            return queryset
        parameter = "date_from" if start else "date_to"
        return _restrict_to(queryset, ExchangeStoryPage, q, view, parameter)


def asks_for_calls(view) -> bool:
    """Whether the request's ``type`` is calls for projects only (``status`` is theirs)."""
    requested = getattr(view, "requested_models", None)
    return bool(requested) and all(issubclass(m, ProjectCallPage) for m in requested)


def parse_choices(request, parameter: str, choices) -> list[str]:
    """One value or several separated by commas, each one of ``choices``."""
    raw = request.GET[parameter]
    values = [value.strip() for value in raw.split(",") if value.strip()]
    unknown = [value for value in values if value not in choices.values]
    if unknown or not values:
        raise BadRequest(
            _("Unknown %(name)s %(value)r: use one of %(choices)s.")
            % {
                "name": parameter,
                "value": ",".join(unknown) or raw,
                "choices": ", ".join(choices.values),
            },
            parameter,
        )
    return values


class CallStatusFilter(BaseFilterBackend):
    """``status=open|upcoming|closed`` (commas for several) with ``type`` = calls.

    Computed from the dates at the time of the request; the response's cache lifetime
    is capped at the next opening or closing (see caching.py).
    """

    def filter_queryset(self, request, queryset, view):
        if "status" not in request.GET or not asks_for_calls(view):
            return queryset
        q = Q(pk__in=[])
        moment = timezone.now()
        for status in parse_choices(request, "status", CallStatus):
            q |= Q(pk__in=ProjectCallPage.objects.in_status(status, moment).values("pk"))
        return queryset.filter(q)


def parse_moment(request, parameter: str, *, end: bool) -> datetime.datetime | None:
    """An ISO date (the whole day, in the site's time zone) or date-time (naive: the
    site's time zone), else a 400 naming ``parameter``."""
    raw = request.GET.get(parameter)
    if raw is None:
        return None
    raw = raw.strip()
    try:
        # An unencoded "+02:00" arrives as " 02:00".
        day = parse_date(raw) if ISO_DATE.match(raw) else None
        moment = None
        if day is None:
            moment = parse_datetime(raw) or parse_datetime(UNENCODED_OFFSET.sub(r"+\1", raw))
    except ValueError:
        moment = day = None
    if moment is None and day is None:
        raise BadRequest(
            _(
                "%(name)s is an ISO date (2026-05-09) or date-time (2026-05-09T14:00:00+02:00), "
                "not %(value)r."
            )
            % {"name": parameter, "value": raw},
            parameter,
        )
    if day is not None:
        time = datetime.time.max if end else datetime.time.min
        moment = datetime.datetime.combine(day, time)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment


class EventStartFilter(BaseFilterBackend):
    """``start_from``/``start_to``: events starting in that period (bounds included)."""

    def filter_queryset(self, request, queryset, view):
        start = parse_moment(request, "start_from", end=False)
        end = parse_moment(request, "start_to", end=True)
        if start and end and start > end:
            raise BadRequest(_("start_to is before start_from."), "start_to")
        q = Q()
        if start:
            q &= Q(start__gte=start)
        if end:
            q &= Q(start__lte=end)
        if not q:
            return queryset
        parameter = "start_from" if start else "start_to"
        return _restrict_to(queryset, EventPage, q, view, parameter)


class CityFactsFilter(BaseFilterBackend):
    """``kind`` and ``status`` of partnerships, one value or several separated by commas."""

    choices = {"kind": PartnershipKind, "status": PartnershipStatus}

    def filter_queryset(self, request, queryset, view):
        for parameter, choices in self.choices.items():
            raw = request.GET.get(parameter)
            if raw is None or (parameter == "status" and asks_for_calls(view)):
                continue
            q = Q(**{f"{parameter}__in": parse_choices(request, parameter, choices)})
            queryset = _restrict_to(queryset, PartnerCityPage, q, view, parameter)
        return queryset


class NamedOrderingFilter(OrderingFilter):
    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except BadRequestError as exc:
            raise BadRequest(str(exc), "order") from exc


class SearchFilter(BaseFilterBackend):
    """Full-text search, combinable with every other filter.

    The search backend can only filter on indexed fields; instead of indexing each
    filter's field, the search runs on live pages and the match ids filter the rest.
    Without ``order``, results come by relevance.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = search_query(request.GET["search"])
        operator = request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise BadRequest(
                _("search_operator is and or or, not %(value)r.") % {"value": operator},
                "search_operator",
            )
        if not query:
            raise BadRequest(_("search is empty."), "search")
        by_relevance = "order" not in request.GET
        results = get_search_backend().search(
            query,
            view.search_scope(queryset.model),
            operator=operator,
            order_by_relevance=by_relevance,
        )
        ids = [page.pk for page in results[:SEARCH_RESULTS_MAX]]
        queryset = queryset.filter(pk__in=ids)
        if by_relevance and ids:
            rank = Case(
                *(When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)),
                output_field=IntegerField(),
            )
            queryset = queryset.order_by(rank)
        return queryset
