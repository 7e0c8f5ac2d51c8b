"""Build tool for the UI translations (run by the Makefile; the tests import it too).

    python packaging/translations.py release   .ts -> .qm with pyside6-lrelease (make translations)
    python packaging/translations.py update    refresh the .ts from the sources with pyside6-lupdate
                                               (make update-translations; then translate the new
                                               entries, e.g. in pyside6-linguist)
    python packaging/translations.py check     report unfinished, vanished or missing entries

The .ts files are the source of truth and are committed; the .qm files are build output.
English is the language of the sources, so masthead_en.ts holds only the strings with a count
(tr(text, "", n)): their English forms ("1 card", "2 cards") for "%n card(s)".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "editor_app" / "gui"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
PLURAL_ONLY = frozenset({"en"})  # catalogues holding only the strings with a count


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translation: str
    kind: str  # "" (finished), "unfinished", "vanished" or "obsolete"
    numerus: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python, else from PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (make sets up .venv)")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str) -> Path:
    return TS_DIR / f"masthead_{language}.ts"


def qm_path(language: str) -> Path:
    return TS_DIR / f"masthead_{language}.qm"


def run_lupdate(ts: Path, language: str | None = None) -> str:
    # No source locations in the .ts: line numbers would churn on every edit of the code.
    # -no-obsolete drops strings the code no longer has instead of keeping them as vanished.
    args = [tool("pyside6-lupdate"), *map(str, source_files()), "-ts", str(ts)]
    args += ["-locations", "none", "-no-obsolete"]
    if language:
        args += ["-target-language", language]
    if language in PLURAL_ONLY:
        args.append("-pluralonly")
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    return result.stdout + result.stderr


def parse_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            text = "\n".join(f.text or "" for f in forms) if forms else _text(translation)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=text,
                    kind="" if translation is None else translation.get("type", ""),
                    numerus=message.get("numerus") == "yes",
                )
            )
    return messages


def _text(element: ET.Element | None) -> str:
    return "" if element is None else (element.text or "")


def extract(language: str | None = None) -> list[Message]:
    """The strings the sources hold now, as lupdate sees them for ``language``'s catalogue."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "extract.ts"
        run_lupdate(ts, language if language in PLURAL_ONLY else None)
        return parse_ts(ts)


def problems(language: str) -> list[str]:
    """Everything that keeps a catalogue from being complete and current."""
    ts = ts_path(language)
    if not ts.exists():
        return [f"{ts} is missing: run `make update-translations`"]
    messages = parse_ts(ts)
    found: list[str] = []
    for m in messages:
        where = f"{m.context}: {m.source!r}"
        if m.kind in ("vanished", "obsolete"):
            found.append(f"{ts.name}: {m.kind} entry {where}")
        elif m.kind == "unfinished" or not m.translation.strip():
            found.append(f"{ts.name}: untranslated {where}")
        elif not m.context:
            found.append(f"{ts.name}: no class context (lupdate saw an alias of tr?) {where}")
        else:
            found += [f"{ts.name}: {p} in {where}" for p in translation_slips(m)]
    current = {m.key for m in messages if m.kind not in ("vanished", "obsolete")}
    for m in extract(language):
        if m.key not in current:
            found.append(
                f"{ts.name}: new source string {m.context}: {m.source!r}; "
                "run `make update-translations` and translate it"
            )
    return found


def translation_slips(m: Message) -> list[str]:
    """Placeholders (%1, %n) or the & accelerator the translation lost."""
    slips = []
    wanted = sorted(set(re.findall(r"%(?:\d|n)", m.source)))
    if wanted != sorted(set(re.findall(r"%(?:\d|n)", m.translation))):
        slips.append(f"placeholders {wanted} not kept: {m.translation!r}")
    key = re.search(r"&([^&\s])", m.source.replace("&&", ""))
    if key and f"&{key.group(1).upper()}" not in m.translation.upper():
        slips.append(f"accelerator &{key.group(1)} not kept: {m.translation!r}")
    return slips


def release() -> list[Path]:
    written = []
    for language in LANGUAGES:
        ts, qm = ts_path(language), qm_path(language)
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        written.append(qm)
    return written


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        print(run_lupdate(ts_path(language), language).strip())


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "release"
    if command == "release":
        for qm in release():
            print(f"wrote {qm.relative_to(ROOT)}")
        return 0
    if command == "update":
        update()
        return 0
    if command == "check":
        found = [p for language in LANGUAGES for p in problems(language)]
        print("\n".join(found) or "translations complete and current")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
