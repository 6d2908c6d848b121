"""System checks of the plugin's requirements on its host (``manage.py check``)."""
