from django import template
from django.utils.formats import date_format

from bridgehub.trust.domain.verification import badges
from bridgehub.trust.enums import ReportReason
from bridgehub.trust.texts import BADGES, HIT_REASONS, UNVERIFIED

register = template.Library()


@register.inclusion_tag("includes/trust_badges.html")
def trust_badges(organisation, hub=None, quiet=False, known=None):
    """The organisation's trust badges with a plain explanation each; `quiet` hides "not verified";
    `known` is a `badge_map` made for a whole list (one query for all cards, not two per card)."""
    shown = []
    for badge in (known.get(organisation.pk, []) if known is not None else badges(organisation, hub)):
        label, explanation = BADGES[badge.code]
        when = date_format(badge.when, "SHORT_DATE_FORMAT") if badge.when else ""
        shown.append({"code": badge.code, "label": label,
                      "explanation": str(explanation) % {"by": badge.by, "date": when, "domain": badge.by}})
    return {"badges": shown, "unverified": None if shown or quiet else UNVERIFIED}


@register.inclusion_tag("includes/report_form.html", takes_context=True)
def report_form(context, kind, subject_id, hub=None):
    """Two clicks: open "Report", send (a reason is preselected)."""
    request = context.get("request")
    return {"kind": kind, "subject_id": subject_id, "hub": hub, "reasons": ReportReason.choices,
            "next": request.get_full_path() if request else "", "csrf_token": context.get("csrf_token")}


@register.filter
def hit_reason(code: str) -> str:
    return str(HIT_REASONS.get(code, code))
