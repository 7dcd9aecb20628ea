"""The review queue: members report, operators review and act, members appeal.

A case moves unreviewed → (escalated →) resolved; every step is a Decision row. Actions on a member
(warn, restrict messaging, suspend) are Restriction rows in the case's hub, told to the member by
e-mail with the way to appeal; the reporter hears that the report was reviewed, never what was
decided about the other person, and the reported member never learns who reported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.directory.models import Organisation
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub
from bridgehub.trust.domain import hooks
from bridgehub.trust.enums import Action, CaseKind, CaseStatus, ReportReason, RestrictionKind, SubjectKind
from bridgehub.trust.models import Case, Decision, Restriction

RESTRICT_DAYS = 30  # default length of restricted messaging; suspension lasts until lifted
MEMBER_ACTIONS: dict[str, str] = {Action.WARN: RestrictionKind.WARNING, Action.RESTRICT: RestrictionKind.RESTRICTED,
                  Action.SUSPEND: RestrictionKind.SUSPENDED}


class TrustError(ValidationError):
    """A request the queue cannot take (the message says why, in the reader's language)."""


def _now() -> dt.datetime:
    return timezone.now()


def active_restrictions(user: Any, hub: Hub | int):
    now = _now()
    return Restriction.objects.filter(Q(ends_at=None) | Q(ends_at__gt=now), user=user, hub=hub, lifted_at=None,
                                      kind__in=[RestrictionKind.RESTRICTED, RestrictionKind.SUSPENDED])


def blocked_reason(user: Any, hub: Hub | int) -> str | None:
    """Why `user` may not write to other members in `hub` now, or None."""
    measure = active_restrictions(user, hub).first()
    if measure is None:
        return None
    if measure.kind == RestrictionKind.SUSPENDED:
        return _("The hub's operators suspended your account in this hub. You can appeal on your standing page.")
    if measure.ends_at:
        return _("The hub's operators restricted your messages in this hub until %(date)s. You can appeal on your "
                 "standing page.") % {"date": measure.ends_at.date().isoformat()}
    return _("The hub's operators restricted your messages in this hub. You can appeal on your standing page.")


def is_suspended(user: Any, hub: Hub | int) -> bool:
    return active_restrictions(user, hub).filter(kind=RestrictionKind.SUSPENDED).exists()


@transaction.atomic
def report(*, user: Any, subject_kind: str, subject_id: int, reason: str, comment: str = "",
           hub: Hub | None = None) -> Case:
    """A member reports a note they received, a meeting, or an organisation's profile (in `hub`).

    Side effects: a case in the subject's hub (the same reporter reporting the same thing again
    adds nothing). Raises TrustError for an unknown reason or a subject the reporter cannot see.
    """
    if reason not in ReportReason.values:
        raise TrustError({"reason": _("Choose a reason.")})
    comment = comment.strip()[:2000]
    if subject_kind == SubjectKind.ORGANISATION:
        organisation = Organisation.objects.filter(pk=subject_id).first()
        if organisation is None or hub is None or not organisation.hub_links.filter(hub=hub).exists():
            raise TrustError({"subject": _("There is nothing to report here.")})
        found: hooks.Reported | None = hooks.Reported(hub.pk, organisation.created_by, organisation,
                                                      organisation.name, frozenset())
    else:
        describe = hooks.describe.get(subject_kind)
        found = describe(subject_id, user) if describe else None
        if found is None or user.pk not in found.reader_ids:
            raise TrustError({"subject": _("There is nothing to report here.")})
    assert found is not None
    if found.sender is not None and found.sender.pk == user.pk:
        raise TrustError({"subject": _("You cannot report yourself.")})
    ref = f"{subject_kind}:{subject_id}"
    existing = Case.objects.filter(hub_id=found.hub_id, reporter=user, evidence_ref=ref).first()
    if existing is not None:
        return existing
    return Case.objects.create(
        hub_id=found.hub_id, kind=CaseKind.REPORT, reporter=user, subject_user=found.sender,
        subject_organisation=found.organisation, reason=reason, comment=comment, evidence=found.text[:5000],
        evidence_ref=ref)


def _check_operator(user: Any, case: Case) -> None:
    if case.hub_id not in operated_hub_ids(user):
        raise PermissionDenied


def allowed_actions(case: Case) -> list[str]:
    """What an operator can do with the case now."""
    if case.status == CaseStatus.RESOLVED:
        return []
    if case.kind == CaseKind.APPEAL:
        return [Action.UPHOLD, Action.LIFT]
    actions: list[str] = [Action.DISMISS]
    if case.status == CaseStatus.OPEN:
        actions.append(Action.ESCALATE)
    if case.kind == CaseKind.HELD_MESSAGE:
        actions.append(Action.RELEASE)
    if case.subject_user_id:
        actions += [Action.WARN, Action.RESTRICT, Action.SUSPEND]
    return actions


@transaction.atomic
def act(*, user: Any, case: Case, action: str, note: str = "", days: int | None = None) -> Case:
    """An operator's step on a case. Side effects: the case's status, a Decision row, for member
    actions a Restriction (and for a held message, release to its recipient); after commit, e-mails
    to the member concerned and, when the case is resolved, to the reporter."""
    _check_operator(user, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if action not in allowed_actions(case):
        raise TrustError({"action": _("That action is not possible on this case now.")})
    note = note.strip()[:2000]
    if action in (Action.WARN, Action.RESTRICT, Action.SUSPEND, Action.UPHOLD) and not note:
        raise TrustError({"note": _("Say why: the member reads it.")})
    Decision.objects.create(case=case, actor=user, action=action, note=note)
    if action == Action.ESCALATE:
        case.status = CaseStatus.ESCALATED
        case.save(update_fields=["status"])
        return case
    if case.kind == CaseKind.HELD_MESSAGE:
        kind, _sep, item_id = case.evidence_ref.partition(":")
        # Released (or a false alarm): the recipient reads it. Any measure on the sender: it never travels,
        # and the recipient is told so instead of "being reviewed" for ever.
        settle = hooks.release if action in (Action.RELEASE, Action.DISMISS) else hooks.withhold
        if action in (Action.RELEASE, Action.DISMISS, *MEMBER_ACTIONS) and kind in settle:
            settle[kind](int(item_id))
    if action in MEMBER_ACTIONS and case.subject_user is not None:
        ends = None
        if action == Action.RESTRICT:
            ends = _now() + dt.timedelta(days=days or RESTRICT_DAYS)
        elif action == Action.SUSPEND and days:
            ends = _now() + dt.timedelta(days=days)
        measure = Restriction.objects.create(hub=case.hub, user=case.subject_user, kind=MEMBER_ACTIONS[action],
                                             reason=note, case=case, created_by=user, ends_at=ends)
        transaction.on_commit(lambda: _tell_member(measure.pk))
    if case.kind == CaseKind.APPEAL and case.restriction is not None:
        if action == Action.LIFT:
            case.restriction.lifted_at, case.restriction.lifted_by = _now(), user
            case.restriction.save(update_fields=["lifted_at", "lifted_by"])
        appeal_id = case.pk
        transaction.on_commit(lambda: _tell_appellant(appeal_id))
    case.status, case.resolution, case.resolved_at, case.resolved_by = CaseStatus.RESOLVED, action, _now(), user
    case.save(update_fields=["status", "resolution", "resolved_at", "resolved_by"])
    if case.reporter_id:
        case_id = case.pk
        transaction.on_commit(lambda: _tell_reporter(case_id))
    return case


@transaction.atomic
def appeal(*, user: Any, restriction: Restriction, text: str) -> Case:
    """The member asks the hub to reconsider a measure. Side effects: an appeal case (one open at a time)."""
    if restriction.user_id != user.pk:
        raise PermissionDenied
    text = text.strip()[:4000]
    if not text:
        raise TrustError({"text": _("Say why the measure should be lifted.")})
    if restriction.lifted_at is not None:
        raise TrustError({"text": _("This measure is already lifted.")})
    if restriction.appeals.exclude(status=CaseStatus.RESOLVED).exists():
        raise TrustError({"text": _("Your appeal is already with the hub's operators.")})
    return Case.objects.create(hub=restriction.hub, kind=CaseKind.APPEAL, subject_user=user, restriction=restriction,
                               evidence=text, reason=restriction.kind)


def _standing_link() -> str:
    return f"{settings.SITE_URL}/me/standing/"


def _tell_member(restriction_id: int) -> None:
    measure = Restriction.objects.select_related("hub", "user").get(pk=restriction_id)
    hub, link = measure.hub, _standing_link()

    def subject() -> str:
        return _("A measure on your account in %(hub)s") % {"hub": hub.name_for(get_language())}

    def body() -> str:
        what: str = {
            RestrictionKind.WARNING: _("The hub's operators sent you a warning."),
            RestrictionKind.RESTRICTED: _("The hub's operators restricted your messages to other members."),
            RestrictionKind.SUSPENDED: _("The hub's operators suspended your account in this hub."),
        }[RestrictionKind(measure.kind)]
        until = (_("Until: %(date)s") % {"date": measure.ends_at.date().isoformat()}) if measure.ends_at else ""
        return "\n".join(part for part in (
            what, _("Reason: %(reason)s") % {"reason": measure.reason}, until,
            _("If you think this is a mistake, appeal here: %(link)s") % {"link": link}) if part)

    send_to_people(subject, body, [measure.user.email])


def _tell_reporter(case_id: int) -> None:
    case = Case.objects.select_related("hub", "reporter").get(pk=case_id)
    if case.reporter is None:
        return
    hub = case.hub
    send_to_people(lambda: _("Your report to %(hub)s was reviewed") % {"hub": hub.name_for(get_language())},
                   lambda: _("Thank you for your report. The hub's operators reviewed it and took the steps they "
                             "judged right. For the other member's privacy we do not say which."),
                   [case.reporter.email])


def _tell_appellant(case_id: int) -> None:
    case = Case.objects.select_related("hub", "subject_user").get(pk=case_id)
    lifted = case.resolution == Action.LIFT
    note = case.decisions.order_by("-pk").values_list("note", flat=True).first() or ""
    send_to_people(lambda: _("Your appeal to %(hub)s was decided") % {"hub": case.hub.name_for(get_language())},
                   lambda: "\n".join(part for part in (
                       _("The measure is lifted.") if lifted else _("The measure stays."),
                       (_("Reason: %(reason)s") % {"reason": note}) if note else "") if part),
                   [case.subject_user.email] if case.subject_user else [])
