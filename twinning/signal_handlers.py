"""The content app's signal receivers, connected by ``TwinningConfig.ready()``.

Wagtail's copy for translation (8.0 with modelcluster 6.5) leaves copied inline children
in the source locale, which breaks the (translation_key, locale) uniqueness of milestones:
they are kept in their page's language.
"""

from django.db.models.signals import m2m_changed, pre_save


def keep_milestone_in_page_locale(sender, instance, **kwargs):
    page_locale_id = getattr(instance.page, "locale_id", None)
    if page_locale_id and instance.locale_id != page_locale_id:
        instance.locale_id = page_locale_id


def keep_city_links(sender, instance, action, reverse, pk_set, **kwargs):
    """Keep ``PartnerCityLink`` in step with a page's ``partner_cities`` (written when a
    page is saved, published, copied or translated, and by the admin's forms)."""
    from twinning.models.cities import PartnerCityLink

    if not reverse and action in ("post_add", "post_remove", "post_clear"):
        PartnerCityLink.objects.refresh(instance._meta.concrete_model, [instance.pk])
    elif reverse and action in ("post_add", "post_remove"):
        PartnerCityLink.objects.refresh(kwargs["model"], pk_set)
    elif reverse and action == "pre_clear":  # a city losing every page of a type naming it
        PartnerCityLink.objects.of(kwargs["model"]).filter(city_id=instance.pk).delete()


def connect() -> None:
    from twinning.models import EventPage, ExchangeStoryPage, PartnershipMilestone, ProjectCallPage

    pre_save.connect(
        keep_milestone_in_page_locale,
        sender=PartnershipMilestone,
        dispatch_uid="twinning_keep_milestone_in_page_locale",
    )
    for model in (ExchangeStoryPage, EventPage, ProjectCallPage):
        m2m_changed.connect(
            keep_city_links,
            sender=model.partner_cities.through,
            dispatch_uid=f"twinning_keep_city_links_{model._meta.model_name}",
        )
