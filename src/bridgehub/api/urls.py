from ninja import NinjaAPI

from bridgehub.api import directory, hubs, matching

api = NinjaAPI(
    title="bridgehub API",
    version="1",
    description="Directory of a cross-border start-up hub: hubs, taxonomy, organisations and people, and "
    "recommendations (matches) with their reasons. "
    "Authenticate with `Authorization: Bearer <token>` (create tokens under Settings → API tokens); "
    "public data can be read without a token.",
    urls_namespace="api-1",
)
api.add_router("/", hubs.router)
api.add_router("/", directory.router)
api.add_router("/", matching.router)
