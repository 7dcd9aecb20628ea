"""Trust's words in the reader's language: badges, lookalike and sanctions reasons."""

from django.utils.translation import gettext_lazy as _

BADGES = {
    "vetted": (_("Vetted by the hub"), _("The hub's operators checked this organisation (%(by)s, %(date)s).")),
    "registry": (_("Registry confirmed"),
                 _("Its registry number was checked against its name in the public registry (%(date)s).")),
    "registry_checked": (_("Registry number valid"),
                         _("Its registry number follows the country's check-digit rule; nobody has matched it to "
                           "the name yet.")),
    "domain": (_("Domain proved"), _("A member proved by e-mail that %(domain)s belongs to it (%(date)s).")),
    "website": (_("Website on its domain"), _("Its website is on the proved domain %(domain)s.")),
}
UNVERIFIED = (_("Not verified"), _("Nothing about this organisation is verified yet. Never pay anyone to meet them, "
                                   "and ask the hub if in doubt."))

HIT_REASONS = {
    "same_name": _("the same name once letters, script and legal form are folded"),
    "similar_name": _("a name one or two letters away"),
    "contains_name": _("the verified name inside a longer one"),
    "same_domain": _("the same web domain"),
    "similar_domain": _("a web domain one letter away or under another suffix"),
    "brand_in_domain": _("the verified domain's name inside its own domain"),
}
