"""The widget's page in the admin: pick a partner city, copy two snippets, see them live.

Most partner cities have no developer: their CMS editor pastes what this page gives. The
preview is the same widget.js, on the same API, as the partner's page will load.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from twinning.absolute_urls import absolute_url
from twinning.compat import page_permission_policy
from twinning.models import PartnerCityPage
from twinning.partners.models import PartnerAccess

URL_NAME = "twinning_partners_widget"
#: Where the widget looks for the API when it has no ``api`` attribute (see widget.js).
DEFAULT_API_PATH = "/api/v2/"
LIMIT_MAX = 20
#: The script's stable name: partners paste it once, so never the hashed name a manifest
#: storage gives (``static()``), which the next deployment retires.
WIDGET_SCRIPT = "twinning/widget.js"


def may_view_accounts(user) -> bool:
    return user.has_perm("twinning_partners.view_partneraccess")


def editable_cities(user):
    """Partner city pages the user may edit (in any language)."""
    pages = page_permission_policy().instances_user_has_permission_for(user, "change")
    return PartnerCityPage.objects.filter(pk__in=pages.values("pk"))


def may_use(user) -> bool:
    return user.is_active and (may_view_accounts(user) or editable_cities(user).exists())


def partner_cities(user) -> list[PartnerCityPage]:
    """One page per city (the default language's when there is one), by title."""
    pages = PartnerCityPage.objects.live().select_related("locale")
    if not may_view_accounts(user):
        keys = editable_cities(user).values("translation_key")
        pages = pages.filter(translation_key__in=keys)
    default = Locale.get_default().pk if Locale.objects.exists() else None
    chosen = {}
    for page in pages.order_by("title"):
        if page.translation_key not in chosen or page.locale_id == default:
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.title.casefold())


def content_languages() -> list[tuple[str, str]]:
    return list(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES))


class WidgetForm(forms.Form):
    partner = forms.TypedChoiceField(label=_("Partner city"), coerce=int)
    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_("The language of the partner's readers."),
    )
    limit = forms.IntegerField(
        label=_("Number of stories"),
        min_value=1,
        max_value=LIMIT_MAX,
        initial=5,
    )

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.cities = {city.pk: city for city in cities}
        self.fields["partner"].choices = [(city.pk, city.title) for city in cities]
        self.fields["language"].choices = content_languages()

    def clean_partner(self):
        return self.cities[self.cleaned_data["partner"]]


def partner_attribute(city: PartnerCityPage) -> str:
    """What the widget's ``partner`` attribute names: the Wikidata ID, else the page id."""
    return city.wikidata_id or str(city.pk)


def city_for(cities: list[PartnerCityPage], page_id: str | None) -> PartnerCityPage | None:
    """The city of ``?partner=<page id>`` (the page in any of its languages)."""
    try:
        page = PartnerCityPage.objects.get(pk=int(page_id or ""))
    except (ValueError, PartnerCityPage.DoesNotExist):
        return None
    return next((city for city in cities if city.translation_key == page.translation_key), None)


def initial_language(city: PartnerCityPage | None) -> str:
    """The first language of the city's account, else the site's."""
    codes = [code for code, _name in content_languages()]
    access = (
        PartnerAccess.objects.filter(partner__translation_key=city.translation_key)
        .order_by("-is_active", "pk")
        .first()
        if city is not None
        else None
    )
    for code in access.languages if access else []:
        if code in codes:
            return code
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in codes else codes[0]


def snippets(request, city: PartnerCityPage, language: str, limit: int) -> dict:
    """The two snippets to paste, with absolute URLs; ``api`` only where it must be said."""
    script_url = absolute_url(request, f"{settings.STATIC_URL}{WIDGET_SCRIPT}")
    try:
        listing = absolute_url(request, reverse("wagtailapi:pages:listing"), api=True)
    except NoReverseMatch:
        listing = ""
    api_url = listing.removesuffix("pages/")
    script = urlsplit(script_url)
    derived = f"{script.scheme}://{script.netloc}{DEFAULT_API_PATH}"
    attributes = {
        "partner": partner_attribute(city),
        "lang": language,
        "api": api_url if api_url and api_url != derived else "",
    }
    script_tag = f'<script src="{script_url}" type="module"></script>'

    def element(name: str, **extra) -> str:
        values = {**attributes, **extra}
        shown = " ".join(f'{key}="{value}"' for key, value in values.items() if value)
        return f"<{name} {shown}></{name}>"

    return {
        "script_url": script_url,
        "attributes": attributes,
        "stories": f"{script_tag}\n{element('twinning-stories', limit=limit)}",
        "partnership": f"{script_tag}\n{element('twinning-partnership')}",
    }


class WidgetView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "twinning/partners/widget/index.html"
    page_title = _("Widget for partners")
    header_icon = "code"
    _show_breadcrumbs = True

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not may_use(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cities = partner_cities(self.request.user)
        query = self.request.GET
        chosen = city_for(cities, query.get("partner"))
        if chosen is None and "partner" not in query and cities:
            chosen = cities[0]
        data = {
            "partner": query.get("partner", chosen.pk if chosen else ""),
            "language": query.get("language") or initial_language(chosen),
            "limit": query.get("limit") or 5,
        }
        if chosen is not None:
            data["partner"] = chosen.pk
        form = WidgetForm(data, cities=cities)
        context.update(form=form, cities=cities)
        if cities and form.is_valid():
            context["widget"] = snippets(
                self.request,
                form.cleaned_data["partner"],
                form.cleaned_data["language"],
                form.cleaned_data["limit"],
            )
            context["widget"]["limit"] = form.cleaned_data["limit"]
        return context


@hooks.register("register_admin_urls")
def register_widget_urls():
    return [path("partners/widget/", WidgetView.as_view(), name=URL_NAME)]


class WidgetMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use(request.user)


@hooks.register("register_settings_menu_item")
def register_widget_menu_item():
    return WidgetMenuItem(
        _("Widget for partners"),
        reverse(URL_NAME),
        name="partner-widget",
        icon_name="code",
        order=630,
    )
