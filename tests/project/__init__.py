"""A minimal Wagtail project for the plugin's tests: the plugin alone, without Aix's site."""
