"""The demo's user accounts, shared by the loader (which creates them) and the banner.

Passwords come from the ``DEMO_PASSWORD`` environment variable; they are set when an
account is created and never changed afterwards.
"""

import os

from home.demo.moderation import REVIEWERS, WORKFLOW_NAME
from home.demo.specs import UserSpec

PASSWORD_VARIABLE = "DEMO_PASSWORD"
DEFAULT_PASSWORD = "aix-twinning-demo"

USERS = (
    UserSpec(username="admin", email="admin@example.com", superuser=True),
    # Wagtail's own "Editors" group, created by its initial migrations.
    UserSpec(
        username="editor",
        email="editor@example.com",
        groups=("Editors",),
        note="writes stories and submits them for review",
    ),
    # Approving is the workflow's last step, so it publishes: see moderation.py.
    UserSpec(
        username="reviewer",
        email="reviewer@example.com",
        groups=(REVIEWERS,),
        note=f"approves and so publishes stories ({WORKFLOW_NAME!r})",
    ),
)


def demo_password() -> str:
    return os.environ.get(PASSWORD_VARIABLE) or DEFAULT_PASSWORD
