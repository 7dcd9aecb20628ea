"""Permissions on directory rows, as small predicates (named by views and the API)."""

import rules

from bridgehub.directory.domain import queries


@rules.predicate
def is_org_admin(user, organisation) -> bool:
    return organisation is not None and queries.is_org_admin(user, organisation)


@rules.predicate
def is_org_member(user, organisation) -> bool:
    return organisation is not None and queries.is_org_member(user, organisation)


@rules.predicate
def reads_member_content(user, organisation) -> bool:
    return organisation is not None and queries.can_read_member_content(user, organisation)


@rules.predicate
def operates_organisation(user, organisation) -> bool:
    return organisation is not None and queries.can_operate_organisation(user, organisation)


rules.add_perm("directory.change_organisation", is_org_admin)
rules.add_perm("directory.view_member_content", reads_member_content | is_org_member)
rules.add_perm("directory.review_organisation", operates_organisation)
rules.add_perm("directory.write_operator_note", operates_organisation)
