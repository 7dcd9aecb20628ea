"""Log in one reader per sampled match profile of the Tokyo hub and print "path<TAB>session" lines.

Run with the bench server's BRIDGEHUB_* environment. Readers are sampled across kinds (start-ups
reading investors, corporates and talent; investors and corporates reading start-ups).
"""

import argparse
import os
import random
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgehub.settings")
django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from bridgehub.accounts.models import User  # noqa: E402
from bridgehub.directory.models import OrganisationMembership  # noqa: E402
from bridgehub.matchmaking.models import MatchProfile, Recommendation  # noqa: E402

KINDS = {"startup": ("investor", "corporate", "talent"), "investor": ("startup",), "corporate": ("startup",)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--readers", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(7)
    with_lists = set(Recommendation.objects.filter(hub__slug="tokyo").values_list("reader_id", flat=True))
    for kind, targets in KINDS.items():
        pool = list(MatchProfile.objects.filter(kind=kind, pk__in=with_lists, organisation__isnull=False)
                    .order_by("pk").values_list("pk", "organisation_id"))
        for profile_id, organisation_id in rng.sample(pool, min(len(pool), args.readers // len(KINDS))):
            user, _created = User.objects.get_or_create(email=f"bench-{profile_id}@example.com")
            OrganisationMembership.objects.get_or_create(organisation_id=organisation_id, user=user)
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "bridgehub.accounts.backends.AuthenticationBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            for target in targets:
                print(f"/matches/?profile={profile_id}&kind={target}&hub=tokyo\tCookie\tsessionid={session.session_key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
