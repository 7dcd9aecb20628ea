"""Every interface string is translated into zh-Hant and ja, and pages render in each."""

from pathlib import Path

import polib
import pytest
from django.test import Client

LOCALE = Path(__file__).resolve().parent.parent / "src" / "bridgehub" / "locale"


@pytest.mark.parametrize("language", ["zh_Hant", "ja"])
def test_po_file_has_no_untranslated_or_fuzzy_entries(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 250
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["zh_Hant", "ja"])
def test_placeholders_survive_translation(language):
    import re

    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    # Every named placeholder, whatever its conversion: %(name)s, %(count)d, %(share).1f.
    placeholder = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]")
    broken = []
    for entry in po:
        expected = sorted(placeholder.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        broken += [entry.msgid for text in translations if sorted(placeholder.findall(text)) != expected]
    assert broken == []


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "heading"), [("zh-hant", "名錄"), ("ja", "ディレクトリ"), ("en", "Directory")])
def test_language_switcher_changes_the_interface(world, language, heading):
    client = Client()
    response = client.post("/i18n/setlang/", {"language": language, "next": "/directory/"}, follow=True)
    assert f"<h1>{heading}</h1>" in response.content.decode()


@pytest.mark.django_db
def test_profile_shown_in_readers_language_else_original_with_language_marked(world):
    from tests.factories.core import ProfileTextFactory

    ProfileTextFactory(organisation=world.organisation, language="ja", tagline="エッジAIチップ", summary="日本語の紹介")
    client = Client()
    japanese = client.get("/o/secret-chips/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    chinese = client.get("/o/secret-chips/", HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    # The Japanese reader gets the Japanese version, unmarked.
    assert '<section class="profile-text" lang="ja">' in japanese
    assert 'lang-badge" lang="ja"' not in japanese.split("<details>")[0]
    # No Chinese version: the reader gets the original (English), marked as English.
    assert '<section class="profile-text" lang="en">' in chinese
    assert '<span class="lang-badge" lang="en"' in chinese


@pytest.mark.django_db
def test_times_are_shown_in_the_viewers_zone_with_the_hub_zone_named(world):
    from datetime import UTC, datetime

    from bridgehub.directory.models import ImportBatch

    batch = ImportBatch.objects.create(hub=world.taipei, kind="organisations", filename="t.csv")
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=datetime(2026, 11, 25, 1, 0, tzinfo=UTC))
    world.taipei_operator.time_zone = "Asia/Tokyo"
    world.taipei_operator.save()
    client = Client()
    client.force_login(world.taipei_operator)
    page = client.get("/manage/taipei/imports/").content.decode()
    assert "2026-11-25 10:00 (Tokyo)" in page
    assert "2026-11-25 09:00 hub time (Taipei)" in page


PACKAGE = LOCALE.parent


def test_makemessages_finds_no_string_left_untranslated(tmp_path):
    """Extract the interface strings afresh from the code and templates, in a scratch copy of the
    package, and merge them into a copy of the .po files: a string added without its zh-Hant and ja
    translation (or one whose msgid changed) shows up here as untranslated or fuzzy."""
    import shutil
    import subprocess
    import sys

    scratch = tmp_path / "bridgehub"
    shutil.copytree(PACKAGE, scratch, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static"))
    before = {path: path.read_bytes() for path in LOCALE.rglob("*.po")}
    command = [sys.executable, "-m", "bridgehub", "makemessages", "-l", "zh_Hant", "-l", "ja", "--no-obsolete",
               "--no-location", "--verbosity", "0"]
    result = subprocess.run(command, cwd=scratch, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603
    assert result.returncode == 0, result.stderr
    missing = {}
    for language in ("zh_Hant", "ja"):
        po = polib.pofile(str(scratch / "locale" / language / "LC_MESSAGES" / "django.po"))
        missing[language] = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
    assert missing == {"zh_Hant": [], "ja": []}
    assert {path: path.read_bytes() for path in LOCALE.rglob("*.po")} == before  # the real files are untouched


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hant", "ja", "en"])
def test_counts_people_read_are_grouped_in_every_language(language):
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load i18n bridgehub %}{% blocktranslate count counter=n with shown=n|grouped %}"
                        "{{ shown }} organisation{% plural %}{{ shown }} organisations{% endblocktranslate %}"
                        " / {{ year }}")
    with translation.override(language):
        text = template.render(Context({"n": 12345, "year": 2019}))
    assert "12,345" in text and "2019" in text and "2,019" not in text  # ids and years stay as they are
