"""Instance and schedule formats (`bridgehub-schedule-instance/1`), parsed into plain dataclasses.

Parsing checks every rule the README states about an instance and collects *all* problems, each
naming the item it is about, so an operator (or an API client) can fix a file in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

INSTANCE_FORMAT = "bridgehub-schedule-instance/1"


class InstanceError(ValueError):
    """The instance breaks the format; `problems` lists each one with the item it names."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems[:10]) + (f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""))


@dataclass(frozen=True)
class Participant:
    id: str
    languages: frozenset[str]
    available: frozenset[int]
    max_meetings: int | None = None


@dataclass(frozen=True)
class Interpreter:
    id: str
    languages: frozenset[str]
    available: frozenset[int]

    def covers(self, a: Participant, b: Participant) -> bool:
        """Speaks a language of each side, two different languages of its own."""
        return any(x in self.languages and y in self.languages and x != y for x in a.languages for y in b.languages)


@dataclass(frozen=True)
class Request:
    a: str
    b: str
    weight: float
    slots: frozenset[int] | None = None
    pinned_slot: int | None = None
    # A published meeting keeps its interpreter on a re-solve unless the operator allows a change.
    pinned_interpreter: str | None = None

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


@dataclass
class Instance:
    slots: int
    tables: int
    participants: dict[str, Participant]
    interpreters: dict[str, Interpreter]
    requests: list[Request]
    coverage_bonus: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # what was accepted but changed (a repeated pair merged)

    def needs_interpreter(self, request: Request) -> bool:
        a, b = self.participants[request.a], self.participants[request.b]
        return not (a.languages & b.languages)


@dataclass(frozen=True, order=True)
class Meeting:
    slot: int
    table: int
    a: str
    b: str
    interpreter: str | None = None

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


def _int_list(value: Any, where: str, problems: list[str]) -> list[int]:
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        problems.append(f"{where}: expected a list of slot numbers")
        return []
    return value


def _slot_range_problems(slots: Iterable[int], n_slots: int, where: str) -> list[str]:
    bad = sorted({s for s in slots if not 0 <= s < n_slots})
    return [f"{where}: slot {s} is out of range 0..{n_slots - 1}" for s in bad]


def parse_instance(data: Mapping[str, Any]) -> Instance:
    """Build an `Instance` from the JSON shape, or raise `InstanceError` naming every problem."""
    problems: list[str] = []
    if data.get("format", INSTANCE_FORMAT) != INSTANCE_FORMAT:
        problems.append(f"format: expected {INSTANCE_FORMAT!r}, got {data.get('format')!r}")
    n_slots, n_tables = data.get("slots"), data.get("tables")
    if not isinstance(n_slots, int) or n_slots < 1:
        raise InstanceError([f"slots: expected a positive whole number, got {n_slots!r}"])
    if not isinstance(n_tables, int) or n_tables < 0:
        raise InstanceError([f"tables: expected a whole number >= 0, got {n_tables!r}"])
    bonus = data.get("coverage_bonus", 0)
    if not isinstance(bonus, int | float) or bonus < 0:
        problems.append(f"coverage_bonus: expected a number >= 0, got {bonus!r}")
        bonus = 0

    participants: dict[str, Participant] = {}
    for index, row in enumerate(data.get("participants") or []):
        pid = row.get("id")
        where = f"participant {pid!r}" if pid else f"participants[{index}]"
        if not isinstance(pid, str) or not pid:
            problems.append(f"{where}: missing id")
            continue
        if pid in participants:
            problems.append(f"{where}: duplicate id")
            continue
        available = _int_list(row.get("available", []), f"{where} available", problems)
        problems += _slot_range_problems(available, n_slots, where)
        if not available:
            problems.append(f"{where}: no availability (no slot listed)")
        cap = row.get("max_meetings")
        if cap is not None and (not isinstance(cap, int) or cap < 0):
            problems.append(f"{where}: max_meetings must be a whole number >= 0")
            cap = None
        languages = row.get("languages") or []
        if not languages:
            problems.append(f"{where}: no language listed")
        participants[pid] = Participant(pid, frozenset(languages), frozenset(available), cap)

    interpreters: dict[str, Interpreter] = {}
    for index, row in enumerate(data.get("interpreters") or []):
        iid = row.get("id")
        where = f"interpreter {iid!r}" if iid else f"interpreters[{index}]"
        if not isinstance(iid, str) or not iid or iid in interpreters:
            problems.append(f"{where}: missing or duplicate id")
            continue
        available = _int_list(row.get("available", []), f"{where} available", problems)
        problems += _slot_range_problems(available, n_slots, where)
        languages = frozenset(row.get("languages") or [])
        if len(languages) < 2:
            problems.append(f"{where}: an interpreter needs at least two languages")
        interpreters[iid] = Interpreter(iid, languages, frozenset(available))

    requests: list[Request] = []
    warnings: list[str] = []
    seen: dict[frozenset[str], int] = {}
    position: dict[frozenset[str], int] = {}  # pair -> its place in `requests`
    for index, row in enumerate(data.get("requests") or []):
        a, b = row.get("a"), row.get("b")
        where = f"request {index} ({a}-{b})"
        unknown = [p for p in (a, b) if p not in participants]
        if unknown:
            problems += [f"{where}: unknown participant {p!r}" for p in unknown]
            continue
        if a == b:
            problems.append(f"{where}: a participant cannot meet themself")
            continue
        pair = frozenset((a, b))
        if pair in seen and pair not in position:
            continue  # the first listing was refused; its problem is already reported
        weight = row.get("weight", 1)
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight < 0:
            problems.append(f"{where}: weight must be a number >= 0")
            continue
        allowed = row.get("slots")
        if allowed is not None:
            allowed = _int_list(allowed, f"{where} slots", problems)
            problems += _slot_range_problems(allowed, n_slots, where)
        pinned = row.get("pinned_slot")
        if pinned is not None:
            if not isinstance(pinned, int) or not 0 <= pinned < n_slots:
                problems.append(f"{where}: pinned_slot {pinned!r} is out of range 0..{n_slots - 1}")
                pinned = None
            else:
                for p in (a, b):
                    if pinned not in participants[p].available:
                        problems.append(f"{where}: pinned to slot {pinned} but {p} is not available then")
        keeper = row.get("pinned_interpreter")
        if keeper is not None:
            problems += _pinned_interpreter_problems(keeper, pinned, interpreters, participants[a], participants[b],
                                                     where)
        request = Request(a, b, float(weight), frozenset(allowed) if allowed is not None else None, pinned, keeper)
        if pair in seen:
            # Real exports list a pair twice when both sides asked (A->B and B->A): one meeting, said aloud.
            first = requests[position[pair]]
            merged, problem = _merge_repeated(first, request)
            if problem:
                problems.append(f"{where}: repeats request {seen[pair]} but {problem}")
            else:
                requests[position[pair]] = merged
                warnings.append(f"{where} repeats request {seen[pair]} ({first.a}-{first.b}): "
                                "merged into one meeting")
            continue
        seen[pair] = index
        position[pair] = len(requests)
        requests.append(request)

    if problems:
        raise InstanceError(problems)
    known = {"format", "slots", "tables", "coverage_bonus", "participants", "interpreters", "requests"}
    return Instance(
        slots=n_slots,
        tables=n_tables,
        participants=participants,
        interpreters=interpreters,
        requests=requests,
        coverage_bonus=float(bonus),
        extra={k: v for k, v in data.items() if k not in known},
        warnings=warnings,
    )


def _merge_repeated(first: Request, again: Request) -> tuple[Request, str]:
    """One request from a pair listed twice, or what makes the two listings incompatible."""
    if first.pinned_slot != again.pinned_slot and None not in (first.pinned_slot, again.pinned_slot):
        return first, f"is pinned to slot {again.pinned_slot}, not {first.pinned_slot}"
    allowed = first.slots
    if again.slots is not None:
        allowed = again.slots if allowed is None else allowed & again.slots
        if not allowed:
            return first, "the two allow no common slot"
    pinned = first.pinned_slot if first.pinned_slot is not None else again.pinned_slot
    keeper = first.pinned_interpreter or again.pinned_interpreter
    return Request(first.a, first.b, max(first.weight, again.weight), allowed, pinned, keeper), ""


def _pinned_interpreter_problems(keeper: object, slot: int | None, interpreters: dict[str, Interpreter],
                                 a: Participant, b: Participant, where: str) -> list[str]:
    """A kept interpreter must exist, be there in the pinned slot and speak both sides' languages."""
    if slot is None:
        return [f"{where}: pinned_interpreter needs a pinned_slot"]
    interpreter = interpreters.get(keeper) if isinstance(keeper, str) else None
    if interpreter is None:
        return [f"{where}: pinned_interpreter {keeper!r} is not among the interpreters"]
    problems = []
    if slot not in interpreter.available:
        problems.append(f"{where}: pinned interpreter {keeper} is not available in slot {slot}")
    if not (a.languages & b.languages) and not interpreter.covers(a, b):
        problems.append(f"{where}: pinned interpreter {keeper} cannot interpret {a.id}-{b.id}")
    return problems


def instance_to_dict(instance: Instance) -> dict[str, Any]:
    """The JSON shape of an instance (sorted lists, so equal instances serialise identically)."""
    people = []
    for p in instance.participants.values():
        row: dict[str, Any] = {"id": p.id, "languages": sorted(p.languages), "available": sorted(p.available)}
        if p.max_meetings is not None:
            row["max_meetings"] = p.max_meetings
        people.append(row)
    requests = []
    for r in instance.requests:
        req: dict[str, Any] = {"a": r.a, "b": r.b, "weight": r.weight}
        if r.slots is not None:
            req["slots"] = sorted(r.slots)
        if r.pinned_slot is not None:
            req["pinned_slot"] = r.pinned_slot
        if r.pinned_interpreter is not None:
            req["pinned_interpreter"] = r.pinned_interpreter
        requests.append(req)
    return {
        "format": INSTANCE_FORMAT,
        **instance.extra,
        "slots": instance.slots,
        "tables": instance.tables,
        "coverage_bonus": instance.coverage_bonus,
        "participants": people,
        "interpreters": [
            {"id": i.id, "languages": sorted(i.languages), "available": sorted(i.available)}
            for i in instance.interpreters.values()
        ],
        "requests": requests,
    }


def schedule_to_dict(meetings: Iterable[Meeting]) -> dict[str, Any]:
    return {
        "meetings": [
            {"a": m.a, "b": m.b, "slot": m.slot, "table": m.table, "interpreter": m.interpreter}
            for m in sorted(meetings)
        ]
    }


def parse_schedule(data: Mapping[str, Any]) -> list[Meeting]:
    problems: list[str] = []
    meetings = []
    for index, row in enumerate(data.get("meetings") or []):
        try:
            meetings.append(Meeting(int(row["slot"]), int(row["table"]), str(row["a"]), str(row["b"]),
                                    row.get("interpreter")))
        except (KeyError, TypeError, ValueError) as error:
            problems.append(f"meetings[{index}]: {error!r}")
    if problems:
        raise InstanceError(problems)
    return meetings
