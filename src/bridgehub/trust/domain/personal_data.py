"""What trust holds about a person: reports they made, measures on them and their appeals.

Reports about a person stay with the hub after the person deletes their account (the hub's duty of
care outlives the account); the reporter's own reports lose the link to them.
"""

from __future__ import annotations

from typing import Any

from bridgehub.trust.enums import CaseKind
from bridgehub.trust.models import Case, Restriction


def export(user: Any) -> dict[str, Any]:
    return {
        "reports_made": [{"hub": c.hub.slug, "reason": c.reason, "comment": c.comment, "about": c.evidence_ref,
                          "status": c.status, "created_at": c.created_at.isoformat()}
                         for c in Case.objects.filter(reporter=user).select_related("hub")],
        "measures": [{"hub": r.hub.slug, "kind": r.kind, "reason": r.reason, "created_at": r.created_at.isoformat(),
                      "ends_at": r.ends_at.isoformat() if r.ends_at else None,
                      "lifted_at": r.lifted_at.isoformat() if r.lifted_at else None}
                     for r in Restriction.objects.filter(user=user).select_related("hub")],
        "appeals": [{"hub": c.hub.slug, "text": c.evidence, "status": c.status, "resolution": c.resolution}
                    for c in Case.objects.filter(subject_user=user, kind=CaseKind.APPEAL).select_related("hub")],
    }


def erase(user: Any) -> None:
    Case.objects.filter(reporter=user).update(reporter=None, comment="")
