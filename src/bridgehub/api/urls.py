from django.core.exceptions import PermissionDenied
from ninja import NinjaAPI
from ninja.errors import ValidationError

from bridgehub.api import (
    applications,
    directory,
    exchanges,
    hub_members,
    hubs,
    matching,
    pipeline,
    signals,
    team,
    trust,
)

api = NinjaAPI(
    title="bridgehub API",
    version="1",
    description="Directory of a cross-border start-up hub: hubs, taxonomy, organisations and people, "
    "recommendations (matches) with their reasons, introductions and their answers, teams, hub members, "
    "hub applications and approvals, market signals (a member's news feed with reasons, follows), "
    "exchange rounds (registration, meeting requests and answers, agenda, "
    "check-in, feedback, no-shows, cancellations), reports and the operators' review queue. "
    "Texts come in the language asked for: `?lang=zh-hant|ja|en`, else `Accept-Language`. "
    "Authenticate with `Authorization: Bearer <token>` (create tokens under Settings → API tokens); "
    "public data can be read without a token.",
    urls_namespace="api-1",
)
api.add_router("/", hubs.router)
api.add_router("/", directory.router)
api.add_router("/", matching.router)
api.add_router("/", trust.router)
api.add_router("/", exchanges.router)
api.add_router("/", applications.router)
api.add_router("/", team.router)
api.add_router("/", hub_members.router)
api.add_router("/", pipeline.router)
api.add_router("/", signals.router)


@api.exception_handler(ValidationError)
def unreadable_input(request, error: ValidationError):
    """A parameter or body that does not read: one sentence naming each place, like every other 422."""
    problems = []
    for item in error.errors:
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("body", "payload"))
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=422)


@api.exception_handler(PermissionDenied)
def not_allowed(request, error: PermissionDenied):
    return api.create_response(request, {"detail": str(error) or "not allowed"}, status=403)
