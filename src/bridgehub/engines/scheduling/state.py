"""A partial schedule that knows, in constant time, whether a request fits a slot.

Tables are counted per slot (which table a meeting sits at is chosen at the end). Interpreters are
kept as a bipartite matching per slot: adding an interpreted meeting searches an augmenting path, so
a meeting is refused only when no reassignment of that slot's interpreters could take it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .instance import Instance


@dataclass(frozen=True)
class Ask:
    """One request, with everything the fit test needs precomputed."""

    index: int
    a: int
    b: int
    weight: float
    slots: tuple[int, ...]  # slots it may be held in (availability, allowed slots, interpreters)
    interpreters: frozenset[int] | None  # interpreters able to interpret it; None when not needed
    pinned_slot: int | None


def prepare(instance: Instance) -> tuple[list[str], list[str], list[Ask]]:
    """Participant ids, interpreter ids and one `Ask` per request (same order as the instance)."""
    people = list(instance.participants)
    person_index = {p: i for i, p in enumerate(people)}
    interpreters = list(instance.interpreters.values())
    asks = []
    for k, request in enumerate(instance.requests):
        a, b = instance.participants[request.a], instance.participants[request.b]
        slots = a.available & b.available
        if request.slots is not None:
            slots &= request.slots
        if request.pinned_slot is not None:
            slots &= {request.pinned_slot}
        able: frozenset[int] | None = None
        if not (a.languages & b.languages):
            able = frozenset(i for i, interpreter in enumerate(interpreters) if interpreter.covers(a, b))
            if request.pinned_interpreter is not None:
                able = frozenset(i for i in able if interpreters[i].id == request.pinned_interpreter)
            slots = frozenset(s for s in slots if any(s in interpreters[i].available for i in able))
        asks.append(Ask(k, person_index[request.a], person_index[request.b], request.weight,
                        tuple(sorted(slots)), able, request.pinned_slot))
    return people, [i.id for i in interpreters], asks


class ScheduleState:
    def __init__(self, instance: Instance, people: list[str], asks: list[Ask]):
        self.instance = instance
        self.asks = asks
        n_people, n_slots = len(people), instance.slots
        self.busy = [[-1] * n_slots for _ in range(n_people)]  # request index per person and slot
        self.count = [0] * n_people
        self.cap: list[int] = []
        for p in people:
            cap = instance.participants[p].max_meetings
            self.cap.append(n_slots if cap is None else cap)
        self.tables_used = [0] * n_slots
        self.in_slot: list[set[int]] = [set() for _ in range(n_slots)]  # requests held per slot
        self.held: list[int] = [-1] * len(asks)  # slot per request, -1 when not held
        interpreters = list(instance.interpreters.values())
        self.interpreter_slots = [frozenset(i.available) for i in interpreters]
        self.interpreted_by: list[dict[int, int]] = [{} for _ in range(n_slots)]  # slot -> interpreter -> request
        self.interpreter_of: dict[int, int] = {}  # request -> interpreter
        self.value = 0.0
        self.bonus = instance.coverage_bonus

    # -- value -------------------------------------------------------------------------------
    def gain(self, k: int) -> float:
        """Objective added by holding request k now (its weight plus newly covered people)."""
        ask = self.asks[k]
        return ask.weight + self.bonus * ((self.count[ask.a] == 0) + (self.count[ask.b] == 0))

    def loss(self, k: int) -> float:
        """Objective lost by dropping held request k."""
        ask = self.asks[k]
        return ask.weight + self.bonus * ((self.count[ask.a] == 1) + (self.count[ask.b] == 1))

    # -- fit ---------------------------------------------------------------------------------
    def people_free(self, ask: Ask, slot: int) -> bool:
        return (self.busy[ask.a][slot] < 0 and self.busy[ask.b][slot] < 0
                and self.count[ask.a] < self.cap[ask.a] and self.count[ask.b] < self.cap[ask.b])

    def fits(self, k: int, slot: int) -> bool:
        ask = self.asks[k]
        if not self.people_free(ask, slot) or self.tables_used[slot] >= self.instance.tables:
            return False
        return ask.interpreters is None or self._interpreter_path(k, slot, dry_run=True)

    def _interpreter_path(self, k: int, slot: int, *, dry_run: bool) -> bool:
        """Kuhn's augmenting path for request k in the slot's interpreter matching."""
        taken = self.interpreted_by[slot]
        visited: set[int] = set()
        changes: list[tuple[int, int]] = []

        def augment(request: int) -> bool:
            able = self.asks[request].interpreters or frozenset()
            for i in sorted(able):
                if i in visited or slot not in self.interpreter_slots[i]:
                    continue
                visited.add(i)
                holder = taken.get(i)
                if holder is None or augment(holder):
                    changes.append((i, request))
                    return True
            return False

        found = augment(k)
        if found and not dry_run:
            for i, request in changes:
                taken[i] = request
                self.interpreter_of[request] = i
        return found

    # -- change ------------------------------------------------------------------------------
    def add(self, k: int, slot: int) -> None:
        ask = self.asks[k]
        if ask.interpreters is not None and not self._interpreter_path(k, slot, dry_run=False):
            raise ValueError(f"request {k} has no interpreter in slot {slot}")
        self.value += self.gain(k)
        self.busy[ask.a][slot] = k
        self.busy[ask.b][slot] = k
        self.count[ask.a] += 1
        self.count[ask.b] += 1
        self.tables_used[slot] += 1
        self.in_slot[slot].add(k)
        self.held[k] = slot

    def remove(self, k: int) -> None:
        ask, slot = self.asks[k], self.held[k]
        self.value -= self.loss(k)
        self.busy[ask.a][slot] = -1
        self.busy[ask.b][slot] = -1
        self.count[ask.a] -= 1
        self.count[ask.b] -= 1
        self.tables_used[slot] -= 1
        self.in_slot[slot].discard(k)
        self.held[k] = -1
        interpreter = self.interpreter_of.pop(k, None)
        if interpreter is not None:
            del self.interpreted_by[slot][interpreter]

    def try_add(self, k: int, slot: int) -> bool:
        if self.fits(k, slot):
            self.add(k, slot)
            return True
        return False

    def held_requests(self) -> list[int]:
        return [k for k, slot in enumerate(self.held) if slot >= 0]

    def replace(self, placements: dict[int, int]) -> bool:
        """Hold exactly `placements` (request → slot), pins first, as a solver's answer proposes.

        The answer is checked as it is applied; if any meeting does not fit (a numerically shaky
        MIP answer), the previous schedule is restored and False returned.
        """
        before = {k: slot for k, slot in enumerate(self.held) if slot >= 0}

        def pins_first(k: int) -> bool:
            return self.asks[k].pinned_slot is None

        for k in before:
            self.remove(k)
        if all(self.try_add(k, placements[k]) for k in sorted(placements, key=pins_first)):
            return True
        for k in self.held_requests():
            self.remove(k)
        for k in sorted(before, key=pins_first):
            self.add(k, before[k])
        return False
