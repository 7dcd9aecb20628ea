"""An automated accessibility scan (axe-core 4.14.1, vendored in tests/browser/vendor) of the main pages,
anonymous, member and operator, in two languages at phone and laptop width: no serious or critical
violation, and no page wider than the window."""

from pathlib import Path

import pytest

from tests.browser.test_exchange_round import log_in
from tests.browser.test_member_day import day  # noqa: F401 - the fixture
from tests.matchmaking.market import market  # noqa: F401 - the fixture

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
SERIOUS = ("serious", "critical")


def violations(page) -> list[str]:
    """axe's serious and critical findings on the page, as "rule: selector" lines."""
    page.add_script_tag(content=AXE)
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return result.violations.map(v => ({id: v.id, impact: v.impact,
                                            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}));
    }""")
    problems = [f"{v['id']} ({v['impact']}): {', '.join(v['nodes'])}" for v in found if v["impact"] in SERIOUS]
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width > window:
        problems.append(f"scrolls sideways: {width} px in a {window} px window")
    return problems


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("locale", "width"), [("ja-JP", 390), ("zh-TW", 1280)])
def test_main_pages_have_no_serious_accessibility_violation(live_server, browser, day, market, locale,  # noqa: F811
                                                            width):
    base = live_server.url
    # The site's CSP allows its own scripts only: the scan's contexts bypass it to inject axe.
    public = browser.new_context(locale=locale, bypass_csp=True).new_page()
    public.set_viewport_size({"width": width, "height": 900})
    pages = {}
    for path in ("/", "/directory/?q=chiplet", "/o/startup/", "/people/", "/accounts/login/", "/accounts/signup/"):
        public.goto(base + path)
        pages[f"anonymous {path}"] = violations(public)
    member = log_in(browser, base, "startup@example.com", locale=locale, bypass_csp=True)
    member.set_viewport_size({"width": width, "height": 900})
    for path in ("/dashboard/", "/inbox/", "/matches/", "/matches/?view=saved", f"/rounds/{day.pk}/", "/rounds/",
                 "/o/startup/edit/", "/me/settings/", "/me/profile/"):
        member.goto(base + path)
        pages[f"member {path}"] = violations(member)
    operator = log_in(browser, base, "op@example.com", locale=locale, bypass_csp=True)
    operator.set_viewport_size({"width": width, "height": 900})
    for path in ("/manage/tokyo/", "/manage/tokyo/rounds/", f"/manage/tokyo/rounds/{day.pk}/",
                 "/manage/tokyo/imports/", "/manage/tokyo/matching/"):
        operator.goto(base + path)
        pages[f"operator {path}"] = violations(operator)
    assert {page: found for page, found in pages.items() if found} == {}
