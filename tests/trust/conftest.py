from dataclasses import dataclass

import pytest

from bridgehub.directory.models import OrganisationHub
from tests.exchanges.conftest import exchange, register  # noqa: F401 - the fixture
from tests.factories.core import OrganisationFactory, OrganisationHubFactory, OrganisationMembershipFactory, UserFactory

FEE_NOTE_ZH = ("您好，我們是紅杉資本亞洲合夥人，對貴公司很有興趣，可提供 500 萬美元投資。"
               "簽署投資意向書前，請先支付盡職調查費用 USD 3,000 至以下帳戶，之後我們立即安排撥款。")


@dataclass
class Scam:
    user: object
    organisation: object
    registration: object


@pytest.fixture
def scam(exchange):  # noqa: F811 - the fixture imported above
    """An unverified "Sequoia Capital Partners Asia" on a free-mail address, registered in the round."""
    user = UserFactory(email="sequoia.partners.asia@gmail.com", display_name="David Lin")
    organisation = OrganisationFactory(slug="sequoia-partners-asia", name="Sequoia Capital Partners Asia",
                                       kind="investor", investor_type="vc", country="TW")
    OrganisationHubFactory(organisation=organisation, hub=exchange.world.tokyo)
    OrganisationMembershipFactory(organisation=organisation, user=user)
    assert OrganisationHub.objects.get(organisation=organisation).status == "approved"
    return Scam(user, organisation, register(user, exchange.round, organisation, ["zh", "en"], "Asia/Taipei"))
