"""`bridgehub screen-messages MESSAGES.jsonl --out FLAGS.jsonl`: the product's screen over a file.

Input: one message per line as in ../shared/eval/trust/README.md (id, lang, sender{kind, name,
verified, email_domain}, recipient_kind, channel, text). Output: one line per message,
{"id", "flag", "score", "reasons"}. A malformed line is reported with its line number and field,
and nothing is written (the output lands whole or not at all).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .screen import Sender, screen


class BatchError(ValueError):
    """The input file has lines that cannot be screened; every problem is named."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _message(line_number: int, row: Any) -> tuple[str, str, Sender, str] | str:
    """The fields the screen needs, or what is wrong with the line."""
    if not isinstance(row, dict):
        return f"line {line_number}: expected a JSON object"
    sender = row.get("sender")
    missing = [name for name in ("id", "text", "recipient_kind") if not isinstance(row.get(name), str)]
    if not isinstance(sender, dict):
        missing.append("sender")
    else:
        missing += [f"sender.{name}" for name in ("kind", "name", "email_domain")
                    if not isinstance(sender.get(name), str)]
        if not isinstance(sender.get("verified"), bool):
            missing.append("sender.verified")
    if missing:
        return f"line {line_number}: missing or invalid {', '.join(missing)}"
    assert isinstance(sender, dict)
    return (row["id"], row["text"], Sender(sender["kind"], sender["name"], sender["verified"], sender["email_domain"]),
            row["recipient_kind"])


def screen_file(source: Path, out: Path) -> dict[str, int]:
    """Screen every message of `source` into `out`; returns counts (messages, flagged)."""
    rows, problems = [], []
    with source.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                parsed = _message(line_number, json.loads(line))
            except json.JSONDecodeError as error:
                parsed = f"line {line_number}: not JSON ({error.msg})"
            if isinstance(parsed, str):
                problems.append(parsed)
            else:
                rows.append(parsed)
    if problems:
        raise BatchError(problems)
    lines = []
    flagged = 0
    for message_id, text, sender, recipient_kind in rows:
        verdict = screen(text, sender, recipient_kind)
        flagged += verdict.flag
        lines.append(json.dumps({"id": message_id, "flag": verdict.flag, "score": verdict.score,
                                 "reasons": list(verdict.reasons)}, ensure_ascii=False))
    out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return {"messages": len(rows), "flagged": flagged}
