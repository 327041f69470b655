"""WCAG 2.1 AA with axe-core (from the npm registry, see package.json) on every page of
both languages, in the light and the dark colour scheme. Serious and critical
violations fail the test, each listed with its rule, page and element."""
from __future__ import annotations

import pytest

from conftest import SLUGS, axe_violations


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_serious_axe_violations(page_factory, server, prefix, scheme):
    # bypass_csp: axe is injected as an inline script, which the site's policy forbids
    # (tests/test_lab_tokenizer.py checks the policy itself on every page).
    page = page_factory(color_scheme=scheme, bypass_csp=True)
    found = []
    for slug in ["", *[f"{s}/" for s in SLUGS]]:
        page.goto(server + prefix + slug)
        found += axe_violations(page, f"{prefix}{slug} [{scheme}]")
    assert not found, "\n".join(found)
    assert not page.problems, page.problems
