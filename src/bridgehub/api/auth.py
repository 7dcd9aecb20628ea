"""API authentication: personal bearer tokens; public endpoints also answer anonymous readers."""

from django.contrib.auth.models import AnonymousUser
from ninja.security import HttpBearer

from bridgehub.accounts.domain.tokens import user_for_token


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


def anonymous_reader(request):
    """Lets a request without credentials read public data; a *bad* token is still refused."""
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    request.user = AnonymousUser()
    return request.user


TOKEN = [BearerToken()]
TOKEN_OR_ANONYMOUS = [BearerToken(), anonymous_reader]
