"""The site in a real browser: headless Chromium (Debian's ``chromium`` package) driven by
Playwright. Renders the home page and an engagement page, reads the key figures in the
rendered DOM, checks that no page logs a console error (a stylesheet or picture blocked
by the Content-Security-Policy would), follows the keyboard, the small screen and the
print media, and saves screenshots under ``build/artefacts/site/``.

Without Chromium these tests fail under CI (``CI`` set) and are skipped elsewhere:
``.ci/run`` installs the package when it is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.paths import ROOT
from tests.site_support import AS_OF, build, fixture_copy, is_page

ARTEFACTS = Path(os.environ.get("ARTEFACTS_DIR") or ROOT / "build" / "artefacts") / "site"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _unavailable(reason: str) -> None:
    message = f"navigateur indisponible : {reason} (apt-get install -y chromium)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site-navigateur")
    return build(fixture_copy(tmp), tmp / "public", "--as-of", AS_OF)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One Chromium for the module, with a fresh profile; the network is never needed."""
    executable = chromium_path()
    if executable is None or not Path(executable).exists():
        _unavailable("chromium introuvable")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        _unavailable("paquet Python playwright absent")
    profile = tmp_path_factory.mktemp("profil-chromium")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True,
            args=CHROMIUM_FLAGS, viewport={"width": 1200, "height": 900},
            offline=True, java_script_enabled=True,
        )
        try:
            yield context
        finally:
            context.close()


class Console:
    """Console errors, uncaught page errors and failed requests of one page."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("requestfailed",
                lambda request: self.errors.append(f"requête échouée : {request.url}"))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    tab = browser.new_page()
    tab.set_viewport_size({"width": 1200, "height": 900})
    try:
        yield tab
    finally:
        tab.close()


def _open(page: Any, site: Path, name: str) -> Console:
    console = Console(page)
    page.goto((site / name).as_uri(), wait_until="load")
    return console


def _screenshot(page: Any, name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_home_page_renders_key_figures(page: Any, site: Path) -> None:
    console = _open(page, site, "index.html")
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == "Convention de test — DGOM × UNML"
    assert page.locator("#total-realises").inner_text() == "1"
    assert page.locator("#total-engagements").inner_text() == "5"
    position = page.locator(".position").inner_text()
    assert position.startswith("Convention en vigueur du 18 juillet 2023 au 17 juillet 2026")
    assert page.locator("#retards-dgom-ladom").inner_text().count("en retard") == 1
    assert "Version publique" in page.locator(".version").inner_text()
    # The style sheet and the timeline picture loaded under the page's CSP.
    assert page.evaluate("getComputedStyle(document.querySelector('.entete'))"
                         ".backgroundColor") == "rgb(15, 47, 87)"
    assert page.evaluate("document.querySelector('.frise img').naturalWidth") == 624
    _screenshot(page, "accueil.png")
    assert console.errors == []


def test_engagement_page_renders(page: Any, site: Path) -> None:
    console = _open(page, site, "engagements/valoriser-signature.html")
    assert page.locator("h1").inner_text() == "Valoriser le partenariat à la signature"
    assert "réalisé" in page.locator(".historique").inner_text()
    evidence = page.locator(".preuves a").first
    assert evidence.inner_text() == "Article de presse"
    assert evidence.get_attribute("href") == "https://example.org/article"
    assert "honorée" in page.locator("#echeances-valoriser-signature").inner_text()
    _screenshot(page, "engagement.png")
    assert console.errors == []


def test_no_console_error_on_any_page(page: Any, site: Path) -> None:
    names = sorted(n for n in (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
                   if is_page(n))
    assert len(names) > 10
    for name in names:
        console = _open(page, site, name)
        assert console.errors == [], name
        assert page.locator("h1").count() == 1, name


def test_keyboard_skip_link_and_visible_focus(page: Any, site: Path) -> None:
    _open(page, site, "engagements/unml-relayer.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Aller au contenu"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    box = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert box >= 0  # the skip link shows itself when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#contenu"
    assert page.evaluate("document.activeElement.id") == "contenu"
    page.keyboard.press("Tab")  # the next stop is inside the main content
    assert page.evaluate("document.getElementById('contenu')"
                         ".contains(document.activeElement)")


def test_small_screen_has_no_horizontal_scroll(page: Any, site: Path) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    for name in ("index.html", "engagements/unml-relayer.html", "echeances.html",
                 "territoires/la-reunion.html"):
        _open(page, site, name)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (name, width)
    _open(page, site, "index.html")
    _screenshot(page, "accueil-360.png")


def test_print_media_hides_navigation(page: Any, site: Path) -> None:
    _open(page, site, "index.html")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.menu')).display") == "none"
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.evitement')).display") == "none"
    page.emulate_media(media="screen")
