from django.contrib.auth.decorators import login_required
from django.http import Http404

from bridgehub.hubs.domain.queries import access_hub_for_operator


def operator_view(view):
    """Resolve the `hub` slug to a Hub the viewer operates; 404 for missing and forbidden alike."""

    @login_required
    def wrapper(request, hub: str, *args, **kwargs):
        found = access_hub_for_operator(request.user, hub)
        if found is None:
            raise Http404
        return view(request, found, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper
