from ninja import Router

from bridgehub.api.auth import TOKEN_OR_ANONYMOUS
from bridgehub.api.schemas import ERRORS, ChoiceOut, HubOut, SectorOut
from bridgehub.directory.enums import AskOfferKind, OrganisationKind, Stage
from bridgehub.directory.models import Sector
from bridgehub.hubs.models import Hub

router = Router(tags=["hubs and taxonomy"], auth=TOKEN_OR_ANONYMOUS)


@router.get("/hubs", response={200: list[HubOut], **ERRORS})
def list_hubs(request):
    return list(Hub.objects.order_by("pk"))


@router.get("/taxonomy/sectors", response={200: list[SectorOut], **ERRORS})
def list_sectors(request):
    return [
        {"code": s.code, "parent": s.parent.code if s.parent else None, "label_zh_hant": s.label_zh_hant,
         "label_ja": s.label_ja, "label_en": s.label_en}
        for s in Sector.objects.select_related("parent")
    ]


def _choices(choices) -> list[dict]:
    return [{"code": value, "label": str(label)} for value, label in choices]


@router.get("/taxonomy/stages", response={200: list[ChoiceOut], **ERRORS})
def list_stages(request):
    return _choices(Stage.choices)


@router.get("/taxonomy/ask-offer-kinds", response={200: list[ChoiceOut], **ERRORS})
def list_ask_offer_kinds(request):
    return _choices(AskOfferKind.choices)


@router.get("/taxonomy/organisation-kinds", response={200: list[ChoiceOut], **ERRORS})
def list_organisation_kinds(request):
    return _choices(OrganisationKind.choices)
