from bridgehub.matchmaking.models.feedback import Introduction, MatchFeedback
from bridgehub.matchmaking.models.profile import HubMatching, MatchProfile, Recommendation

__all__ = ["HubMatching", "Introduction", "MatchFeedback", "MatchProfile", "Recommendation"]
