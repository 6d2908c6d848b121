"""Uploads go to S3-compatible object storage when the environment names a bucket, so that
several app servers share them; otherwise to MEDIA_ROOT.

Each case reads the settings in a subprocess with an environment of its own, as a server
starts: nothing connects to the storage.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
S3 = "storages.backends.s3.S3Storage"
#: Settings modules whose "default" storage follows base.py's section.
MODULES = ["cms.settings.base", "cms.settings.dev", "cms.settings.production"]
#: What production refuses to start without (a strong key, a database).
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k7#Qz!2vR9@pL4$wX8^mN3&bT6*yH1(cJ5)dF0_gS-eA+uV=iO",
    "DATABASE_URL": "postgres://twinning@127.0.0.1:5432/twinning",
}


def default_storage_setting(module: str, **env: str) -> dict:
    """STORAGES["default"] of ``module`` as a process started with ``env`` has it."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIA_", "AWS_"))}
    environ.update(DJANGO_SETTINGS_MODULE=module, **env)
    if module == "cms.settings.production":
        environ.update(PRODUCTION_ENV)
    code = f"import json, {module} as s; print(json.dumps(s.STORAGES['default']))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize("module", MODULES)
def test_without_a_bucket_uploads_stay_in_the_media_folder(module):
    assert default_storage_setting(module) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


@pytest.mark.parametrize("module", MODULES)
def test_a_bucket_in_the_environment_selects_object_storage(module):
    storage = default_storage_setting(
        module,
        MEDIA_STORAGE_BUCKET="twinning-media",
        MEDIA_STORAGE_ENDPOINT_URL="https://s3.fr-par.example.net",
        MEDIA_STORAGE_REGION="fr-par",
        MEDIA_STORAGE_CUSTOM_DOMAIN="media.example.org",
        MEDIA_STORAGE_ACCESS_KEY_ID="AKEXAMPLE",
        MEDIA_STORAGE_SECRET_ACCESS_KEY="a-secret",
    )
    assert storage["BACKEND"] == S3
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "twinning-media"
    assert options["endpoint_url"] == "https://s3.fr-par.example.net"
    assert options["region_name"] == "fr-par"
    assert options["custom_domain"] == "media.example.org"
    assert (options["access_key"], options["secret_key"]) == ("AKEXAMPLE", "a-secret")
    # Image URLs held by cached pages never expire; two uploads of one name both survive;
    # the bucket's policy, not an ACL per object, says what is public (never documents/).
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert options["default_acl"] is None


def test_credentials_left_unset_come_from_boto3s_own_chain():
    options = default_storage_setting("cms.settings.base", MEDIA_STORAGE_BUCKET="media")["OPTIONS"]
    assert "access_key" not in options and "secret_key" not in options
    assert "endpoint_url" not in options  # Amazon S3 itself


def test_documents_stay_behind_wagtails_view_with_object_storage():
    code = "import json, cms.settings.base as s; print(json.dumps(s.WAGTAILDOCS_SERVE_METHOD))"
    environ = {**os.environ, "MEDIA_STORAGE_BUCKET": "media"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == "serve_view"  # never a redirect to the bucket
