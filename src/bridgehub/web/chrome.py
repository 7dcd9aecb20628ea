"""The chrome every page carries (head links, top bar, language switch, account links), rendered by a
Jinja2 fragment (web/jinja.py says why) from values built here.

In Django templates this chrome cost ~1.7 ms a page (14 `{% url %}`, 20 `{% translate %}`, three
language lookups, six static paths), more than some pages' own content. What never changes while a
process runs is built once: the fixed paths per URL configuration and script prefix, the words
per language (with the message ids base.html used, so the catalogues stay as they are). What
depends on the viewer (links, the unread count, which entry is current) is a few lines of Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# (URL name, the word's key, section that marks it current, area it must be in: "" = any)
_MEMBER_LINKS = (
    ("web:dashboard", "dashboard", "dashboard", ""),
    ("web:inbox", "inbox", "inbox", ""),
    ("web:matches", "matches", "matches", ""),
    ("web:relationships", "relationships", "relationships", ""),
    ("web:signals", "signals", "signals", "web"),
    ("web:rounds", "rounds", "rounds", "web"),
)
_PUBLIC_LINKS = (
    ("web:directory", "directory", "directory", ""),
    ("web:people", "people", "people", ""),
)
_OTHER_PATHS = ("web:home", "web:manifest", "manage:index", "set_language", "account_logout", "account_login",
                "account_signup", "web:settings")


@dataclass(frozen=True, slots=True)
class NavLink:
    url: str
    label: str
    current: bool
    count: int = 0
    count_label: str = ""


@cache
def _paths(urlconf: str | None, prefix: str) -> dict[str, str]:
    """Every fixed path of the chrome; the arguments key the cache (they are what `reverse` reads)."""
    names = [name for name, *_ in (*_MEMBER_LINKS, *_PUBLIC_LINKS)] + list(_OTHER_PATHS)
    return {name: reverse(name, urlconf=urlconf) for name in names}


@cache
def _words(language: str) -> dict[str, str]:
    """The chrome's words in `language` (the active one when called): gettext once per process."""
    return {
        "skip": _("Skip to content"), "main": _("Main"), "dashboard": _("Dashboard"), "inbox": _("Inbox"),
        "matches": _("Matches"), "relationships": _("Relationships"), "signals": _("Signals"),
        "rounds": _("Exchange rounds"), "directory": _("Directory"), "people": _("People"),
        "back_office": _("Back office"), "language": _("Language"), "change": _("Change"),
        "log_out": _("Log out"), "log_in": _("Log in"), "sign_up": _("Sign up"),
    }


@cache
def _languages() -> tuple[tuple[str, str], ...]:
    """(code, the language's own name) for the switch: 繁體中文, 日本語, English."""
    return tuple((code, translation.get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES)


@cache
def _static_paths(static_url: str) -> dict[str, str]:
    """The chrome's static files as served (hashed names in production); keyed by STATIC_URL."""
    files = {"css": "app.css", "icon_svg": "icons/favicon.svg", "icon_png": "icons/favicon-32.png",
             "touch_icon": "icons/apple-touch-icon.png", "htmx": "htmx.min.js", "app_js": "app.js"}
    return {key: static(f"bridgehub/{name}") for key, name in files.items()}


def head_links() -> SafeString:
    """Stylesheet, icons, manifest and the two scripts: the same on every page."""
    return _head_links(settings.STATIC_URL, get_urlconf(), get_script_prefix())


@cache
def _head_links(static_url: str, urlconf: str | None, prefix: str) -> SafeString:
    return SafeString(render_to_string("web/head.jinja", {
        **_static_paths(static_url), "manifest": _paths(urlconf, prefix)["web:manifest"]}, using="jinja2"))


def topbar(context: Any) -> SafeString:
    """The top bar for the page being rendered (`context`: the Django template context, so that a
    view's own `nav_section` wins over the context processor's, as it did in base.html)."""
    request = context.get("request")
    user = context.get("user")
    signed_in = bool(getattr(user, "is_authenticated", False))
    language = translation.get_language() or settings.LANGUAGE_CODE
    words = _words(language)
    paths = _paths(get_urlconf(), get_script_prefix())
    section, area = context.get("nav_section", ""), context.get("nav_area", "")
    unread = int(context.get("inbox_unread") or 0) if signed_in else 0

    def link(name: str, key: str, marks: str, in_area: str) -> NavLink:
        current = section == marks and (not in_area or area == in_area)
        if key != "inbox" or not unread:
            return NavLink(paths[name], words[key], current)
        label = ngettext("%(count)s unread", "%(count)s unread", unread) % {"count": unread}
        return NavLink(paths[name], words[key], current, unread, label)

    links = [link(*entry) for entry in _MEMBER_LINKS] if signed_in else []
    links += [link(*entry) for entry in _PUBLIC_LINKS]
    if context.get("viewer_operates"):
        links.append(NavLink(paths["manage:index"], words["back_office"], area == "manage"))
    return SafeString(render_to_string("web/topbar.jinja", {
        "words": words, "paths": paths, "links": links, "signed_in": signed_in,
        "user_name": str(user) if signed_in else "", "language": language, "languages": _languages(),
        "here": request.get_full_path() if request is not None else "/",
        "icon": _static_paths(settings.STATIC_URL)["icon_svg"],
        # One masked token for both forms (the backend's lazy csrf_input masks anew on every use).
        "csrf_input": csrf_input(request) if request is not None else "",
    }, using="jinja2"))
