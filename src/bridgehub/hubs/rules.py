import rules

from bridgehub.hubs.domain.queries import operated_hub_ids


@rules.predicate
def is_hub_operator(user, hub) -> bool:
    return hub is not None and hub.pk in operated_hub_ids(user)


rules.add_perm("hubs.operate_hub", is_hub_operator)
