from bridgehub.directory.models.imports import ImportBatch
from bridgehub.directory.models.invitation import OrganisationInvitation
from bridgehub.directory.models.organisation import (
    AskOffer,
    Organisation,
    OrganisationHub,
    OrganisationMembership,
    ProfileText,
)
from bridgehub.directory.models.person import Affiliation, Person
from bridgehub.directory.models.private import OperatorNote
from bridgehub.directory.models.sector import Sector
from bridgehub.directory.models.version import DirectoryVersion

__all__ = [
    "Affiliation", "AskOffer", "DirectoryVersion", "ImportBatch", "OperatorNote", "Organisation", "OrganisationHub",
    "OrganisationInvitation", "OrganisationMembership", "Person", "ProfileText", "Sector",
]
