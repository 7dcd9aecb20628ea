"""`{% head_links %}` and `{% topbar %}` for base.html: the page chrome (web/chrome.py says why)."""

from django import template
from django.utils.safestring import SafeString

from bridgehub.web import chrome

register = template.Library()


@register.simple_tag
def head_links() -> SafeString:
    return chrome.head_links()


@register.simple_tag(takes_context=True)
def topbar(context) -> SafeString:
    return chrome.topbar(context)
