"""The browser tests' contract with CI: without Chromium they fail under CI, and
``.ci/run`` installs Debian's package when it is missing."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.paths import ROOT

TEST = "tests/browser/test_site_browser.py::test_home_page_renders_key_figures"


def _run_without_browser(ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["CHROMIUM"] = str(ROOT / "build" / "pas-de-chromium")
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-cov", TEST],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300)


def test_missing_browser_fails_under_ci() -> None:
    result = _run_without_browser(ci=True)
    assert result.returncode == 1, result.stdout
    assert "navigateur indisponible" in result.stdout
    assert "1 error" in result.stdout or "1 failed" in result.stdout


def test_missing_browser_skips_outside_ci() -> None:
    result = _run_without_browser(ci=False)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout


def test_ci_script_installs_chromium_when_missing() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "command -v chromium" in script
    assert "apt-get install -y -qq chromium" in script
