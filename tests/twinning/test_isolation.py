"""The plugin stands alone: nothing in it, its tests or its test project reads Aix's site.

A host installs ``twinning`` without ``cms`` or ``home``; an import of either would break
that host at start-up, or make the plugin's tests pass only next to the reference site.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
SITE_PACKAGES = {"cms", "home"}


def site_imports(path: Path) -> list[str]:
    """The ``cms``/``home`` imports of a module, as ``file:line module``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        else:
            continue
        for name in names:
            if name.split(".")[0] in SITE_PACKAGES:
                found.append(f"{path.relative_to(REPOSITORY)}:{node.lineno} {name}")
    return found


def modules_under(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (REPOSITORY / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", ["twinning", "tests/twinning", "tests/project"])
def test_plugin_and_its_tests_never_import_the_reference_site(folder):
    modules = modules_under(folder)
    assert modules, f"no modules found under {folder}"
    offending = [line for path in modules for line in site_imports(path)]
    assert offending == [], "imports of the reference site:\n" + "\n".join(offending)


def test_the_scan_sees_every_form_of_import(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.REPOSITORY", tmp_path)
    module = tmp_path / "module.py"
    module.write_text(
        "import cms.settings\n"
        "from home.models import HomePage\n"
        "import importlib\n"
        "importlib.import_module('home.demo')\n"
        "from twinning import conf\n"
        "from .home import x\n"
    )
    assert site_imports(module) == [
        "module.py:1 cms.settings",
        "module.py:2 home.models",
        "module.py:4 home.demo",
    ]


def test_test_project_settings_import_nothing_of_the_reference_site():
    from tests.project import settings as project_settings

    assert site_imports(Path(project_settings.__file__)) == []
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, tests.project.settings; "
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {'cms', 'home'})))",
        ],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == ""
    assert not {app.split(".")[0] for app in project_settings.INSTALLED_APPS} & SITE_PACKAGES
    assert project_settings.ROOT_URLCONF == "tests.project.urls"
    directories = [str(d) for template in project_settings.TEMPLATES for d in template["DIRS"]]
    assert not [d for d in directories if Path(d).parent.name in SITE_PACKAGES], directories
