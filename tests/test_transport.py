"""No third-party script, no inline script: a Content-Security-Policy on every page, and templates
that would break under it are caught here before a browser sees them."""

import re
from pathlib import Path

import pytest
from django.test import Client

TEMPLATES = Path(__file__).resolve().parent.parent / "src" / "bridgehub" / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
THIRD_PARTY = re.compile(r"(src|href)=\"(https?:)?//", re.IGNORECASE)


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: path.name)
def test_templates_have_no_inline_script_handler_or_third_party_asset(template):
    text = template.read_text()
    assert (INLINE_SCRIPT.findall(text), INLINE_HANDLER.findall(text), THIRD_PARTY.findall(text)) == ([], [], [])


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/directory/", "/accounts/login/", "/api/v1/docs", "/o/secret-chips/"])
def test_every_page_carries_the_content_security_policy(world, url):
    response = Client().get(url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_the_api_docs_use_the_vendored_swagger_ui(world):
    page = Client().get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn." not in page and "https://" not in page
    assert INLINE_SCRIPT.findall(page) == []


@pytest.mark.django_db
def test_the_directory_varies_on_htmx(world):
    full = Client().get("/directory/")
    partial = Client().get("/directory/", HTTP_HX_REQUEST="true")
    assert "HX-Request" in full["Vary"] and "HX-Request" in partial["Vary"]
    assert "<html" in full.content.decode() and "<html" not in partial.content.decode()
