from __future__ import annotations

import re

from convention_cli.checks import ALL_CHECKS


def test_each_check_is_documented_in_french_and_has_codes() -> None:
    for rule in ALL_CHECKS:
        assert rule.codes, rule.name
        assert rule.doc, rule.name
        assert re.search(r"[éèàêçûô]|\b(le|la|les|un|une|des|est|sans)\b", rule.doc), rule.name


def test_codes_belong_to_one_check() -> None:
    seen: dict[str, str] = {}
    for rule in ALL_CHECKS:
        for code in rule.codes:
            assert code not in seen, f"{code} : {seen.get(code)} et {rule.name}"
            seen[code] = rule.name
