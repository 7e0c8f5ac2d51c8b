"""Run the built bundle headless and check what an editor relies on (`make bundle-check`).

    python packaging/bundle_check.py dist/masthead

Runs the bundled program, never the source tree: --version, new, inspect --json and check
on a copy of the sample issue, both exports, and the window started offscreen in English and
in Chinese (MASTHEAD_SMOKE_TEST=1 opens the issue, waits for the preview and quits). Exit 1 on
the first failure, with the command's output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def version() -> str:
    text = (ROOT / "editor_app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


class Check:
    def __init__(self, program: Path, work: Path):
        self.program = program
        self.work = work
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MASTHEAD_"))
        }
        self.env.update(
            {
                "QT_QPA_PLATFORM": "offscreen",
                "QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu",
                "XDG_CONFIG_HOME": str(work / "config"),  # no settings of the user
                "LC_ALL": "C.UTF-8",
                "LANG": "C.UTF-8",
            }
        )
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            self.env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # Chromium refuses root otherwise

    def run(self, title: str, *args: str, env: dict | None = None, timeout: int = 120) -> str:
        start = time.monotonic()
        result = subprocess.run(
            [str(self.program), *args],
            cwd=self.work,  # not the checkout: the bundle must not need it
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        took = time.monotonic() - start
        if result.returncode != 0:
            print(f"FAIL {title} (exit {result.returncode}, {took:.1f} s)")
            print(result.stdout[-3000:])
            print(result.stderr[-3000:], file=sys.stderr)
            raise SystemExit(1)
        print(f"ok   {title} ({took:.1f} s)")
        return result.stdout

    @staticmethod
    def expect(condition: bool, message: str) -> None:
        if not condition:
            print(f"FAIL {message}")
            raise SystemExit(1)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else "dist/masthead").resolve()
    program = bundle / ("masthead.exe" if sys.platform == "win32" else "masthead")
    if not program.exists():
        print(f"no bundle at {program}: run `make bundle`")
        return 1
    with tempfile.TemporaryDirectory(prefix="masthead-bundle-check-") as tmp:
        work = Path(tmp)
        c = Check(program, work)
        out = c.run("--version", "--version")
        c.expect(out.strip() == f"masthead {version()}", f"--version printed {out.strip()!r}")

        samples = sorted(p.parent for p in bundle.rglob("issues/*/issue.yaml"))
        c.expect(bool(samples), "the sample library is in the bundle")
        library = work / "library"
        shutil.copytree(samples[0].parent, library)
        issue = library / samples[0].name

        data = json.loads(c.run("inspect --json", "inspect", str(issue), "--json"))
        cards = sum(len(s["cards"]) for s in data["sections"])
        c.expect(bool(data["title"]) and cards > 0, "inspect shows the sample issue's cards")
        print(f"     {data['title']}: {len(data['sections'])} sections, {cards} cards")
        c.run("check", "check", str(issue))

        created = c.run("new (bundled template)", "new", str(library), "--title", "Bundle check")
        c.expect(Path(created.strip(), "issue.yaml").is_file(), "new created an issue folder")

        html_out, md_out = work / "site-html", work / "site-md"
        written = c.run(
            "export html", "export", str(issue), "--format", "html", "--out", str(html_out)
        )
        c.expect((html_out / "index.html").is_file(), f"export html wrote index.html: {written}")
        c.run("export markdown", "export", str(issue), "--format", "markdown", "--out", str(md_out))
        c.expect(any(md_out.rglob("*.md")), "export markdown wrote a .md file")

        smoke = {"MASTHEAD_SMOKE_TEST": "1"}
        out = c.run("window (English)", str(issue), env=smoke, timeout=180)
        c.expect("smoke-test: ok" in out and "QtWebEngine" in out, f"window smoke test: {out}")
        c.expect("menu: &File" in out, f"English menus: {out}")
        if sys.platform.startswith("linux"):
            # Qt reads the locale from these variables only on Unix (Windows and macOS ask the
            # system), so the Chinese start is checked on Linux builds.
            zh = {**smoke, "LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"}
            out = c.run("window (简体中文)", str(issue), env=zh, timeout=180)
            c.expect("menu: 文件(&F)" in out, f"Chinese menus from the bundled catalogue: {out}")
            c.expect("qtbase_zh_CN.qm" in out, f"Qt's own catalogue (qtbase) is bundled: {out}")
        else:
            print("     (Chinese start not checked: the locale cannot be set from outside here)")
    # PyInstaller links some libraries twice by symlink: count each file once.
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"bundle-check passed: {bundle} ({size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
