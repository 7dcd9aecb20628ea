import zoneinfo

from django.utils import timezone, translation


class ViewerTimezoneMiddleware:
    """Show times in the viewer's own time zone (anonymous readers: the platform default)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone = getattr(request.user, "time_zone", None) if request.user.is_authenticated else None
        if zone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(zone))
            except zoneinfo.ZoneInfoNotFoundError:
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class ViewerLanguageMiddleware:
    """The interface language: a signed-in person's own (it follows them across devices); an explicit
    `?lang=` on the API; otherwise what LocaleMiddleware negotiated (switcher cookie, Accept-Language).

    API callers authenticate by token inside the view, after this runs: they get `?lang=` or their
    Accept-Language, never a browser session's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = None
        if request.path.startswith("/api/"):
            language = _supported(request.GET.get("lang", ""))
        elif request.user.is_authenticated:
            language = _supported(getattr(request.user, "language", ""))
        if not language:
            return self.get_response(request)
        # An override, not activate: the thread's language is back to the negotiated one afterwards, so
        # nothing run later on this thread (outside a request) inherits this person's language.
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", language)  # LocaleMiddleware keeps it
        return response


def _supported(code: str) -> str | None:
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None
