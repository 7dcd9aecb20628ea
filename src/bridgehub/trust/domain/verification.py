"""Trust signals people can see: registry number, proved domain, website on it, the hub's vetting.

An organisation counts as *verified* in a hub (for the screen and the badges) when that hub's
operators vetted it, or when its registry number was confirmed against its name and one of its
members proved its web domain by mail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bridgehub.accounts.domain.mailing import send_to_people
from bridgehub.accounts.models import User
from bridgehub.common.statements import Names, Part, Select
from bridgehub.directory.domain.queries import is_org_admin
from bridgehub.directory.models import Organisation
from bridgehub.directory.registry import RegistryNumberError, normalise_registry_number
from bridgehub.hubs.domain.queries import operated_hub_ids
from bridgehub.hubs.models import Hub
from bridgehub.trust.models import DomainProof, Vetting

PROOF_VALID_FOR = dt.timedelta(days=3)


def website_domain(organisation: Organisation) -> str:
    host = (urlsplit(organisation.website).hostname or "") if organisation.website else ""
    return host.lower().removeprefix("www.")


def proved_domain(organisation: Organisation | None) -> DomainProof | None:
    """The latest proof of a domain that is still the organisation's website domain."""
    if organisation is None:
        return None
    domain = website_domain(organisation)
    if not domain:
        return None
    return (DomainProof.objects.filter(organisation=organisation, domain=domain)
            .exclude(verified_at=None).order_by("-verified_at").first())


def vetting_for(organisation: Organisation | None, hub: Hub) -> Vetting | None:
    if organisation is None:
        return None
    return Vetting.objects.filter(organisation=organisation, hub=hub).first()


def registry_confirmed(vetting: Vetting | None, organisation: Organisation) -> bool:
    return bool(vetting and vetting.registry_confirmed_at and organisation.registry_number
                and vetting.registry_number == organisation.registry_number
                and vetting.confirmed_name == organisation.name)


def is_verified(organisation: Organisation | None, hub: Hub) -> bool:
    if organisation is None:
        return False
    vetting = vetting_for(organisation, hub)
    if vetting is not None and vetting.vetted_at is not None:
        return True
    return registry_confirmed(vetting, organisation) and proved_domain(organisation) is not None


@dataclass(frozen=True)
class Badge:
    code: str  # vetted, registry, registry_checked, domain, website
    when: Any = None
    by: str = ""


def badges(organisation: Organisation, hub: Hub | None) -> list[Badge]:
    """What a reader can trust about `organisation`, strongest first (without a hub: any hub's vetting)."""
    vetting = (vetting_for(organisation, hub) if hub is not None else
               Vetting.objects.filter(organisation=organisation).exclude(vetted_at=None).order_by("-vetted_at").first())
    return _badges_from(organisation, vetting, proved_domain(organisation))


def _badges_from(organisation: Organisation, vetting: Vetting | None, proof: DomainProof | None) -> list[Badge]:
    found: list[Badge] = []
    if vetting is not None and vetting.vetted_at:
        found.append(Badge("vetted", vetting.vetted_at, vetting.vetted_by.public_name if vetting.vetted_by else ""))
    if registry_confirmed(vetting, organisation):
        found.append(Badge("registry", vetting.registry_confirmed_at if vetting else None))
    elif organisation.registry_number and _valid_number(organisation):
        found.append(Badge("registry_checked"))
    if proof is not None and proof.domain == website_domain(organisation):
        found += [Badge("domain", proof.verified_at, proof.domain), Badge("website", by=proof.domain)]
    return found


def _vettings_of(n: Names) -> str:
    return (f"FROM {n.table(Vetting)} v LEFT JOIN {n.table(User)} u "  # noqa: S608 (model names only)
            f"ON u.{n.column(User, 'id')} = v.{n.column(Vetting, 'vetted_by')} "
            f"WHERE v.{n.column(Vetting, 'organisation')} IN (%s)")


def _proofs_of(n: Names) -> str:
    return (f"FROM {n.table(DomainProof)} d WHERE d.{n.column(DomainProof, 'organisation')} IN (%s) "  # noqa: S608
            f"AND d.{n.column(DomainProof, 'verified_at')} IS NOT NULL "
            f"ORDER BY d.{n.column(DomainProof, 'verified_at')}, d.{n.column(DomainProof, 'id')}")


# The vetting operator's public name is all a badge shows of them.
VETTINGS = Select([Part(Vetting, "v"), Part(User, "u", ("display_name", "deleted_at"))], _vettings_of)
PROOFS = Select([Part(DomainProof, "d", ("organisation", "domain", "verified_at"))], _proofs_of)


def badge_map(pairs: list[tuple[Organisation, Hub | None]]) -> dict[int, list[Badge]]:
    """Badges of many (organisation, hub whose vetting counts) pairs in two queries (cards in a list),
    the same as `badges` gives one by one."""
    ids = [organisation.pk for organisation, _hub in pairs]
    vettings: dict[tuple[int, int], Vetting] = {}
    proofs: dict[int, DomainProof] = {}
    if ids:  # statements, not querysets: on every card list (common/statements.py says why)
        for vetting, vetted_by in VETTINGS.rows([ids]):
            vetting.vetted_by = vetted_by
            vettings[(vetting.organisation_id, vetting.hub_id)] = vetting
        for (proof,) in PROOFS.rows([ids]):
            proofs[proof.organisation_id] = proof  # oldest first: the latest proof stays
    return {organisation.pk: _badges_from(organisation,
                                          vettings.get((organisation.pk, hub.pk)) if hub is not None else None,
                                          proofs.get(organisation.pk))
            for organisation, hub in pairs}


def _valid_number(organisation: Organisation) -> bool:
    try:
        normalise_registry_number(organisation.country, organisation.registry_number)
    except RegistryNumberError:
        return False
    return True


def _check_operator(user: Any, hub: Hub) -> None:
    if hub.pk not in operated_hub_ids(user):
        raise PermissionDenied


@transaction.atomic
def set_vetting(*, user: Any, hub: Hub, organisation: Organisation, vetted: bool | None = None,
                registry_confirmed: bool | None = None) -> Vetting:
    """An operator marks the organisation vetted and/or its registry number checked against its name
    (in the public registry: 經濟部商工登記公示資料 / 法人番号公表サイト). None leaves a part as it is.
    Side effects: the hub's vetting row."""
    _check_operator(user, hub)
    if registry_confirmed and not organisation.registry_number:
        raise ValidationError(_("The organisation has no registry number to confirm."))
    vetting, _created = Vetting.objects.get_or_create(organisation=organisation, hub=hub)
    now = timezone.now()
    if vetted is not None:
        vetting.vetted_at, vetting.vetted_by = (now, user) if vetted else (None, None)
    if registry_confirmed is not None:
        vetting.registry_confirmed_at, vetting.registry_confirmed_by = (now, user) if registry_confirmed else (None,
                                                                                                               None)
        vetting.registry_number = organisation.registry_number if registry_confirmed else ""
        vetting.confirmed_name = organisation.name if registry_confirmed else ""
    vetting.save()
    return vetting


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def request_domain_proof(*, user: Any, organisation: Organisation, email: str) -> DomainProof:
    """An admin asks to prove the website's domain: a link goes to `email`, which must be on it.
    Side effects: a DomainProof row; after commit, an e-mail to `email`."""
    if not is_org_admin(user, organisation):
        raise PermissionDenied
    domain = website_domain(organisation)
    if not domain:
        raise ValidationError({"email": _("Add the organisation's website first: the address must be on its domain.")})
    mail_domain = email.rsplit("@", 1)[-1].lower()
    if mail_domain != domain and not mail_domain.endswith("." + domain):
        raise ValidationError({"email": _("The address must end in @%(domain)s, the website's domain.")
                               % {"domain": domain}})
    raw = secrets.token_urlsafe(24)
    proof = DomainProof.objects.create(organisation=organisation, domain=domain, email=email, token_hash=_hash(raw),
                                       requested_by=user)
    link = f"{settings.SITE_URL}/verify-domain/{raw}/"
    name = organisation.name
    transaction.on_commit(lambda: send_to_people(
        lambda: _("Confirm that %(domain)s belongs to %(name)s") % {"domain": domain, "name": name},
        lambda: _("Someone asked bridgehub to confirm that %(name)s uses the domain %(domain)s. If that was you "
                  "or your team, open this link within three days:\n%(link)s\nIf not, ignore this e-mail.")
        % {"name": name, "domain": domain, "link": link}, [email]))
    return proof


@transaction.atomic
def confirm_domain_proof(raw: str) -> DomainProof | None:
    """The link was opened: the domain is proved (None for an unknown or expired link)."""
    proof = DomainProof.objects.select_for_update().filter(token_hash=_hash(raw)).first()
    if proof is None or (proof.verified_at is None and timezone.now() - proof.created_at > PROOF_VALID_FOR):
        return None
    if proof.verified_at is None:
        proof.verified_at = timezone.now()
        proof.save(update_fields=["verified_at"])
    return proof
