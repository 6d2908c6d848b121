"""Keep inline children in their page's language.

Wagtail's copy for translation (8.0 with modelcluster 6.5) leaves copied children in the
source locale, which breaks the (translation_key, locale) uniqueness of milestones.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .models import PartnershipMilestone


@receiver(pre_save, sender=PartnershipMilestone)
def keep_milestone_in_page_locale(sender, instance, **kwargs):
    page_locale_id = getattr(instance.page, "locale_id", None)
    if page_locale_id and instance.locale_id != page_locale_id:
        instance.locale_id = page_locale_id
