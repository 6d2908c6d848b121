"""The admin's side of translation jobs: submit a section, watch its progress."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy

from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale, Page

from twinning.localize import bulk_submission
from twinning.localize.models import TranslationJob

PERMISSION = "wagtail_localize.submit_translation"


def may_submit(user) -> bool:
    return user.has_perm(PERMISSION)


class TranslationJobForm(forms.Form):
    page = forms.ModelChoiceField(
        label=gettext_lazy("Page"),
        queryset=Page.objects.filter(depth__gt=1),
        widget=AdminPageChooser(),
    )
    include_descendants = forms.BooleanField(
        label=gettext_lazy("Include the pages below it"), required=False
    )
    locales = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Languages"),
        queryset=Locale.objects.order_by("language_code"),
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        if "page" in data and "locales" in data:
            for problem in bulk_submission.check(data["page"], data["locales"]):
                self.add_error(None, problem)
        return data


def submit_section(request):
    """Choose a page, whether its descendants come too, and languages: a queued job."""
    if not may_submit(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = TranslationJobForm(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    job = bulk_submission.create_job(
                        form.cleaned_data["page"],
                        form.cleaned_data["locales"],
                        include_descendants=form.cleaned_data["include_descendants"],
                        user=request.user,
                    )
                    bulk_submission.enqueue(job)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("twinning_translation_job", job.pk)
    else:
        initial = {}
        page_id = request.GET.get("page", "")
        if page_id.isdigit():
            page = Page.objects.filter(pk=int(page_id), depth__gt=1).first()
            if page is not None:
                initial = {"page": page, "include_descendants": page.numchild > 0}
        form = TranslationJobForm(initial=initial)
    return TemplateResponse(
        request,
        "twinning/admin/translation_job_form.html",
        {"form": form, "jobs": TranslationJob.objects.select_related("root")[:10]},
    )


def progress(job: TranslationJob) -> dict:
    """What the progress page shows, and refreshes from (as JSON)."""
    return {
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "over": job.is_over,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "created": job.created,
        "skipped": job.skipped,
        "errors": job.errors,
    }


def translations_of(job: TranslationJob) -> list[dict]:
    """The section in each of the job's languages, where it exists, for links."""
    pages = {
        page.locale_id: page
        for page in Page.objects.filter(
            translation_key=job.root.translation_key, locale__in=job.locales.all()
        )
    }
    return [
        {
            "language": locale.get_display_name(),
            "page": pages.get(locale.pk),
        }
        for locale in job.locales.order_by("language_code")
    ]


def translation_job(request, job_id: int):
    """The job's progress: a page that refreshes its figures, or them alone as JSON."""
    if not may_submit(request.user):
        raise PermissionDenied
    job = get_object_or_404(TranslationJob.objects.select_related("root"), pk=job_id)
    if request.GET.get("format") == "json":
        return JsonResponse(progress(job))
    return TemplateResponse(
        request,
        "twinning/admin/translation_job.html",
        {
            "job": job,
            "progress": progress(job),
            "translations": translations_of(job),
            "progress_url": reverse("twinning_translation_job", args=[job.pk]) + "?format=json",
            "report_url": reverse("wagtail_localize:translations_report"),
        },
    )


def register_translation_job_urls():
    return [
        path("localize/jobs/new/", submit_section, name="twinning_submit_translation_job"),
        path("localize/jobs/<int:job_id>/", translation_job, name="twinning_translation_job"),
    ]
