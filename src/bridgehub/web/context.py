from django.conf import settings

from bridgehub.directory.domain.queries import own_organisation_roles
from bridgehub.hubs.domain.queries import operated_hub_ids


def platform(request):
    """What the base template needs on every page: language list and the viewer's roles."""
    user = request.user
    return {
        "platform_languages": settings.LANGUAGES,
        "viewer_operates": bool(operated_hub_ids(user)),
        "viewer_has_organisation": bool(own_organisation_roles(user)),
        "embedded_mode": not settings.CONFIG.production,
    }
