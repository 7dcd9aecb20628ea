"""What a phone needs to keep bridgehub on its home screen: the web app manifest and the favicon."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe


@require_safe
def manifest(request):
    """The manifest in the reader's language (the installed app keeps the name it was added with)."""
    icons = [{"src": static(f"bridgehub/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
             for size in (192, 512)]
    icons.append({"src": static("bridgehub/icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"})
    response = JsonResponse({
        "name": _("bridgehub: cross-border start-up exchanges"),
        "short_name": "bridgehub",
        "description": _("Your agenda, matches and introductions at the hub."),
        "lang": get_language(),
        "start_url": reverse("web:dashboard"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#f7f8fa",
        "theme_color": "#0b6e6e",
        "icons": icons,
    }, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    patch_cache_control(response, max_age=3600)
    return response


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the PNG."""
    return redirect(static("bridgehub/icons/favicon-32.png"), permanent=True)
