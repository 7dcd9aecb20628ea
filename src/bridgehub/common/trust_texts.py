"""The screen's reason codes in the reader's language (the engine speaks codes only)."""

from django.utils.translation import gettext_lazy as _

REASONS = {
    "upfront_fee": _("asks you to pay a fee before any money or service arrives"),
    "off_platform": _("pushes the conversation to a messaging app or private channel"),
    "off_platform_pressure": _("adds pressure or secrecy (today only, keep it between us)"),
    "crypto_payment": _("asks for a payment in crypto or to a wallet"),
    "guaranteed_return": _("promises certain or riskless returns"),
    "investment_group": _("invites you into an investment 'study group' or signal channel"),
    "credential_request": _("asks for a password, a code, card or bank details, or ID images"),
    "avoid_the_office": _("asks you not to contact their office"),
    "impersonation": _("claims a well-known name the sender's profile does not back"),
    "unverified_free_mail": _("comes from an unverified account on a free e-mail address"),
    "burst_new_account": _("a new account sending many requests in a day"),
    "many_declines": _("most of the sender's recent requests were declined"),
    "reported_before": _("other members reported the sender before"),
}


def reason_texts(codes: list[str]) -> list[str]:
    """The readable reasons, in the active language, for the codes a verdict carries."""
    return [str(REASONS[code]) for code in codes if code in REASONS]
