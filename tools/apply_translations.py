"""Fill the .po files from a translation table, and report what is still missing.

Usage: python tools/apply_translations.py TABLE.py [TABLE.py ...]
Each TABLE.py defines dicts mapping msgid (with "[context] " prefix when the msgid has a
context) to (zh-Hant, ja). Entries already translated in the .po files are kept.
"""

import runpy
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "src" / "bridgehub" / "locale"


def main(tables: list[str]) -> int:
    table: dict[str, tuple[str, str]] = {}
    for path in tables:
        for name, value in runpy.run_path(path).items():
            if isinstance(value, dict) and not name.startswith("__"):  # not the module's __builtins__
                table.update(value)
    missing = 0
    for index, language in ((0, "zh_Hant"), (1, "ja")):
        po_path = LOCALE / language / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(po_path))
        for entry in po:
            key = (f"[{entry.msgctxt}] " if entry.msgctxt else "") + entry.msgid
            if entry.translated() and "fuzzy" not in entry.flags:
                continue
            if key not in table:
                missing += 1
                print(f"{language}: missing {key!r}")
                continue
            text = table[key][index]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: text}
            else:
                entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save(str(po_path))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
