"""The demo hub's trust picture: vetted investors and corporates with badges, and an impostor fund
whose notes the screen caught (one held for review, one delivered with a caution and reported), so
the operator's review queue and the founder's caution are there to look at on the first visit."""

from __future__ import annotations

from django.db import transaction

from bridgehub.accounts.models import User
from bridgehub.directory.enums import ApprovalStatus, OrganisationKind, OrgRole
from bridgehub.directory.models import Organisation, OrganisationHub, OrganisationMembership
from bridgehub.exchanges.demo import DEMO_FOUNDER, DEMO_OPERATOR
from bridgehub.exchanges.domain import participation
from bridgehub.exchanges.models import Registration, Round
from bridgehub.hubs.models import Hub
from bridgehub.trust.domain import cases, verification

HELD_NOTE = ("您好，我們是紅杉資本亞洲合夥人，很看好貴公司，可提供 300 萬美元投資。簽約前請先支付盡職調查費用 "
             "USD 2,500，匯款後即安排撥款。詳情請加 LINE：seq_partners 與我聯繫，此事請勿告知他人。")
CAUTION_NOTE = ("はじめまして。弊社ファンドは貴社に大変関心があります。詳細は LINE でご連絡ください：seq_partners")


@transaction.atomic
def build_trust_demo() -> int:
    """Side effects: vettings, an impostor organisation and account, two screened requests, a report.
    Returns how many cases wait in the Tokyo queue."""
    hub = Hub.objects.get(slug="tokyo")
    operator = User.objects.get(email=DEMO_OPERATOR)
    trusted = (Organisation.objects.filter(hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED,
                                           kind__in=[OrganisationKind.INVESTOR, OrganisationKind.CORPORATE])
               .order_by("slug")[:8])
    for index, organisation in enumerate(trusted):
        verification.set_vetting(user=operator, hub=hub, organisation=organisation, vetted=True,
                                 registry_confirmed=bool(organisation.registry_number) and index % 2 == 0)
    december = Round.objects.get(programme__hub=hub, title_en="Tokyo Deep-Tech Bridge — December")
    impostor_user = User.objects.create(email="sequoia.partners.asia@gmail.example", display_name="David Lin")
    impostor_user.set_unusable_password()
    impostor_user.save(update_fields=["password"])
    impostor = Organisation.objects.create(slug="sequoia-capital-partners-asia", name="Sequoia Capital Partners Asia",
                                           kind=OrganisationKind.INVESTOR, investor_type="vc", country="SG",
                                           original_language="en", created_by=impostor_user)
    OrganisationMembership.objects.create(organisation=impostor, user=impostor_user, role=OrgRole.ADMIN)
    OrganisationHub.objects.create(organisation=impostor, hub=hub, status=ApprovalStatus.APPROVED,
                                   decided_by=operator)
    registration = participation.register(user=impostor_user, round_=december, organisation_id=impostor.pk,
                                          languages=["en", "zh"], available_slots=list(december.slots),
                                          max_meetings=None)
    founder = Registration.objects.get(round=december, user__email=DEMO_FOUNDER)
    participation.send_request(user=impostor_user, sender=registration, recipient=founder, note=HELD_NOTE)
    japanese = (Registration.objects.filter(round=december, organisation__kind=OrganisationKind.STARTUP,
                                            organisation__country="JP", confirmed=True)
                .exclude(user__email=DEMO_FOUNDER).order_by("pk").first())
    if japanese is not None:
        cautioned = participation.send_request(user=impostor_user, sender=registration, recipient=japanese,
                                               note=CAUTION_NOTE)
        cases.report(user=japanese.user, subject_kind="meeting_request", subject_id=cautioned.pk,
                     reason="off_platform", comment="LINE に誘導されました。")
    return hub.trust_cases.exclude(status="resolved").count()
