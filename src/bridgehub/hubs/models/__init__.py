from bridgehub.hubs.models.hub import Hub, HubMembership
from bridgehub.hubs.models.invitation import HubInvitation

__all__ = ["Hub", "HubInvitation", "HubMembership"]
