"""Linux desktop integration: .desktop entry, AppStream metainfo and the MIME type.

The external validators run when they are installed (apt install desktop-file-utils
appstream); the structural checks below always run.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editor_app import __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.masthead.Masthead"
MIME_TYPE = "application/x-masthead-issue"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{APP_ID}.mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SAMPLE_MANIFEST = ROOT / "issues" / "2026-09-cloud-native-monthly" / "issue.yaml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_has_the_required_keys():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Masthead"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "masthead" and entry["Exec"].split()[1] in ("%f", "%F")
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert entry["MimeType"].split(";")[:-1] == [MIME_TYPE]
    assert entry["StartupWMClass"] == "Masthead"
    assert entry["Comment[zh_CN]"] and entry["GenericName[zh_CN]"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-validate is not installed"
)
def test_desktop_file_validate_when_installed():
    tool = shutil.which("desktop-file-validate")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout


def test_desktop_file_name_matches_the_application():
    from editor_app.gui import app

    assert f'setDesktopFileName("{APP_ID}")' in Path(app.__file__).read_text(encoding="utf-8")


def test_metainfo_content():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    licence = pyproject["project"]["license"]
    assert root.findtext("project_license") == (
        licence if isinstance(licence, str) else licence["text"]
    )
    assert root.findtext("name") == "Masthead"
    assert root.find("summary") is not None and root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == DESKTOP.name
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == "masthead"
    assert root.find("content_rating").get("type") == "oars-1.1"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__, "add a <release> for the new version"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_appstreamcli_validate_when_installed():
    tool = shutil.which("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_type_definition():
    root = ET.parse(MIME_XML).getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["issue.yaml"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/x-yaml"
    outer = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    assert outer.get("value") == "format: " and outer.get("offset") == "0"
    assert SAMPLE_MANIFEST.read_text(encoding="utf-8").startswith("format: ")
    inner = outer.find(f"{MIME_NS}match")
    assert inner.get("value") == "\noutline:"


MIME_PROBE = """
import sys
from PySide6.QtCore import QMimeDatabase
db = QMimeDatabase()
for path in sys.argv[1:]:
    print(db.mimeTypeForFile(path).name())
"""


def test_issue_manifest_is_recognised_by_the_mime_database(tmp_path):
    """Qt reads the shared MIME database like file managers do: install ours into a temp one."""
    share = tmp_path / "share"
    packages = share / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(MIME_XML, packages / f"{APP_ID}.xml")
    if shutil.which("update-mime-database"):
        subprocess.run(["update-mime-database", str(share / "mime")], check=True)
    folder = tmp_path / "files"
    folder.mkdir()
    shutil.copyfile(SAMPLE_MANIFEST, folder / "issue.yaml")
    shutil.copyfile(SAMPLE_MANIFEST, folder / "downloaded-without-a-name")
    (folder / "config.yaml").write_text("format: 1\nname: not an issue\n", encoding="utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(share)}
    result = subprocess.run(
        [sys.executable, "-c", MIME_PROBE, *(str(folder / n) for n in
         ("issue.yaml", "downloaded-without-a-name", "config.yaml"))],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    named, sniffed, other = result.stdout.split()
    assert named == MIME_TYPE
    assert sniffed == MIME_TYPE  # by content: "format: " first, an "outline:" key later
    assert other != MIME_TYPE  # other YAML stays YAML


def test_install_desktop_writes_an_absolute_exec(tmp_path):
    program = tmp_path / "bin dir" / "masthead"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(LINUX / "install_desktop.py"), "install",
         "--prefix", str(tmp_path / "share"), "--exec", str(program)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    installed = tmp_path / "share" / "applications" / DESKTOP.name
    text = installed.read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in text and f"TryExec={program}" in text
    assert (tmp_path / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (tmp_path / "share" / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").is_file()
    assert (tmp_path / "share" / "metainfo" / METAINFO.name).is_file()
    assert "now in the applications menu" in result.stdout
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True)
        assert check.returncode == 0, check.stdout
    subprocess.run(
        [sys.executable, str(LINUX / "install_desktop.py"), "uninstall",
         "--prefix", str(tmp_path / "share")],
        capture_output=True, check=True,
    )  # fmt: skip
    assert not installed.exists()
