from bridgehub.trust.models.case import Case, Decision, Restriction, ScreenLog
from bridgehub.trust.models.sanctions import SanctionsEntry
from bridgehub.trust.models.settings import TrustSettings
from bridgehub.trust.models.verification import DomainProof, Vetting

__all__ = ["Case", "Decision", "DomainProof", "Restriction", "SanctionsEntry", "ScreenLog", "TrustSettings",
           "Vetting"]
