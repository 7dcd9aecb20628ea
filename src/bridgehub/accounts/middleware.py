import zoneinfo

from django.utils import timezone


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
