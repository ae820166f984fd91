"""The pages in a real browser: Debian's Chromium driven by Playwright, against a live
server on loopback. Screenshots go to each test's temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tidings.web import create_app, store_snapshot
from web_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SEED_TITLE,
    build_store,
    live_server,
    write_hostile,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is absent (apt-get install chromium; make test installs it)",
    ),  # fmt: skip
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web_browser")
    store = build_store(folder / "web.duckdb", pipeline, write_hostile(folder / "in"))
    with live_server(create_app(store_snapshot(store))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()


def _open_seed(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/articles")
    page.get_by_role("link", name=SEED_TITLE).click()
    page.wait_for_selector("article.article")


def test_web_browser_seed_article(page: Any, base_url: str, tmp_path: Path) -> None:
    _open_seed(page, base_url)
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    quotes = page.eval_on_selector_all(
        "mark.quote", "els => [...new Set(els.map(e => e.dataset.quote))]"
    )
    assert len(quotes) == 5
    assert page.locator("mark.quote").first.is_visible()
    assert "I particularly thanked President Putin" in page.locator("mark.quote").first.inner_text()
    furniture = page.get_by_text("Support The Moscow Times!")
    assert not furniture.is_visible()
    page.get_by_text("Dropped as page furniture").click()
    assert furniture.is_visible()
    # hovering an event shows its codes, date resolution and rule
    chip = page.locator(".event-chip", has_text="CONSULT").first
    chip.hover()
    card = chip.locator(".card")
    assert card.is_visible()
    text = card.inner_text()
    assert "SRBGOV" in text and "RUSGOV" in text and "consult.phone" in text
    assert "on Sunday" in text
    page.screenshot(path=str(tmp_path / "article-hover.png"))


def test_web_browser_timeline_marks_click_through(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/")
    page.fill("form.dyad input[name=a]", "Vucic")
    page.fill("form.dyad input[name=b]", "Putin")
    page.click("form.dyad button")
    page.wait_for_selector("svg.chart")
    page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)
    months = set(
        page.eval_on_selector_all("svg.chart a.mark", "els => els.map(e => e.dataset.month)")
    )
    assert {"2022-05", "2024-10"} <= months
    assert page.locator("svg.chart rect[data-month='2022-05']").count() >= 1
    page.locator("svg.chart a.mark[data-month='2022-05']").first.click()
    target = page.locator("li.instance:target")
    assert target.count() == 1 and "CONSULT" in target.inner_text()
    target.locator("a.source").first.click()
    page.wait_for_selector(".sentence:target")
    sentence = page.locator(".sentence:target")
    assert "In his first direct talk with Putin since May 2022" in sentence.inner_text()
    assert sentence.is_visible()
    page.screenshot(path=str(tmp_path / "sentence.png"))


def test_web_browser_hostile_articles_run_no_script(
    page: Any, base_url: str, tmp_path: Path
) -> None:
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{base_url}/articles")
    links = page.locator("li.article-row a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    visited = 0
    literal = []
    for href in hrefs:
        page.goto(base_url + href)
        title = page.locator("h1").inner_text()
        if "Valdoria" not in page.content() and "Harbour" not in title:
            continue
        visited += 1
        literal.append("<script>" in page.locator("main").inner_text())
        page.screenshot(path=str(tmp_path / f"hostile-{visited}.png"), full_page=True)
        for chip in page.locator(".chip").all():
            chip.hover()  # onmouseover= payloads, if any were live
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.body.dataset.pwned") is None
        for a in page.locator("a").all():
            assert not (a.get_attribute("href") or "").strip().lower().startswith("javascript:")
    assert visited == 2
    assert page.dialogs == []
    assert any(literal)  # the payloads are shown as text, not run
