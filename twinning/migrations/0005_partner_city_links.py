"""Links to partner cities by the city's translation key and the linking page's locale.

Every language version of a story, event or call may link the source language's city:
a city page in German read the links of every language to keep the German pages. Each
link is now kept with both, under an index, filled here for the links that exist.
"""

import django.db.models.deletion
from django.db import migrations, models

#: Linking page models and their field on PartnerCityLink.
LINKING_MODELS = {"exchangestorypage": "story", "eventpage": "event", "projectcallpage": "call"}


def fill_links(apps, schema_editor):
    link_model = apps.get_model("twinning", "PartnerCityLink")
    for model_name, name in LINKING_MODELS.items():
        through = apps.get_model("twinning", model_name)._meta.get_field("partner_cities")
        through = through.remote_field.through
        rows = through.objects.values_list(
            f"{model_name}_id",
            "partnercitypage_id",
            "partnercitypage__translation_key",
            f"{model_name}__locale_id",
        )
        link_model.objects.bulk_create(
            (
                link_model(city_id=city, city_key=key, locale_id=locale, **{f"{name}_id": pk})
                for pk, city, key, locale in rows.iterator(chunk_size=2000)
            ),
            batch_size=2000,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("twinning", "0004_image_alt_text"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.CreateModel(
            name="PartnerCityLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("city_key", models.UUIDField()),
                (
                    "call",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="twinning.projectcallpage",
                    ),
                ),
                (
                    "city",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="twinning.partnercitypage",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="twinning.eventpage",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
                (
                    "story",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="twinning.exchangestorypage",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        condition=models.Q(("story__isnull", False)),
                        fields=["city_key", "locale", "story"],
                        name="twinning_citylink_story",
                    ),
                    models.Index(
                        condition=models.Q(("event__isnull", False)),
                        fields=["city_key", "locale", "event"],
                        name="twinning_citylink_event",
                    ),
                    models.Index(
                        condition=models.Q(("call__isnull", False)),
                        fields=["city_key", "locale", "call"],
                        name="twinning_citylink_call",
                    ),
                ],
            },
        ),
        migrations.RunPython(fill_links, migrations.RunPython.noop, elidable=True),
    ]
