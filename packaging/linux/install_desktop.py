"""Install Masthead's desktop integration for the current user (`make install-desktop`).

    python packaging/linux/install_desktop.py install [--prefix DIR] [--exec PROGRAM]
    python packaging/linux/install_desktop.py uninstall [--prefix DIR]

Copies the .desktop file, AppStream metainfo, icons and MIME type into $XDG_DATA_HOME
(~/.local/share) and refreshes the desktop's caches. The launcher runs the bundle when
dist/masthead/ is built, else the checkout's .venv/bin/masthead (or --exec).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
APP_ID = "org.masthead.Masthead"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def default_program() -> Path:
    for candidate in (ROOT / "dist" / "masthead" / "masthead", ROOT / ".venv" / "bin" / "masthead"):
        if candidate.exists():
            return candidate
    found = shutil.which("masthead")
    if found:
        return Path(found)
    raise SystemExit("no masthead program: run `make bundle` or `make run` first, or pass --exec")


def targets(prefix: Path) -> dict[Path, Path]:
    """Installed path -> source path."""
    files = {
        prefix / "applications" / f"{APP_ID}.desktop": HERE / f"{APP_ID}.desktop",
        prefix / "metainfo" / f"{APP_ID}.metainfo.xml": HERE / f"{APP_ID}.metainfo.xml",
        prefix / "mime" / "packages" / f"{APP_ID}.xml": HERE / f"{APP_ID}.mime.xml",
    }
    icons = HERE / "icons" / "hicolor"
    for source in sorted(icons.glob("*/apps/*")):
        files[prefix / "icons" / "hicolor" / source.relative_to(icons)] = source
    return files


def desktop_entry(source: Path, program: Path) -> str:
    # The launcher must find the program without PATH: write its absolute path.
    quoted = f'"{program}"' if " " in str(program) else str(program)
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def refresh(prefix: Path) -> None:
    commands = [
        ["update-mime-database", str(prefix / "mime")],
        ["update-desktop-database", str(prefix / "applications")],
        ["gtk-update-icon-cache", "--quiet", "--ignore-theme-index", str(prefix / "icons" / "hicolor")],
    ]  # fmt: skip
    for command in commands:
        if shutil.which(command[0]):
            subprocess.run(command, check=False)
        else:
            print(f"({command[0]} not installed: skipped)")


def install(prefix: Path, program: Path) -> None:
    for target, source in targets(prefix).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".desktop":
            target.write_text(desktop_entry(source, program), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        print(f"installed {target}")
    refresh(prefix)
    print(f"Masthead ({program}) is now in the applications menu; issue.yaml opens in it.")


def uninstall(prefix: Path) -> None:
    for target in targets(prefix):
        if target.exists():
            target.unlink()
            print(f"removed {target}")
    refresh(prefix)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["install", "uninstall"])
    parser.add_argument("--prefix", type=Path, default=None, help="default: $XDG_DATA_HOME")
    parser.add_argument("--exec", dest="program", type=Path, default=None)
    args = parser.parse_args(argv)
    prefix = args.prefix or data_home()
    if args.action == "install":
        install(prefix, (args.program or default_program()).resolve())
    else:
        uninstall(prefix)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
