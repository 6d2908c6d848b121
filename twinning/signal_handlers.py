"""The content app's signal receivers, connected by ``TwinningConfig.ready()``.

Wagtail's copy for translation (8.0 with modelcluster 6.5) leaves copied inline children
in the source locale, which breaks the (translation_key, locale) uniqueness of milestones:
they are kept in their page's language.
"""

from django.db.models.signals import pre_save


def keep_milestone_in_page_locale(sender, instance, **kwargs):
    page_locale_id = getattr(instance.page, "locale_id", None)
    if page_locale_id and instance.locale_id != page_locale_id:
        instance.locale_id = page_locale_id


def connect() -> None:
    from twinning.models import PartnershipMilestone

    pre_save.connect(
        keep_milestone_in_page_locale,
        sender=PartnershipMilestone,
        dispatch_uid="twinning_keep_milestone_in_page_locale",
    )
