"""Form helpers: one error summary at the top of a page, whatever forms, tabs or formsets it holds.

Why: a refused field inside a hidden tab (the Japanese tagline while the page opened on 繁體中文) was an
error nobody saw. The summary names every error with the field and its tab, and links to the field; the
tabs themselves open on the first one with an error (see `first_tab_with_errors`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms, template
from django.forms.formsets import BaseFormSet
from django.utils.text import capfirst

register = template.Library()


@dataclass(frozen=True)
class FormError:
    where: str  # the field's label, with its tab or row where it has one
    message: str
    anchor: str  # the id of the input, for the link


def _form_errors(form: forms.BaseForm, context_label: str) -> list[FormError]:
    found = []
    suffix = f" ({context_label})" if context_label else ""
    for message in form.non_field_errors():
        found.append(FormError(context_label, str(message), ""))
    for field in form:
        for message in field.errors:
            found.append(FormError(f"{capfirst(field.label)}{suffix}", str(message), field.id_for_label or ""))
    return found


def collect_errors(item: Any, context_label: str = "") -> list[FormError]:
    """Errors of a form, a formset (rows numbered from 1), or a list of them; a (language, name, form)
    tuple is a tab, named by its second element."""
    if item is None or item == "":
        return []
    if isinstance(item, forms.BaseForm):
        return _form_errors(item, context_label) if item.is_bound else []
    if isinstance(item, BaseFormSet):
        if not item.is_bound:
            return []
        found = [FormError(context_label, str(message), "") for message in item.non_form_errors()]
        for number, row in enumerate(item.forms, start=1):
            found += collect_errors(row, f"{context_label} {number}".strip() if context_label else str(number))
        return found
    if isinstance(item, tuple) and len(item) == 3 and isinstance(item[2], forms.BaseForm):
        return collect_errors(item[2], str(item[1]))
    if isinstance(item, list | tuple):
        return [error for part in item for error in collect_errors(part, context_label)]
    return []


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*items: Any) -> dict[str, Any]:
    """`{% error_summary form text_forms formset %}`: a box listing every error, linking to each field."""
    return {"errors": collect_errors(list(items))}


@register.filter
def first_tab_with_errors(tabs: list[tuple[str, str, forms.BaseForm]]) -> str:
    """The language of the first (language, name, form) tab whose form has an error, else the first tab's."""
    for language, _name, form in tabs:
        if form.is_bound and form.errors:
            return language
    return tabs[0][0] if tabs else ""
