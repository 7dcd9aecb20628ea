"""Formula-injection escaping for CSV exports (OWASP CSV injection), and its exact inverse.

A text cell that a spreadsheet would run as a formula gets a leading apostrophe. So that an
export re-imports exactly (a phone number "+81 3…" or a value "-1" comes back unchanged), a cell
that already starts with an apostrophe gets one too, and the importer removes exactly one.
"""

_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = (*_FORMULA_TRIGGERS, "'")


def escape_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(_ESCAPED):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo `escape_cell` on a cell read back from a CSV file."""
    if value.startswith("'") and value[1:].startswith(_ESCAPED):
        return value[1:]
    return value
