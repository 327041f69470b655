"""WCAG 2.1 AA with axe-core (from the npm registry, see package.json) on every page of
both languages, in the light and the dark colour scheme. Serious and critical
violations fail the test, each listed with its rule, page and element."""
from __future__ import annotations

import pytest

from conftest import ROOT
from conftest import SLUGS

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_serious_axe_violations(page_factory, server, prefix, scheme):
    assert AXE.is_file(), "axe-core is missing: run npm ci"
    # bypass_csp: axe is injected as an inline script, which the site's policy forbids
    # (tests/test_lab_tokenizer.py checks the policy itself on every page).
    page = page_factory(color_scheme=scheme, bypass_csp=True)
    found = []
    for slug in ["", *[f"{s}/" for s in SLUGS]]:
        page.goto(server + prefix + slug)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        for v in result["violations"]:
            if v["impact"] in ("serious", "critical"):
                targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
                found.append(f"{prefix}{slug} [{scheme}] {v['id']} ({v['impact']}, {len(v['nodes'])}x): {targets}")
    assert not found, "\n".join(found)
    assert not page.problems, page.problems
