"""Renders the PNG icons (favicon, home-screen and manifest sizes) from icons/favicon.svg with the
system Chromium. Run by hand after changing the SVG; the PNGs are committed, nothing renders at run time.

    .venv/bin/python tools/make_icons.py
"""

from __future__ import annotations

import pathlib

from playwright.sync_api import sync_playwright

ICONS = pathlib.Path(__file__).resolve().parent.parent / "src/bridgehub/static/bridgehub/icons"
SIZES = {"favicon-32.png": 32, "apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}


def main() -> None:
    svg = (ICONS / "favicon.svg").read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for name, size in SIZES.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f"<style>html,body{{margin:0}}svg{{width:{size}px;height:{size}px;display:block}}</style>"
                             + svg)
            page.screenshot(path=str(ICONS / name), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
