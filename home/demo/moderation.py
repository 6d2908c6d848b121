"""The stories' moderation workflow: an editor writes and submits, a reviewer approves.

Approving the last task of a Wagtail workflow publishes the page, so the reviewers'
group may change and publish the stories section (in every language's tree: translated
stories are reviewed too). Elsewhere Wagtail's default "Moderators approval" still
applies.
"""

REVIEWERS = "Reviewers"
WORKFLOW_NAME = "Relecture des récits"
TASK_NAME = "Validation par les relecteurs"
REVIEWER_PAGE_PERMISSIONS = ("change_page", "publish_page")
