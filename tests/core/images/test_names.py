"""Images keep the name they were imported from, beside their hashed file in assets/."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from editor_app.core.checks import check_issue
from editor_app.core.images import asset_files, asset_report, import_image
from editor_app.core.images.names import (
    forget_name,
    names_path,
    original_names,
    remember_name,
    source_name,
)
from editor_app.core.model import Card, Issue, Section
from editor_app.core.storage import save_issue


def png(color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, "PNG")
    return out.getvalue()


def test_import_records_the_original_name(tmp_path: Path) -> None:
    source = tmp_path / "k9s 截图.png"
    source.write_bytes(png("red"))
    image = import_image(source, tmp_path)
    assert Path(image.path).name != source.name  # stored under its hash
    assert original_names(tmp_path) == {Path(image.path).name: "k9s 截图.png"}
    # Importing the same picture again under another name keeps the first name.
    again = tmp_path / "copy.png"
    again.write_bytes(png("red"))
    import_image(again, tmp_path)
    assert original_names(tmp_path) == {Path(image.path).name: "k9s 截图.png"}


def test_pasted_bytes_record_no_name_unless_one_is_given(tmp_path: Path) -> None:
    import_image(png("blue"), tmp_path, name="pasted-image.png")
    assert not names_path(tmp_path).exists()
    fetched = import_image(png("green"), tmp_path, name="pic.png", original="pic.png")
    assert original_names(tmp_path) == {Path(fetched.path).name: "pic.png"}
    forget_name(tmp_path, fetched.path)
    assert not names_path(tmp_path).exists()  # no names left, no file


def test_the_report_names_each_asset_and_the_names_file_is_no_asset(tmp_path: Path) -> None:
    folder = tmp_path / "issue"
    folder.mkdir()
    image = import_image(png("green"), folder, name="chart.png", original="chart.png")
    card = Card(id="c1", title="One", body=f"![a green chart]({image.path})")
    issue = Issue(title="T", sections=[Section(id="s1", title="S", card_ids=["c1"])], folder=folder)
    issue.cards = {"c1": card}
    save_issue(issue)
    (info,) = asset_report(issue)
    assert info.path == image.path and info.original == "chart.png"
    assert asset_files(folder) == [image.path]  # the hidden names file is not listed
    assert not [p for p in check_issue(issue) if p.code in ("unsafe-asset", "symlink")]


def test_a_damaged_names_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    names_path(tmp_path).parent.mkdir(parents=True)
    names_path(tmp_path).write_text("{not json", encoding="utf-8")
    assert original_names(tmp_path) == {}
    remember_name(tmp_path, "assets/ab.png", "/home/me/Pictures/shot.png")
    assert original_names(tmp_path) == {"ab.png": "shot.png"}


def test_source_name_of_paths_and_urls() -> None:
    assert source_name("https://example.com/img/pic.png?w=2#x") == "pic.png"
    assert source_name(r"C:\Users\me\shot.png") == "shot.png"
    assert source_name("") == ""
