"""Holding organisations whose name or domain is confusingly close to a verified one.

Runs after an organisation is saved with a new name or website (signals.py). A hit opens a
lookalike case in each hub the organisation belongs to or applied to, naming the verified original;
an approved membership goes back to "waiting for approval" until an operator reviews it (a rename
after approval is the impostor's obvious move). A hit an operator dismissed is not raised again for
the same pair.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation, OrganisationHub
from bridgehub.engines.trust.lookalike import Known, lookalikes
from bridgehub.trust.domain.verification import website_domain
from bridgehub.trust.enums import CaseKind
from bridgehub.trust.models import Case, Vetting


def verified_organisations(exclude_id: int) -> list[tuple[Organisation, Known]]:
    """Organisations some hub vetted, or whose registry number an operator confirmed."""
    ids = (Vetting.objects.filter(Q(vetted_at__isnull=False) | Q(registry_confirmed_at__isnull=False))
           .exclude(organisation_id=exclude_id).values_list("organisation_id", flat=True).distinct())
    return [(org, Known(str(org.pk), tuple(n for n in (org.name, org.name_reading) if n), website_domain(org)))
            for org in Organisation.objects.filter(pk__in=ids)]


@transaction.atomic
def check_organisation(organisation_id: int) -> list[Case]:
    """Side effects: lookalike cases; approved memberships of a lookalike go back to pending."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return []
    known = verified_organisations(organisation.pk)
    if not known:
        return []
    names = tuple(n for n in (organisation.name, organisation.name_reading) if n)
    by_id = {str(org.pk): org for org, _known in known}
    hits = lookalikes(names, website_domain(organisation), [k for _org, k in known])
    opened = []
    links = list(OrganisationHub.objects.filter(organisation=organisation).exclude(status=ApprovalStatus.REJECTED))
    for hit in hits:
        original = by_id[hit.original_id]
        for link in links:
            if Case.objects.filter(hub=link.hub_id, kind=CaseKind.LOOKALIKE, subject_organisation=organisation,
                                   original=original).exists():
                continue
            opened.append(Case.objects.create(
                hub_id=link.hub_id, kind=CaseKind.LOOKALIKE, subject_organisation=organisation,
                subject_user=organisation.created_by, original=original, reason=hit.reason, evidence=hit.detail,
                evidence_ref=f"organisation:{organisation.pk}", score=1.0, reasons=[hit.reason]))
            if link.status == ApprovalStatus.APPROVED:
                link.status, link.decided_at, link.decided_by = ApprovalStatus.PENDING, None, None
                link.save(update_fields=["status", "decided_at", "decided_by"])
    return opened
