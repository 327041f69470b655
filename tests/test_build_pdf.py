"""scripts/build_pdf.py without Chromium (fast): what it says when something is missing,
and how it links the PDFs it built from the home and instructors pages. The PDFs
themselves are built in the Pages workflow (bash scripts/build_pdf.sh --site site)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

from conftest import ROOT


def _module():
    spec = importlib.util.spec_from_file_location("build_pdf", ROOT / "scripts" / "build_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_without_a_built_site_it_says_what_to_do(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py"), "--site", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no built site" in result.stderr and "scripts/build.sh" in result.stderr


def test_without_chromium_it_names_what_is_missing(monkeypatch):
    module = _module()
    monkeypatch.setattr(module, "CHROMIUM", "/nonexistent/chromium")
    assert any("apt-get install chromium" in m for m in module.missing_tools())


def test_built_site_links_no_pdf_until_they_exist(site):
    """A site built without the PDFs has hidden, empty placeholders: no broken link."""
    for page in [site / "index.html", site / "en" / "instructors" / "index.html"]:
        text = page.read_text(encoding="utf-8")
        assert _module().PLACEHOLDER in text, page
        assert ".pdf" not in text.split(_module().PLACEHOLDER)[0][-2000:]


def test_link_pdfs_fills_the_placeholders(tmp_path):
    module = _module()
    site = tmp_path / "site"
    (site / "en" / "instructors").mkdir(parents=True)
    (site / "index.html").write_text(f"<p>x</p>{module.PLACEHOLDER}", encoding="utf-8")
    (site / "en" / "instructors" / "index.html").write_text(module.PLACEHOLDER, encoding="utf-8")
    pdfs = []
    for lang, size in (("ko", 2_500_000), ("en", 1_000_000)):
        pdf = site / f"llm-textbook-{lang}.pdf"
        pdf.write_bytes(b"%" * size)
        pdfs.append(pdf)
    config = module.nav.read_config(str(ROOT / "mkdocs.yml"))
    assert module.link_pdfs(site, pdfs, site, config) == 2
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="llm-textbook-ko.pdf"' in home and "(PDF, 2.5 MB)" in home
    assert home.index("llm-textbook-ko.pdf") < home.index("llm-textbook-en.pdf")
    en = (site / "en" / "instructors" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../llm-textbook-en.pdf"' in en and "(PDF, 1.0 MB)" in en
    assert en.index("llm-textbook-en.pdf") < en.index("llm-textbook-ko.pdf")
    assert module.PLACEHOLDER not in en
