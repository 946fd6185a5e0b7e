"""Shared fixtures: the site is built once per test run; browsers run Debian's chromium with no network."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """A fresh strict build of the whole site in a world-readable temporary folder.

    HUB_TEST_SITE=path reuses an existing build (for quick local iteration only)."""
    reuse = os.environ.get("HUB_TEST_SITE")
    if reuse:
        yield Path(reuse).resolve()
        return
    from scripts.build_site import build

    parent = Path(tempfile.mkdtemp(prefix="hub-test-"))
    os.chmod(parent, 0o755)  # linkchecker run as root reads the site as user `nobody`
    site = parent / "site"
    build(site)
    yield site
    shutil.rmtree(parent, ignore_errors=True)


def lang_root(site: Path, lang: str) -> Path:
    return site if lang == "en" else site / lang


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run `make test-deps` (installs Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                # Pages opened from files load scripts from files (the search shim needs this in an iframe).
                "--allow-file-access-from-files",
            ],
        )
        yield browser
        browser.close()


class OfflineGuard:
    """Blocks every request that is not file:// and remembers it, so the test can fail on it."""

    def __init__(self):
        self.external: list[str] = []

    def __call__(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()


def _page(browser, **context_options):
    context = browser.new_context(**context_options)
    guard = OfflineGuard()
    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, guard, errors


@pytest.fixture
def offline_page(browser):
    """A Playwright page with JavaScript on; any request leaving file:// fails the test."""
    context, page, guard, errors = _page(browser)
    yield page
    context.close()
    assert not guard.external, f"requests left the site: {guard.external}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def nojs_page(browser):
    """A Playwright page with JavaScript disabled; any request leaving file:// fails the test."""
    context, page, guard, _ = _page(browser, java_script_enabled=False)
    yield page
    context.close()
    assert not guard.external, f"requests left the site: {guard.external}"


@pytest.fixture
def make_offline_page(browser):
    """Factory for pages with extra context options (e.g. color_scheme='dark'), each guarded like offline_page."""
    opened = []

    def factory(**options):
        context, page, guard, errors = _page(browser, **options)
        opened.append((context, guard, errors))
        return page

    yield factory
    for context, guard, errors in opened:
        context.close()
        assert not guard.external, f"requests left the site: {guard.external}"
        assert not errors, f"JavaScript errors: {errors}"


def run_axe(page) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations on the page (axe-core from npm)."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in violations if v["impact"] in ("serious", "critical")]
