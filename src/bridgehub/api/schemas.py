
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from ninja import Field, Schema
from ninja.errors import HttpError


class HubOut(Schema):
    slug: str
    name_zh_hant: str
    name_ja: str
    name_en: str
    time_zone: str
    currency: str
    country: str


class SectorOut(Schema):
    code: str
    parent: str | None
    label_zh_hant: str
    label_ja: str
    label_en: str


class ChoiceOut(Schema):
    code: str
    label: str


class ProfileTextOut(Schema):
    language: str
    tagline: str
    summary: str
    member_details: str | None = Field(None, description="Present only for readers allowed to see member content")


class AskOfferOut(Schema):
    direction: str
    kind: str
    amount_min: int | None
    amount_max: int | None
    currency: str
    market: str
    talent_role: str
    note: str
    visibility: str


class OrganisationListOut(Schema):
    slug: str
    name: str
    name_reading: str
    kind: str
    investor_type: str
    country: str
    stage: str
    original_language: str
    sectors: list[str]
    hubs: list[str]
    tagline: str


class OrganisationOut(OrganisationListOut):
    founded_year: int | None
    website: str
    team_size: int | None
    registry_number: str
    texts: list[ProfileTextOut]
    asks_offers: list[AskOfferOut]


class ProfileTextIn(Schema):
    language: str
    tagline: str = ""
    summary: str = ""
    member_details: str = ""


class OrganisationIn(Schema):
    name: str
    name_reading: str = ""
    kind: str
    investor_type: str = ""
    country: str
    founded_year: int | None = None
    website: str = ""
    team_size: int | None = None
    registry_number: str = ""
    stage: str = ""
    sectors: list[str] = []
    original_language: str = "en"
    hubs: list[str] = Field(default_factory=list, description="Slugs of hubs to apply to")
    texts: list[ProfileTextIn] = []


class OrganisationPatch(Schema):
    name: str | None = None
    name_reading: str | None = None
    founded_year: int | None = None
    website: str | None = None
    team_size: int | None = None
    registry_number: str | None = None
    stage: str | None = None
    sectors: list[str] | None = None
    texts: list[ProfileTextIn] | None = None


class AffiliationOut(Schema):
    organisation: str
    organisation_name: str
    role: str


class PersonOut(Schema):
    id: int
    name: str
    name_reading: str
    title: str | None = None
    languages: list[str] | None = None
    bio: dict[str, str] | None = None
    affiliations: list[AffiliationOut] | None = None
    contact_email: str | None = None
    phone: str | None = None


class ErrorOut(Schema):
    detail: str = Field(description="What is wrong and where (field or parameter), in words")


# Answers every operation may give besides its own: a bad token (401), a parameter or body that
# does not read (422). Operations add 404 where something is looked up.
ERRORS = {401: ErrorOut, 422: ErrorOut}
# Operations with a JSON body also answer 400 when the body is not JSON at all.
BODY_ERRORS = {400: ErrorOut, **ERRORS}


def email_or_422(value: str, field: str = "email") -> str:
    """`value` as an e-mail address (trimmed), or a 422 naming the field: Django's own check, as the forms use."""
    address = value.strip()
    try:
        validate_email(address)
    except ValidationError:
        raise HttpError(422, f"{field}: not an e-mail address") from None
    return address
