"""Partner cities, partnerships and exchange stories for Wagtail sites."""
