"""What the pipeline holds about a person: the notes they wrote and the stages they recorded or confirmed.

The relationships belong to the organisations and stay when an account is deleted (the stages are the
hub's record of cooperation); the deleted person's own notes are emptied and their name is dropped
from every row (the foreign keys are set to null by the database).
"""

from __future__ import annotations

from typing import Any

from bridgehub.pipeline.models import RelationshipNote, StageConfirmation, StageEvent


def export(user: Any) -> dict[str, Any]:
    return {
        "notes_written": [{"relationship": note.relationship_id, "shared": note.shared, "text": note.text,
                           "created_at": note.created_at.isoformat()}
                          for note in RelationshipNote.objects.filter(author=user)],
        "stages_recorded": [{"relationship": event.relationship_id, "stage": event.stage,
                             "effective_on": event.effective_on.isoformat(), "amount": event.amount,
                             "currency": event.currency, "recorded_at": event.recorded_at.isoformat()}
                            for event in StageEvent.objects.filter(recorded_by=user)],
        "stages_confirmed": [{"event": confirmation.event_id, "kind": confirmation.kind,
                              "at": confirmation.at.isoformat()}
                             for confirmation in StageConfirmation.objects.filter(by=user)],
    }


def erase(user: Any) -> None:
    # Notes are append-only for their authors; erasure is the one change made in place.
    RelationshipNote.objects.filter(author=user).update(text="", author=None)
