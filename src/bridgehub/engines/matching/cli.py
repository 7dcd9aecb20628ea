"""`bridgehub read-profiles INPUT.jsonl --out OUTPUT.jsonl`: how matching reads each profile.

The same reading the product uses (reading.ProfileReader), so an operator can preview how the
texts of an import will be read before committing it. Input, one JSON object per line:
{"id", "kind" (startup / investor / corporate / talent), "country" (optional), "text"} in any of
Traditional or Simplified Chinese, Japanese or English, or mixed. Output, one line per input line:
{"id", "sectors": [{"code", "confidence"}] best first ([] when no sector of the taxonomy fits),
"stages", "needs", "offers", "role"}.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .encoders import Encoder
from .facets import Facets
from .reading import ProfileReader, ProfileText

KINDS = ("startup", "investor", "corporate", "talent")
BATCH = 256  # profiles per encoder batch: large enough to keep both cores busy, small enough for memory


class InputError(ValueError):
    """A line of the input that cannot be read; the message names the line and the field."""


def parse_lines(path: Path) -> list[tuple[str, ProfileText]]:
    """Every profile of the file, or InputError listing each bad line (nothing is read then)."""
    problems: list[str] = []
    profiles: list[tuple[str, ProfileText]] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"line {number}: not JSON ({error.msg})")
            continue
        if not isinstance(row, dict):
            problems.append(f"line {number}: expected a JSON object")
            continue
        missing = [key for key in ("id", "kind", "text") if not row.get(key)]
        if missing:
            problems.append(f"line {number}: missing {', '.join(missing)}")
            continue
        identifier, kind, text = str(row["id"]), row["kind"], row["text"]
        if kind not in KINDS:
            problems.append(f"line {number} (id {identifier}): kind {kind!r} is not one of {', '.join(KINDS)}")
        elif not isinstance(text, str):
            problems.append(f"line {number} (id {identifier}): text must be a string")
        elif identifier in seen:
            problems.append(f"line {number}: id {identifier} appears twice")
        else:
            seen.add(identifier)
            profiles.append((identifier, ProfileText(text, kind, str(row.get("country") or ""))))
    if problems:
        raise InputError("; ".join(problems))
    return profiles


def facets_line(identifier: str, facets: Facets) -> dict[str, Any]:
    return {"id": identifier,
            "sectors": [{"code": code, "confidence": round(confidence, 3)}
                        for code, confidence in facets.sectors.items()],
            "stages": list(facets.stages), "needs": sorted(facets.needs), "offers": sorted(facets.offers),
            "role": facets.role}


def read_profiles_file(source: Path, out: Path, encoder: Encoder) -> dict[str, int]:
    profiles = parse_lines(source)
    reader = ProfileReader(encoder)
    lines: list[str] = []
    for start in range(0, len(profiles), BATCH):
        batch = profiles[start:start + BATCH]
        read = reader.read([profile for _id, profile in batch])
        lines += [json.dumps(facets_line(identifier, facets), ensure_ascii=False)
                  for (identifier, _profile), facets in zip(batch, read, strict=True)]
    out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return {"profiles": len(lines), "with_sector": sum(1 for line in _read_back(lines) if line["sectors"])}


def _read_back(lines: Iterable[str]) -> Iterable[dict[str, Any]]:
    return (json.loads(line) for line in lines)
