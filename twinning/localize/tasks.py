"""The translation workflow's background tasks (django-tasks)."""

from django_tasks import task


@task()
def run_translation_job(job_id: int) -> str:
    """Submit a ``TranslationJob``'s pages for translation; its final status."""
    from twinning.localize.bulk_submission import run_job

    return run_job(job_id).status
