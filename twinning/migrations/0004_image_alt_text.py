"""Alternative text of hero and milestone images, written and translated with the page."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("twinning", "0003_page_listing_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="hero_image_alt",
            field=models.CharField(
                blank=True,
                help_text="Describes the picture for people who cannot see it. Translated with the page; when empty, the image's description (or else its title) is used.",
                max_length=255,
                verbose_name="Alternative text",
            ),
        ),
        migrations.AddField(
            model_name="exchangestorypage",
            name="hero_image_alt",
            field=models.CharField(
                blank=True,
                help_text="Describes the picture for people who cannot see it. Translated with the page; when empty, the image's description (or else its title) is used.",
                max_length=255,
                verbose_name="Alternative text",
            ),
        ),
        migrations.AddField(
            model_name="partnercitypage",
            name="hero_image_alt",
            field=models.CharField(
                blank=True,
                help_text="Describes the picture for people who cannot see it. Translated with the page; when empty, the image's description (or else its title) is used.",
                max_length=255,
                verbose_name="Alternative text",
            ),
        ),
        migrations.AddField(
            model_name="partnershipmilestone",
            name="image_alt",
            field=models.CharField(
                blank=True,
                help_text="Describes the picture for people who cannot see it. Translated with the page; when empty, the image's description (or else its title) is used.",
                max_length=255,
                verbose_name="Alternative text",
            ),
        ),
    ]
