"""The page of `footprint serve`, driven in headless Chromium (Debian's, through its chromedriver).

Selenium rather than Playwright: Debian ships `chromium` and `chromium-driver` from one source
package, so the driver always speaks the browser's protocol version, whereas Playwright pins the
Chromium build it was released with and cannot download it here. Skipped on a machine without
Chromium, never in CI (.ci/run installs both).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _need(what: str) -> None:
    if os.environ.get("CI"):
        raise AssertionError(f"browser tests must run in CI: {what} is missing")
    pytest.skip(f"{what} not installed")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _need("selenium")
    if not CHROMIUM or not CHROMEDRIVER:
        _need("chromium / chromium-driver")
    downloads = tmp_path_factory.mktemp("downloads")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
    ):
        opts.add_argument(arg)
    opts.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def wait_for(predicate, timeout: float = 30.0):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            last = predicate()
            if last:
                return last
        except Exception as exc:  # the page is still changing: try again
            last = exc
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting; last value: {last!r}")


def open_page(browser, url: str) -> None:
    browser.get(url)
    wait_for(lambda: browser.find_element("css selector", "body").get_attribute("data-ready") == "1")


def api_json(url: str) -> dict:
    import json
    import urllib.request

    with urllib.request.urlopen(url) as resp:  # the local test server only
        return json.loads(resp.read())


def test_compare_an_apple_from_france_and_from_argentina(browser, live_server):
    from selenium.webdriver.support.ui import Select

    open_page(browser, live_server + "?lang=fr#comparer")
    assert browser.find_element("id", "nav-comparer").text == "Comparer"
    product = browser.find_element("id", "product")
    product.send_keys("pom")
    # search as you type: the list offers the apple under its French name
    wait_for(
        lambda: (
            "Pomme"
            in [
                o.get_attribute("value")
                for o in browser.find_elements("css selector", "#product-list option")
            ]
        )
    )
    product.send_keys("me")
    browser.find_element("css selector", "#origins input.origin").send_keys("Argentine")
    Select(browser.find_element("id", "month")).select_by_value("4")
    browser.find_element("id", "compare-submit").click()
    cards = wait_for(lambda: browser.find_elements("css selector", "#compare-result article.option"))
    assert [c.get_attribute("data-origin") for c in cards] == ["FR", "AR"]
    api = api_json(live_server + "api/compare?product=Pomme&origin=Argentine&month=4&lang=fr")
    shown = [c.find_element("css selector", ".total strong").text for c in cards]
    for text, option in zip(shown, api["options"], strict=True):
        # the page shows the engine's totals (3 significant digits, French decimal comma)
        assert text.replace("\u202f", "").startswith(f"{option['total_kg_co2e']:.3g}".replace(".", ","))
    assert browser.find_element("css selector", "#compare-result .summary").text == api["summary"]
    # the route map of the printable sheet, and the gap in km by car
    route = browser.find_element("css selector", "#compare-result figure.route-map img")
    wait_for(lambda: browser.execute_script("return arguments[0].naturalWidth", route) > 0)
    assert "km en voiture" in cards[1].find_element("css selector", ".equivalent").text
    # the stacked bars are drawn from the JSON: the Argentine option has a transport segment
    stages = {r.get_attribute("data-stage") for r in browser.find_elements("css selector", "svg.bars rect")}
    assert {"production", "transport"} <= stages
    # every source is one click away
    details = cards[1].find_element("css selector", "details.sources")
    details.find_element("css selector", "summary").click()
    assert "AGRIBALYSE" in details.text
    # the step-by-step explanation comes from the explain API
    explain = cards[1].find_element("css selector", "details.explain")
    explain.find_element("css selector", "summary").click()
    steps = wait_for(lambda: explain.find_elements("css selector", "ol > li"))
    assert steps[0].text.startswith("Production (ferme)")


def test_changing_the_month_recomputes(browser, live_server):
    from selenium.webdriver.support.ui import Select

    result = browser.find_element("id", "compare-result")
    assert result.get_attribute("data-month") == "4"
    before = browser.find_element("css selector", "article.option[data-origin=FR] .season").text
    Select(browser.find_element("id", "month")).select_by_value("2")
    wait_for(lambda: result.get_attribute("data-month") == "2")
    after = wait_for(
        lambda: browser.find_element("css selector", "article.option[data-origin=FR] .season").text
    )
    from footprint_cli.i18n import t

    for month, shown in ((4, before), (2, after)):
        api = api_json(live_server + f"api/compare?product=Pomme&origin=Argentine&month={month}&lang=fr")
        local = api["options"][0]
        assert shown == t(f"season.{local['season']}", "fr", months=local["storage_months"])
    # a French apple in February has spent longer in cold storage than in April
    assert before != after


def test_unknown_product_shows_a_french_error(browser, live_server):
    open_page(browser, live_server + "#comparer")
    browser.find_element("id", "product").send_keys("pommmmes de terr")
    browser.find_element("id", "compare-submit").click()
    box = wait_for(
        lambda: (
            browser.find_element("id", "compare-error")
            if browser.find_element("id", "compare-error").is_displayed()
            else None
        )
    )
    assert box.get_attribute("data-status") == "404"
    assert "produit inconnu" in box.text and "Vouliez-vous dire" in box.text


def test_season_calendar_with_footprint(browser, live_server):
    open_page(browser, live_server + "#saisons")
    browser.find_element("id", "season-product").send_keys("pomme")
    browser.find_element("id", "season-submit").click()
    cells = wait_for(lambda: browser.find_elements("css selector", "table.calendar tr.fp-row td.fp"))
    assert len(cells) == 12
    values = [c.text for c in cells]
    assert all(v and v != "—" for v in values), values
    assert browser.find_elements("css selector", "td.st-in_season")


def test_upload_a_purchase_file_and_download_the_per_line_csv(browser, live_server, runner, tmp_path):
    from selenium.webdriver.support.ui import Select

    from footprint_cli.cli import app as cli_app

    src = DATA / "achats_tableur.csv"
    open_page(browser, live_server + "#rapport")
    browser.find_element("id", "report-file").send_keys(str(src))
    Select(browser.find_element("id", "report-month")).select_by_value("3")
    browser.find_element("id", "report-submit").click()
    link = wait_for(lambda: browser.find_element("id", "download-lines"), timeout=60)
    coverage = browser.find_element("css selector", "#report-result .coverage").text
    assert coverage.startswith("30 lignes lues")
    # counts after their word, so that "1" never reads "1 rejetées"
    assert re.search(r"calculées : \d+, rejetées : \d+", coverage), coverage
    assert "null" not in browser.find_element("id", "report-result").text
    link.click()
    target = browser.downloads / "achats_tableur.footprint.csv"
    wait_for(lambda: target.exists() and target.stat().st_size > 0)
    out = tmp_path / "cli.csv"
    result = runner.invoke(cli_app, ["report", str(src), "-m", "3", "--lang", "fr", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == out.read_bytes()
    # the full report is shown in the page (sandboxed frame)
    frame = browser.find_element("css selector", "iframe.report-frame")
    assert "<svg" in frame.get_attribute("srcdoc")


def test_english_switch_and_a_phone_screen(browser, live_server):
    open_page(browser, live_server + "#comparer")
    browser.find_element("id", "lang-switch").click()
    wait_for(lambda: browser.find_element("id", "nav-comparer").text == "Compare")
    assert browser.find_element("css selector", "html").get_attribute("lang") == "en"
    browser.set_window_size(390, 844)
    try:
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, width  # nothing wider than the phone's screen
    finally:
        browser.set_window_size(1280, 1000)


def test_a_mostly_imported_product_says_france_is_not_its_usual_origin(browser, live_server):
    # last: it changes the form the tests above share. Cod: France imports most of it; without an
    # origin the page compares its usual import origins (PdM Seafood Mag species guide, 2022 trade)
    # and says so above the comparison
    open_page(browser, live_server + "?lang=fr#comparer")
    for field in browser.find_elements("css selector", "#product, #origins input.origin"):
        field.clear()  # the same address again may keep the previous test's form
    browser.find_element("id", "product").send_keys("Cabillaud")
    browser.find_element("id", "compare-submit").click()
    cards = wait_for(lambda: browser.find_elements("css selector", "#compare-result article.option"))
    assert [c.get_attribute("data-origin") for c in cards] == ["IS", "NO", "DK"]
    notes = [p.text for p in browser.find_elements("css selector", "#compare-result > p.note")]
    assert len(notes) == 1 and "la France n'en est pas l'origine habituelle" in notes[0], notes
    assert "Islande, Norvège, Danemark" in notes[0]
