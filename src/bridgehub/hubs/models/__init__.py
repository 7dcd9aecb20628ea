from bridgehub.hubs.models.hub import Hub, HubMembership

__all__ = ["Hub", "HubMembership"]
