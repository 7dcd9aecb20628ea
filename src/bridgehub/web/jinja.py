"""The Jinja2 environment for the few fragments rendered on every search (see web/directory_cards.py).

Why a second engine: a directory result page of 20 cards cost ~4 ms in Django templates, a tenth of
that in Jinja2, and it is rendered afresh for every new search. Pages stay Django templates; a
Jinja fragment holds structure only, every word in it arrives translated from Python (where
makemessages finds it), and an undefined name is an error, never an empty string.
"""

from __future__ import annotations

from typing import Any

import jinja2


def environment(**options: Any) -> jinja2.Environment:
    options["undefined"] = jinja2.StrictUndefined
    return jinja2.Environment(**options)  # noqa: S701 - Django's backend turns autoescape on (asserted in tests)
