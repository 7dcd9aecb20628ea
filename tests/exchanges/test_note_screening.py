"""Notes from one member to another go through the fraud screen: a scam-like note is delivered with a
caution naming its signals in the reader's language; an ordinary note is delivered as it is."""

from bridgehub.exchanges.domain import participation
from tests.conftest import client_for
from tests.exchanges.test_scheduling import participant

FEE_ASK = ("We are very interested in investing. Before the term sheet you need to pay a due diligence fee "
           "of USD 4,800 to our law firm; please wire it this week.")


def test_a_fee_asking_note_reaches_the_founder_with_a_caution(exchange):
    fund = participant(exchange, "Golden Bridge Capital", "partner@gmail.com", ["en"])
    fund.organisation.kind = "investor"
    fund.organisation.save()
    request = participation.send_request(user=fund.user, sender=fund, recipient=exchange.owner_reg, note=FEE_ASK)
    request.refresh_from_db()
    assert request.screen_score >= 0.5
    assert request.screen_reasons == ["upfront_fee", "unverified_free_mail"]
    page = client_for(exchange.world.owner).get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert FEE_ASK in page  # delivered, not hidden
    assert "Be careful:" in page
    assert "asks you to pay a fee before any money or service arrives" in page
    exchange.world.owner.language = "ja"  # the founder reads Japanese
    exchange.world.owner.save(update_fields=["language"])
    japanese = client_for(exchange.world.owner).get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert "ご注意ください：" in japanese


def test_an_ordinary_note_has_no_caution(exchange):
    request = participation.send_request(user=exchange.world.taipei_member, sender=exchange.taipei_reg,
                                         recipient=exchange.owner_reg,
                                         note="We met at the Taipei demo day; could we talk about a PoC?")
    request.refresh_from_db()
    assert (request.screen_score, request.screen_reasons) == (0.0, [])
    page = client_for(exchange.world.owner).get(f"/rounds/{exchange.round.pk}/").content.decode()
    assert "Be careful:" not in page
