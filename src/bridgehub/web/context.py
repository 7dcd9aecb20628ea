from bridgehub.accounts.domain.inbox import unread_count
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
    """What the top bar needs on every page (web/chrome.py): the viewer's back-office link, unread
    count and where the page sits in the navigation."""
    user = request.user
    return {
        "viewer_operates": bool(operated_hub_ids(user)),
        "inbox_unread": unread_count(user),
        "nav_area": (section := _section(request))[0],
        "nav_section": section[1],
    }
