"""The README's examples for partner cities work: curl, Python and JavaScript, run
against a live server with the examples' address replaced by the server's."""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.twinning.api.conftest import build_world

README = Path(__file__).resolve().parents[3] / "README.md"
LOCAL = "http://127.0.0.1:8000"


def partner_section() -> str:
    """The README's "For partner cities" section on reading the API: up to its part on
    partner accounts (whose receiver test_webhook_readme_receiver.py runs)."""
    text = README.read_text()
    start = text.index("\n## For partner cities\n")
    end = text.index("\n### Your account", start)
    return text[start:end]


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", partner_section(), re.S)


@pytest.fixture
def site(live_server, transactional_db):
    """The world, committed, so that the live server's thread sees it."""
    world = build_world()
    return live_server.url, world


# Live servers need committed data; the rollback keeps the migrations' data for the
# transactional tests that run after these.
live = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_guide_has_each_kind_of_example():
    assert len(code_blocks("sh")) == 1
    assert len(code_blocks("python")) == 1
    assert len(code_blocks("js")) == 1
    python_lines = code_blocks("python")[0].strip().splitlines()
    js_lines = code_blocks("js")[0].strip().splitlines()
    assert 15 <= len(python_lines) <= 30
    assert 15 <= len(js_lines) <= 30


@live
@pytest.mark.skipif(not shutil.which("curl"), reason="curl is not installed")
def test_curl_examples_succeed(site, tmp_path):
    base, _world = site
    commands = [line for line in code_blocks("sh")[0].splitlines() if line.startswith("curl ")]
    assert len(commands) >= 5
    for command in commands:
        args = shlex.split(command.replace(LOCAL, base))
        result = subprocess.run(args, cwd=tmp_path, capture_output=True, timeout=60)
        assert result.returncode == 0, (command, result.stderr)
    calendar = (tmp_path / "tubingen.ics").read_text()
    assert "BEGIN:VCALENDAR" in calendar
    assert "Signature du jumelage" in calendar


@live
def test_python_example_lists_the_stories_and_revalidates(site):
    base, _world = site
    code = code_blocks("python")[0].replace(LOCAL, base)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == f"2016-05-09  Studierende in Tübingen  {base}/de/recits/etudiants-tubingen/"
    # The second request sends the ETag back: nothing changed, so a 304.
    assert lines[-1] == "unchanged"


@live
@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_javascript_example_draws_the_map(site):
    base, _world = site
    code = code_blocks("js")[0].replace(LOCAL, base)
    code += '\npartnerMap("de").then((svg) => console.log(svg));\n'
    result = subprocess.run(
        ["node", "--input-type=module", "-e", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    svg = result.stdout
    assert svg.startswith("<svg")
    # Tübingen at 9.0576 E, 48.5216 N on a 720 x 360 equirectangular map.
    assert '<circle cx="378.1" cy="83.0" r="4"><title>Tübingen (Deutschland)</title>' in svg
    assert "Pérouse (Italien)" in svg
    assert f'href="{base}/de/villes-partenaires/tubingen/"' in svg


def test_javascript_example_uses_documented_parameters():
    """Without node, at least the addresses the example calls are the documented ones."""
    from twinning.api.openapi import openapi_document

    spec = openapi_document("")
    code = code_blocks("js")[0]
    for path, query in re.findall(r"\$\{API\}(/[^?`]+)\?([^`]*)`", code):
        assert path in spec["paths"], path
        documented = {
            spec["components"]["parameters"][p["$ref"].rsplit("/", 1)[-1]]["name"]
            for p in spec["paths"][path]["get"]["parameters"]
        }
        for name in re.findall(r"([a-z_]+)=", query):
            assert name in documented, name
