"""The page an invitation link opens: who invites you to what, and the button that accepts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from bridgehub.accounts.domain.invitations import InvitationError, check_can_accept
from bridgehub.accounts.models.invitation import hash_invitation_token
from bridgehub.directory.domain.team import accept_team_invitation
from bridgehub.directory.models import OrganisationInvitation
from bridgehub.hubs.domain.membership import accept_hub_invitation
from bridgehub.hubs.models import HubInvitation


def _find(token: str):
    digest = hash_invitation_token(token)
    return (OrganisationInvitation.objects.select_related("organisation").filter(token_hash=digest).first()
            or HubInvitation.objects.select_related("hub").filter(token_hash=digest).first())


def invitation(request, token: str):
    """Anyone holding the link may read what it offers; only the invited, verified address accepts."""
    found = _find(token)
    if found is None:
        raise Http404
    if isinstance(found, OrganisationInvitation):
        place, done_url = found.organisation.name, ("web:organisation", {"slug": found.organisation.slug})
    else:
        place, done_url = found.hub.name_for(translation.get_language()), ("web:dashboard", {})
    problem = None
    if request.user.is_authenticated:
        try:
            check_can_accept(request.user, found)
        except InvitationError as error:
            problem = str(error)
        if request.method == "POST" and problem is None:
            if isinstance(found, OrganisationInvitation):
                accept_team_invitation(user=request.user, invitation=found)
            else:
                accept_hub_invitation(user=request.user, invitation=found)
            messages.success(request, _("Welcome: you are now %(role)s – %(place)s.")
                             % {"role": found.get_role_display(), "place": place})
            return redirect(done_url[0], **done_url[1])
    elif not found.is_open:
        problem = _("This invitation has expired or was withdrawn; ask for a new one.")
    return render(request, "web/invitation.html", {"invitation": found, "place": place, "problem": problem})
