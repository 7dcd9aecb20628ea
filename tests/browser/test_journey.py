"""The foundation's user story in a real browser, end to end."""

import io
import re

import pytest
from django.core import mail
from openpyxl import Workbook
from playwright.sync_api import expect

from bridgehub.directory.models import Organisation
from tests.factories.core import TEST_PASSWORD, HubFactory, HubMembershipFactory, UserFactory


def log_in(page, base, email, password):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("form button[type=submit]")


def members_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in [["name", "kind", "country", "registry_number", "sectors"],
                ["Good Robotics KK", "startup", "JP", "", "robotics"],
                ["Checksum Fail", "startup", "TW", "04595258", ""],
                ["Another Good", "corporate", "JP", "", ""],
                ["Unknown Sector", "startup", "JP", "", "warp drives"]]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True)
def test_founder_and_operator_journey(live_server, browser, tmp_path):
    base = live_server.url
    tokyo = HubFactory(slug="tokyo", name_en="Tokyo Hub", name_ja="東京ハブ", name_zh_hant="東京樞紐")
    operator = HubMembershipFactory(hub=tokyo, user=UserFactory(email="op@tokyo.example")).user

    founder = browser.new_context(locale="en-US")
    page = founder.new_page()
    # 1. Sign up.
    page.goto(f"{base}/accounts/signup/")
    page.fill("#id_email", "founder@example.com")
    page.fill("#id_password1", "a long passphrase 7")
    page.fill("#id_password2", "a long passphrase 7")
    page.fill("#id_display_name", "Shiomi Aya")
    page.click("form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Hello, Shiomi Aya")
    # Creating an organisation makes her its admin: she confirms her address first.
    page.click("text=Create an organisation profile")
    expect(page.locator("h1")).to_have_text("Confirm your e-mail address")
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    page.goto(f"{base}{link}")
    page.click("main form button[type=submit]")
    # 2. Create a start-up profile written in Japanese, tagged with a semiconductor sector.
    page.goto(f"{base}/o/new/")
    page.fill("#id_name", "株式会社汐見プロセス")
    page.select_option("#id_kind", "startup")
    page.select_option("#id_country", "JP")
    page.select_option("#id_original_language", "ja")
    page.check("label:has-text('Semiconductor equipment') input")
    page.check("label:has-text('Tokyo Hub') input")
    page.click("#tab-button-ja")
    page.fill("#id_text-ja-tagline", "枚葉式洗浄装置")
    page.fill("#id_text-ja-summary", "熊本発、薬液使用量を削減するメガソニック洗浄装置を開発しています。")
    page.click("button.primary")
    expect(page.locator("h1")).to_contain_text("株式会社汐見プロセス")

    # The operator approves the application.
    operator_context = browser.new_context(locale="en-US")
    operator_page = operator_context.new_page()
    log_in(operator_page, base, operator.email, TEST_PASSWORD)
    operator_page.goto(f"{base}/manage/tokyo/")
    operator_page.click("button[value=approve]")
    expect(operator_page.locator(".messages")).to_contain_text("approved")

    # 3. Switch the interface to Traditional Chinese and search 半導體.
    page.goto(f"{base}/directory/")
    page.select_option("#language-select", "zh-hant")
    expect(page.locator("h1")).to_have_text("名錄")
    page.fill("input[name=q]", "半導體")
    page.press("input[name=q]", "Enter")
    result = page.locator(".result", has_text="株式会社汐見プロセス")
    expect(result).to_be_visible()
    expect(result.locator(".lang-badge")).to_have_text("日本語")  # shown as written, marked as Japanese
    expect(result.locator(".tag")).to_contain_text("半導體設備")
    page.screenshot(path=str(tmp_path / "search-zh-hant.png"))

    # 4. The operator imports an XLSX with two bad rows: exactly those are reported, nothing is written.
    before = Organisation.objects.count()
    file_path = tmp_path / "members.xlsx"
    file_path.write_bytes(members_xlsx())
    operator_page.goto(f"{base}/manage/tokyo/imports/")
    operator_page.select_option("#id_kind", "organisations")
    operator_page.set_input_files("#id_file", str(file_path))
    operator_page.click("button.primary")
    expect(operator_page.locator("#import-summary")).to_contain_text("4 rows: 2 good, 2 with errors.")
    rows = operator_page.locator("#import-errors tbody tr")
    expect(rows).to_have_count(2)
    reported = [re.sub(r"\s+", " ", rows.nth(index).inner_text()) for index in range(2)]
    assert reported[0].startswith("3 registry_number 04595258")
    assert reported[1].startswith("5 sectors warp drives")
    assert Organisation.objects.count() == before
    founder.close()
    operator_context.close()
