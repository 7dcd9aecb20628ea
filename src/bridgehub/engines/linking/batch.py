"""`bridgehub link-news DIRECTORY.jsonl ITEMS.jsonl --out LINKS.jsonl`: the product's linker over files.

Input as in ../shared/eval/signals/README.md: a directory (one organisation per line: id, names) and
items (one per line: id, lang, text). Output: one line per item, {"id", "orgs"}. A malformed line is
reported with its file, line number and field, and nothing is written (the output lands whole or not
at all).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from .carry import LinkedText, carry_over_translations
from .language import LANGUAGES, detect_language
from .link import Entry, Linker
from .stories import TRANSLATION_THRESHOLD

Row = TypeVar("Row")


class LinkFileError(ValueError):
    """An input file has lines that cannot be read; every problem is named."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:20]) + (f"; and {len(problems) - 20} more" if len(problems) > 20 else ""))
        self.problems = problems


def _entry(row: dict[str, Any]) -> Entry | str:
    names = row.get("names")
    if not isinstance(row.get("id"), str) or not row["id"]:
        return "missing or invalid id"
    if not isinstance(names, list) or not names or not all(isinstance(name, str) and name.strip() for name in names):
        return "names must be a non-empty list of non-empty strings"
    return Entry(row["id"], tuple(names))


def _item(row: dict[str, Any]) -> tuple[str, str, str] | str:
    missing = [field for field in ("id", "text") if not isinstance(row.get(field), str)]
    if missing:
        return f"missing or invalid {', '.join(missing)}"
    language = row.get("lang")
    if language is not None and language not in LANGUAGES:
        return f"lang must be one of {', '.join(LANGUAGES)}"
    return row["id"], language or detect_language(row["text"]), row["text"]


def _read(path: Path, parse: Callable[[dict[str, Any]], Row | str], problems: list[str]) -> list[Row]:
    rows: list[Row] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{path.name} line {number}: not JSON ({error.msg})")
                continue
            parsed = parse(raw) if isinstance(raw, dict) else "expected a JSON object"
            if isinstance(parsed, str):
                problems.append(f"{path.name} line {number}: {parsed}")
            elif raw["id"] in seen:
                problems.append(f"{path.name} line {number}: id {raw['id']!r} repeats an earlier line")
            else:
                seen.add(raw["id"])
                rows.append(parsed)
    return rows


def link_files(directory: Path, items: Path, out: Path,
               encode: Callable[[list[str]], np.ndarray] | None = None) -> dict[str, int]:
    """Link every item of `items` against `directory` into `out`; returns counts.

    With `encode` (the encoder's query vectors), an English item that translates another item of the
    file also gets the organisations its original names and the directory lists in the other script
    only, where the English text shows a name for them (see `carry`): what the product does when a
    translation joins its story."""
    problems: list[str] = []
    entries = _read(directory, _entry, problems)
    texts = _read(items, _item, problems)
    if problems:
        raise LinkFileError(problems)
    linker = Linker(entries)
    linked = [LinkedText(item_id, language, text,
                         [(mention.start, mention.end, mention.ids) for mention in linker.mentions(text)])
              for item_id, language, text in texts]
    gained = {}
    if encode is not None:
        names = {entry.id: entry.names for entry in entries}
        gained = carry_over_translations(linked, names, encode, TRANSLATION_THRESHOLD)
    lines, links = [], 0
    for item in linked:
        found = sorted(item.organisations | set(gained.get(item.key, ())))
        links += len(found)
        lines.append(json.dumps({"id": item.key, "orgs": found}, ensure_ascii=False))
    out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return {"organisations": len(entries), "items": len(texts), "links": links,
            "carried_from_translations": sum(map(len, gained.values()))}
