from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnershipKind(models.TextChoices):
    TWINNING = "twinning", _("Twinning")
    COOPERATION = "cooperation", _("Cooperation agreement")
    FRIENDSHIP = "friendship", _("Friendship pact")
    PROJECT = "project", _("Project partnership")


class PartnershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    ENDED = "ended", _("Ended")


class MilestoneKind(models.TextChoices):
    SIGNING = "signing", _("Signing")
    RENEWAL = "renewal", _("Renewal")
    OFFICIAL_VISIT = "visit", _("Official visit")
    EVENT = "event", _("Event")
    ANNIVERSARY = "anniversary", _("Anniversary")
    AWARD = "award", _("Award")


class Audience(models.TextChoices):
    STUDENTS = "students", _("Students")
    PUPILS = "pupils", _("School pupils")
    APPRENTICES = "apprentices", _("Apprentices")
    OFFICIALS = "officials", _("Elected officials and staff")
    ASSOCIATIONS = "associations", _("Associations")
    PUBLIC = "public", _("General public")


class Continent(models.TextChoices):
    """UN geoscheme regions, as given for each country by the countryinfo package."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")
