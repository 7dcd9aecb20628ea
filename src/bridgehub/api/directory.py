"""Organisations and people over the API, under the same rules as the pages."""


from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import Http404
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from bridgehub.api.auth import TOKEN, TOKEN_OR_ANONYMOUS
from bridgehub.api.pagination import BoundedPageNumberPagination
from bridgehub.api.schemas import (
    BODY_ERRORS,
    ERRORS,
    ErrorOut,
    OrganisationIn,
    OrganisationListOut,
    OrganisationOut,
    OrganisationPatch,
    PersonOut,
)
from bridgehub.common.languages import CONTENT_LANGUAGES
from bridgehub.directory.domain import organisations as organisation_domain
from bridgehub.directory.domain import queries
from bridgehub.directory.domain.listing import ListingRow, listing_rows
from bridgehub.directory.domain.people import person_for_user, save_own_person
from bridgehub.directory.domain.search import DirectoryFilters, DirectorySearch, search_directory
from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.forms import (
    OrganisationForm,
    PersonForm,
    check_written_in_one_language,
    profile_text_errors,
)
from bridgehub.directory.models import Organisation, Person, Sector
from bridgehub.hubs.models import Hub

router = Router(tags=["directory"])


class DirectoryQuery(Schema):
    q: str = ""
    kind: str = ""
    sector: str = ""
    stage: str = ""
    country: str = ""
    hub: str = ""
    ask: str = ""
    offer: str = ""


def _list_item(row: ListingRow) -> dict:
    return {
        "slug": row.slug, "name": row.name, "name_reading": row.name_reading, "kind": row.kind,
        "investor_type": row.investor_type, "country": row.country, "stage": row.stage,
        "original_language": row.original_language, "sectors": [sector.code for sector in row.sectors],
        "hubs": row.hub_slugs, "tagline": row.tagline,
    }


def _organisation_item(organisation: Organisation) -> dict:
    text = organisation.text_for(organisation.original_language, list(organisation.texts.all()))
    return {
        "slug": organisation.slug, "name": organisation.name, "name_reading": organisation.name_reading,
        "kind": organisation.kind, "investor_type": organisation.investor_type, "country": organisation.country,
        "stage": organisation.stage, "original_language": organisation.original_language,
        "sectors": [sector.code for sector in organisation.sectors.all()],
        "hubs": [link.hub.slug for link in organisation.hub_links.all() if link.status == ApprovalStatus.APPROVED],
        "tagline": text.tagline if text else "",
    }


def _detail(user, organisation: Organisation) -> dict:
    member = user.has_perm("directory.view_member_content", organisation)
    return {
        **_organisation_item(organisation),
        "founded_year": organisation.founded_year, "website": organisation.website,
        "team_size": organisation.team_size, "registry_number": organisation.registry_number,
        "texts": [
            {"language": t.language, "tagline": t.tagline, "summary": t.summary,
             "member_details": t.member_details if member else None}
            for t in organisation.texts.all()
        ],
        "asks_offers": queries.visible_asks_offers(user, organisation),
    }


@router.get("/organisations", response={200: list[OrganisationListOut], **ERRORS}, auth=TOKEN_OR_ANONYMOUS)
@paginate(BoundedPageNumberPagination, page_size=20)
def list_organisations(request, filters: Query[DirectoryQuery]):
    directory_filters = DirectoryFilters(query=filters.q, **filters.dict(exclude={"q"}))
    return _OrganisationPage(search_directory(request.user, directory_filters))


class _OrganisationPage:
    """A sliceable view of matching ids that loads and serialises only the requested page."""

    def __init__(self, found: DirectorySearch):
        self.found = found

    def __len__(self):
        return len(self.found.ids)

    def __getitem__(self, item):
        ids = self.found.ids[item]
        # The API lists each profile's original tagline (clients pick languages from the detail).
        return self.found.index.remember(
            ("api-rows", tuple(ids)), lambda: [_list_item(row) for row in listing_rows(self.found.index, ids, None)])


@router.get("/organisations/{slug}", response={200: OrganisationOut, 404: ErrorOut, **ERRORS},
            auth=TOKEN_OR_ANONYMOUS)
def get_organisation(request, slug: str):
    organisation = queries.access_organisation_for_user(request.user, slug)
    if organisation is None:
        raise Http404("no such organisation")
    return _detail(request.user, organisation)


def _validated(form_data: dict, instance: Organisation | None = None) -> OrganisationForm:
    form = OrganisationForm(data=form_data, instance=instance)
    if not form.is_valid():
        raise HttpError(422, "; ".join(f"{field}: {' '.join(messages)}" for field, messages in form.errors.items()))
    return form


def _sector_ids(codes: list[str]) -> list[int]:
    found = dict(Sector.objects.filter(code__in=codes).values_list("code", "pk"))
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise HttpError(422, f"sectors: unknown code(s) {', '.join(unknown)}")
    return [found[code] for code in codes]


def _texts(texts) -> dict[str, dict[str, str]]:
    """The profile texts checked by the page's own form and rules; 422 names the first bad field."""
    result: dict[str, dict[str, str]] = {}
    for index, text in enumerate(texts):
        if text.language not in CONTENT_LANGUAGES:
            raise HttpError(422, f"texts[{index}].language: {text.language!r} is not one of "
                                 f"{', '.join(CONTENT_LANGUAGES)}")
        if text.language in result:
            raise HttpError(422, f"texts[{index}].language: {text.language!r} is given twice")
        fields = {"tagline": text.tagline, "summary": text.summary, "member_details": text.member_details}
        for name, messages in profile_text_errors(text.language, fields).items():
            raise HttpError(422, f"texts[{index}].{name}: {' '.join(messages)}")
        result[text.language] = fields
    return result


@router.post("/organisations", response={201: OrganisationOut, 403: ErrorOut, **BODY_ERRORS}, auth=TOKEN)
def create_organisation(request, payload: OrganisationIn):
    data = payload.dict(exclude={"hubs", "texts", "sectors"})
    form = _validated({**data, "sectors": _sector_ids(payload.sectors)})
    hubs = list(Hub.objects.filter(slug__in=payload.hubs))
    if len(hubs) != len(set(payload.hubs)):
        raise HttpError(422, "hubs: unknown hub slug")
    texts = _texts(payload.texts)
    try:
        check_written_in_one_language(texts)
    except ValidationError as error:
        raise HttpError(422, f"texts: {error.messages[0]}") from None
    with transaction.atomic():
        organisation = organisation_domain.create_organisation(
            user=request.user, organisation=form.save(commit=False), sectors=form.cleaned_data["sectors"], hubs=hubs)
        organisation_domain.save_profile_texts(user=request.user, organisation=organisation, texts=texts)
    return Status(201, _detail(request.user, queries.access_organisation_for_user(request.user, organisation.slug)))


@router.patch("/organisations/{slug}", response={200: OrganisationOut, 404: ErrorOut, **BODY_ERRORS}, auth=TOKEN)
def update_organisation(request, slug: str, payload: OrganisationPatch):
    organisation = queries.access_organisation_for_user(request.user, slug)
    if organisation is None or not request.user.has_perm("directory.change_organisation", organisation):
        raise Http404("no such organisation")
    changes = payload.dict(exclude_unset=True, exclude={"texts", "sectors"})
    current = {name: getattr(organisation, name) for name in OrganisationForm.Meta.fields if name != "sectors"}
    sector_ids = (_sector_ids(payload.sectors) if payload.sectors is not None
                  else [sector.pk for sector in organisation.sectors.all()])
    form = _validated({**current, **{k: ("" if v is None else v) for k, v in changes.items()}, "sectors": sector_ids},
                      instance=organisation)
    texts = _texts(payload.texts) if payload.texts is not None else None
    try:
        with transaction.atomic():
            organisation_domain.update_organisation(user=request.user, organisation=form.save(commit=False),
                                                    sectors=form.cleaned_data["sectors"])
            if texts is not None:
                organisation_domain.save_profile_texts(user=request.user, organisation=organisation, texts=texts)
    except ValidationError as error:
        raise HttpError(422, f"texts: {error.messages[0]}") from None
    return _detail(request.user, queries.access_organisation_for_user(request.user, slug))


def _person(user, person: Person) -> dict:
    result: dict = {"id": person.pk, "name": person.name, "name_reading": person.name_reading}
    if queries.person_group_visible(user, person, person.profile_visibility):
        result |= {
            "title": person.title, "languages": person.languages, "bio": person.bio,
            "affiliations": [{"organisation": a.organisation.slug, "organisation_name": a.organisation.name,
                              "role": a.role} for a in person.affiliations.all()],
        }
    if queries.person_group_visible(user, person, person.contact_visibility):
        result |= {"contact_email": person.contact_email, "phone": person.phone}
    return result


class _LazyPeople:
    """A sliceable view of a people queryset that serialises only the requested page."""

    def __init__(self, queryset, user):
        self.queryset = queryset
        self.user = user

    def __len__(self):
        return self.queryset.count()

    def __getitem__(self, item):
        return [_person(self.user, person) for person in self.queryset[item]]


@router.get("/people", response={200: list[PersonOut], **ERRORS}, auth=TOKEN_OR_ANONYMOUS)
@paginate(BoundedPageNumberPagination, page_size=20)
def list_people(request):
    return _LazyPeople(queries.with_person_data(queries.people_for_viewer(request.user).order_by("name", "pk")),
                       request.user)


class OwnPersonIn(Schema):
    """Fields of one's own directory entry; those left out keep their value."""

    name: str | None = None
    name_reading: str | None = None
    title: str | None = None
    languages: list[str] | None = None  # zh-Hant, ja, en
    original_language: str | None = None
    contact_email: str | None = None
    phone: str | None = None
    profile_visibility: str | None = None
    contact_visibility: str | None = None
    open_to_roles: bool | None = None
    sought_role: str | None = None
    based_in: str | None = None
    bio: dict[str, str] | None = None  # per language; an empty text removes that language


# Before /people/{person_id}: that pattern would otherwise take "me" and answer 405.
@router.put("/people/me", response={200: PersonOut, **BODY_ERRORS}, auth=TOKEN)
def save_own_profile(request, payload: OwnPersonIn):
    """Create or change one's own directory entry (the profile page's form and rules)."""
    person = person_for_user(request.user) or Person(name=request.user.display_name or "")
    given = payload.dict(exclude_unset=True)
    bio = given.pop("bio", None) or {}
    unknown = sorted(set(bio) - set(CONTENT_LANGUAGES))
    if unknown:
        raise HttpError(422, f"bio: unknown language(s) {', '.join(unknown)}")
    form = PersonForm({**model_to_dict(person, fields=PersonForm.Meta.fields), **given}, instance=person)
    if not form.is_valid():
        raise HttpError(422, "; ".join(f"{field}: {' '.join(messages)}" for field, messages in form.errors.items()))
    saved = save_own_person(user=request.user, person=form.save(commit=False), bio={**person.bio, **bio})
    return _person(request.user, queries.with_person_data(Person.objects.filter(pk=saved.pk)).get())


@router.get("/people/{person_id}", response={200: PersonOut, 404: ErrorOut, **ERRORS}, auth=TOKEN_OR_ANONYMOUS)
def get_person(request, person_id: int):
    person = queries.access_person_for_user(request.user, person_id)
    if person is None:
        raise Http404("no such person")
    return _person(request.user, person)

