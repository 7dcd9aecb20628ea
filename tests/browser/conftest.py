"""Playwright drives Debian's Chromium (Playwright's own browser download does not work here)."""

import importlib
import os
import shutil

import pytest
from django.apps import apps

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")  # Playwright's sync API runs an event loop


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail("Debian chromium is not installed: `apt-get install chromium` (.ci/run does this)")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"],
    }


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _taxonomy(transactional_db):
    """A live-server test is transactional: the previous one's teardown flushed every table, the
    migrated sector taxonomy included. Load it again (the migration's own function)."""
    importlib.import_module("bridgehub.directory.migrations.0002_taxonomy").load_taxonomy(apps, None)
