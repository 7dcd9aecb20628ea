"""`bridgehub schedule INSTANCE.json --time-limit S --out SCHEDULE.json`, callable without Django."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .instance import InstanceError, parse_instance, schedule_to_dict
from .solve import solve


def run_schedule(instance_path: Path, *, time_limit: float, out: Path | None, seed: int = 0,
                 threads: int | None = None) -> dict[str, Any]:
    """Solve an instance file, write the schedule, return the one-line summary (or the errors)."""
    try:
        data = json.loads(instance_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        return {"feasible": False, "errors": [f"{instance_path}: {error}"]}
    try:
        instance = parse_instance(data)
        result = solve(instance, time_limit=time_limit, seed=seed, threads=threads)
    except InstanceError as error:
        return {"feasible": False, "errors": error.problems}
    if out is not None:
        out.write_text(json.dumps(schedule_to_dict(result.meetings)), encoding="utf-8")
    summary = result.summary()
    if instance.warnings:
        summary["warnings"] = instance.warnings
    return summary
