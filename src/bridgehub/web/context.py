from django.conf import settings

from bridgehub.accounts.domain.inbox import unread_count
from bridgehub.directory.domain.queries import own_organisation_roles
from bridgehub.hubs.domain.queries import operated_hub_ids

# Which navigation entry a page belongs to (marked aria-current), by URL name.
_SECTIONS = {
    "web": {"home": "home", "directory": "directory", "organisation": "directory", "people": "people",
            "person": "people", "dashboard": "dashboard", "inbox": "inbox", "matches": "matches",
            "rounds": "rounds", "round": "rounds", "relationships": "relationships",
            "relationship": "relationships", "signals": "signals"},
    "manage": {"hub": "applications", "decide": "applications", "members": "members", "imports": "imports",
               "import_detail": "imports", "rounds": "rounds", "round": "rounds", "matching": "matching",
               "pipeline": "pipeline", "signals": "signals"},
}


def _section(request) -> tuple[str, str]:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "", ""
    sections = _SECTIONS.get(match.namespace, {})
    return match.namespace, sections.get(match.url_name or "", "")


def platform(request):
    """What the base template needs on every page: language list and the viewer's roles."""
    user = request.user
    return {
        "platform_languages": settings.LANGUAGES,
        "viewer_operates": bool(operated_hub_ids(user)),
        "viewer_has_organisation": bool(own_organisation_roles(user)),
        "embedded_mode": not settings.CONFIG.production,
        "inbox_unread": unread_count(user),
        "nav_area": (section := _section(request))[0],
        "nav_section": section[1],
    }
