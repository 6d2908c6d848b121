"""The partner account form: one validation for the admin and the ``partner_access`` command."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from twinning.locales import source_locale
from twinning.models import PartnerCityPage
from twinning.partners import tokens
from twinning.partners.events import SUBSCRIBABLE
from twinning.partners.models import PartnerAccess


def language_choices() -> list[tuple[str, str]]:
    return [
        (code, f"{name} ({code})")
        for code, name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)
    ]


def partner_cities():
    """Partner city pages in the source language (each city once)."""
    cities = PartnerCityPage.objects.all()
    locale = source_locale()
    if locale is not None:
        cities = cities.filter(locale=locale)
    return cities.order_by("title", "pk")


class PartnerCityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.live:
            return obj.title
        return _("%(title)s (not published)") % {"title": obj.title}


class WebhookURLField(forms.URLField):
    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)


class PartnerAccessForm(WagtailAdminModelForm):
    partner = PartnerCityChoiceField(
        queryset=PartnerCityPage.objects.none(),
        label=_("Partner city"),
        empty_label=_("Choose a partner city"),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of interest"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages the partner reads and translates into: at least one."),
        error_messages={"required": _("Tick at least one language.")},
    )
    events = forms.MultipleChoiceField(
        label=_("Webhook events"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        choices=[(event.value, event.label) for event in SUBSCRIBABLE],
        help_text=_("None ticked: the partner is sent every event."),
    )

    class Meta:
        model = PartnerAccess
        fields = [
            "partner",
            "contact_name",
            "contact_email",
            "languages",
            "events",
            "webhook_url",
            "is_active",
        ]
        field_classes = {"webhook_url": WebhookURLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cities = partner_cities()
        if self.instance.partner_id:  # keep the page chosen before, whatever its language
            cities = cities | PartnerCityPage.objects.filter(pk=self.instance.partner_id)
        self.fields["partner"].queryset = cities
        self.fields["languages"].choices = language_choices()
        #: The webhook secret made by the last save, to show once ("" when none was made).
        self.new_secret = ""

    def clean_languages(self):
        chosen = set(self.cleaned_data["languages"])
        return [code for code, _label in language_choices() if code in chosen]

    def clean_events(self):
        chosen = set(self.cleaned_data["events"])
        return [event.value for event in SUBSCRIBABLE if event.value in chosen]

    def clean_webhook_url(self):
        url = self.cleaned_data["webhook_url"].strip()
        if url:
            from twinning.partners.network import validate_webhook_url

            validate_webhook_url(url)
        return url

    def save(self, commit=True):
        access = super().save(commit=False)
        if access.webhook_url and not access.webhook_secret:
            access.webhook_secret = self.new_secret = tokens.new_webhook_secret()
        if commit:
            access.save()
        return access
