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


class ActorKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    SCHOOL = "school", _("School")
    UNIVERSITY = "university", _("University")
    SOCIAL_CENTRE = "social_centre", _("Social centre")
    COMPANY = "company", _("Company")
    PUBLIC_BODY = "public_body", _("Public body")


class CallStatus(models.TextChoices):
    """Derived from a call's dates, never stored: see ProjectCallPage.status_at."""

    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
