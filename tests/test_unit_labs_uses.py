"""labs.yml `uses`: labs that share a folder of files (the tiny model's weights) count
those files in the size their start button shows, and a missing folder stops the build."""
import gzip

import pytest

from llmbook import labs


def write_manifest(tmp_path, text):
    data = tmp_path / "docs" / "_data"
    data.mkdir(parents=True)
    (data / "labs.yml").write_text(text, encoding="utf-8")
    return str(data / "labs.yml")


def test_uses_folder_counts_every_file(tmp_path):
    assets = tmp_path / "docs" / "assets" / "labs"
    (assets / "shared").mkdir(parents=True)
    (assets / "demo").mkdir()
    (assets / "shared" / "model.bin").write_bytes(bytes(range(256)) * 40)
    (assets / "shared" / "worker.js").write_text("self.onmessage = () => {};\n")
    (assets / "demo" / "lab.js").write_text("export function start() {}\n")
    (assets / "demo" / "notes.txt").write_text("not fetched\n")
    manifest = labs.load_manifest(write_manifest(tmp_path, "demo:\n  uses: [shared]\n"))
    size = labs.start_bytes(str(assets), "demo", [], manifest["demo"]["uses"])
    expected = sum(len(gzip.compress(p.read_bytes(), 9)) for p in (
        assets / "shared" / "model.bin", assets / "shared" / "worker.js", assets / "demo" / "lab.js"))
    assert size == expected
    assert size > labs.start_bytes(str(assets), "demo", [])


def test_missing_or_malformed_uses_names_file_and_line(tmp_path):
    path = write_manifest(tmp_path, "# labs\ndemo:\n  uses: [nowhere]\n")
    (tmp_path / "docs" / "assets" / "labs").mkdir(parents=True)
    with pytest.raises(labs.LabError, match=r"labs\.yml:2: lab 'demo' uses docs/assets/labs/nowhere/, which is missing"):
        labs.load_manifest(path)
    (tmp_path / "docs" / "_data" / "labs.yml").write_text("demo:\n  uses: model\n", encoding="utf-8")
    with pytest.raises(labs.LabError, match="uses must be a list"):
        labs.load_manifest(path)


def test_the_real_manifest_gives_both_model_labs_the_model():
    from conftest import ROOT
    manifest = labs.load_manifest(str(ROOT / "docs" / "_data" / "labs.yml"))
    for lab in ("next-token", "attention"):
        assert manifest[lab]["uses"] == ["tinylm"]
        assert (ROOT / "docs" / "assets" / "labs" / lab / "lab.js").is_file()
