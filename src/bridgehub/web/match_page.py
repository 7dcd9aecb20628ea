"""The recommendations page's own content as a Jinja2 fragment (web/jinja.py says why), around the
cards (match_cards.py): the reader tabs, the reading notices, the tags to confirm, what matching
read, the kind tabs and the capacity form.

After the cards and the page chrome moved to Jinja2, this was the page's last ~0.5-1 ms of Django
template. The two parts rarely shown (introductions asked of the reader, the saved list) stay
Django templates and arrive rendered. Words are translated here with the template's message ids.
"""

from __future__ import annotations

from typing import Any

from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

NOTHING = SafeString("")


def words() -> dict[str, str]:
    """The fragment's fixed words in the active language."""
    return {
        "matches": _("Matches"),
        "no_readers": _("Recommendations are for start-ups, investors, corporate partners and people open to new "
                        "roles."),
        "add_organisation": _("Add your organisation"),
        "open_to_roles": _("Say in your profile that you are open to new roles"),
        "too_short_title": _("Tell us more about you first"),
        "too_short": _("Your profile is too short to match on: a tagline alone gives nonsense matches. Add two or "
                       "three sentences on what you do, for whom, and what you are looking for (funding, a PoC "
                       "partner, distribution, people). Any of Chinese, Japanese or English works."),
        "add_description": _("Add a description"),
        "pending": _("We are reading your profile. Recommendations appear here in a minute."),
        "rereading": _("Your profile changed: we are reading it again. The matches below are from before your "
                       "edit and update in a minute."),
        "read_as": _("We read your profile as"), "add_sector": _("Add to your sectors"), "confirm": _("confirm?"),
        "what_we_read": _("What we read from your profile"), "saved_view": _("Saved and introductions"),
        "capacity": _("Your capacity"), "save": _("Save"),
    }


def render_content(request: Any, context: dict[str, Any], *, incoming: SafeString = NOTHING,
                   saved: SafeString = NOTHING, capacity_field: SafeString = NOTHING) -> SafeString:
    """The page's content block. `context`: the view's values; `incoming`, `saved`, `capacity_field`:
    the Django-rendered parts, where shown (markup: a plain string would be escaped, so the type
    says SafeString)."""
    language = translation.get_language()
    readers, reader, page = context["readers"], context.get("reader"), context.get("page")
    values: dict[str, Any] = {"words": words(), "readers": readers, "csrf_input": csrf_input(request),
                              "incoming": incoming, "saved": saved, "capacity_field": capacity_field}
    if not readers:
        values.update(organisation_create=reverse("web:organisation_create"), my_profile=reverse("web:my_profile"))
        return SafeString(render_to_string("web/match_page.jinja", values, using="jinja2"))
    hubs = [(hub.slug, hub.name_for(language), hub == page.hub) for hub in page.hubs]
    values.update({
        "reader": reader, "kind": context["kind"], "kinds": context["kinds"],
        "showing_saved": context["showing_saved"], "rereading": context["rereading"],
        "for_line": _("For %(name)s (%(kind)s)") % {"name": reader.name, "kind": reader.get_kind_display()},
        "hubs": hubs, "hub_slug": page.hub.slug if page.hub else "",
        "hub_name": page.hub.name_for(language) if page.hub else "",
        "tags": [(sector.code, sector.label_for(language)) for sector in context["tags"]],
        "can_admin": context["can_admin"], "reading": context["reading"], "cards": context.get("cards", ""),
        "edit_url": (reverse("web:organisation_edit", args=[reader.organisation.slug]) if reader.organisation_id
                     else reverse("web:my_profile")),
        "tag_url": reverse("web:match_tag", args=[reader.pk]),
        "capacity_url": reverse("web:match_capacity", args=[reader.pk]),
    })
    return SafeString(render_to_string("web/match_page.jinja", values, using="jinja2"))
