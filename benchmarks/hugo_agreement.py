"""Does the preview show what Hugo builds? Card by card, on real issues.

    python benchmarks/hugo_agreement.py ISSUE_OR_MARKDOWN... [--verbose]

Each argument is an issue folder, a library of issue folders, or Markdown files of other
newsletters (imported into a temporary library first). Every card body and section intro is
rendered twice: by Masthead's renderer (what the preview and the HTML exports show) and by the
installed ``hugo`` from the same Markdown. The two are compared block by block (tag, nesting and
text, with the same normalisation as the dialect test: attributes we add, sanitizer removals and
a soft break between two CJK characters aside; the site settings are the ones docs/export-import.md
recommends: no typographer, no code highlighting, which only wraps code blocks for colour). Prints the agreement per issue and overall.
Needs ``hugo`` on the PATH; nothing leaves a temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor_app.core.importers import import_file  # noqa: E402
from editor_app.core.render import render_markdown  # noqa: E402
from editor_app.core.storage import is_issue_folder, load_issue  # noqa: E402
from tests.core.dialect_oracle import blocks  # noqa: E402

CONFIG = """baseURL = "https://example.invalid/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
[markup.goldmark.extensions]
typographer = false
[markup.highlight]
codeFences = false
"""


def _issue_folders(paths: list[Path], work: Path) -> list[Path]:
    folders: list[Path] = []
    library = work / "imported"
    library.mkdir()
    for path in paths:
        if path.is_dir() and is_issue_folder(path):
            folders.append(path)
        elif path.is_dir() and any(is_issue_folder(p) for p in path.iterdir()):
            folders.extend(sorted(p for p in path.iterdir() if is_issue_folder(p)))
        else:
            files = sorted(path.rglob("*.md")) if path.is_dir() else [path]
            for file in files:
                try:
                    issue, _ = import_file(file, library)
                except Exception as exc:  # a file that is not a newsletter is reported, not fatal
                    print(f"skipped {file.name}: {exc}", file=sys.stderr)
                    continue
                folders.append(issue.folder)
    return folders


def _texts(folder: Path) -> list[tuple[str, str]]:
    issue = load_issue(folder)
    texts = [(f"intro of {s.title}", s.intro) for s in issue.sections if s.intro.strip()]
    texts += [(c.title or c.id, c.body) for c in issue.ordered_cards() if c.body.strip()]
    return texts


def _hugo_render(texts: list[str], work: Path) -> list[str]:
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}", "utf-8")
    (site / "layouts" / "_default" / "list.html").write_text("", "utf-8")
    (site / "config.toml").write_text(CONFIG, "utf-8")
    content = site / "content"
    content.mkdir()
    for n, text in enumerate(texts):
        (content / f"t{n}.md").write_text(f'---\ntitle: "t{n}"\n---\n\n{text}\n', "utf-8")
    subprocess.run(["hugo", "--quiet", "--source", str(site)], check=True, timeout=600)
    return [
        (site / "public" / f"t{n}" / "index.html").read_text("utf-8") for n in range(len(texts))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--verbose", action="store_true", help="show the first difference")
    args = parser.parse_args(argv)
    if shutil.which("hugo") is None:
        print("hugo is not installed", file=sys.stderr)
        return 2
    total = agreed = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for folder in _issue_folders(args.paths, work):
            named = _texts(folder)
            built = _hugo_render([text for _, text in named], work)
            same = 0
            for (name, text), hugo_html in zip(named, built, strict=True):
                ours = [str(b) for b in blocks(render_markdown(text).html, cjk_join=True)]
                theirs = [str(b) for b in blocks(hugo_html, cjk_join=True)]
                if ours == theirs:
                    same += 1
                elif args.verbose:
                    diff = next(
                        (i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
                        min(len(ours), len(theirs)),
                    )
                    print(f"  {folder.name} / {name[:50]}")
                    print(f"    ours: {ours[diff] if diff < len(ours) else '(end)'}"[:160])
                    print(f"    hugo: {theirs[diff] if diff < len(theirs) else '(end)'}"[:160])
            total += len(named)
            agreed += same
            share = 100.0 * same / len(named) if named else 100.0
            print(f"{folder.name[:48]:48} texts {len(named):4}  same {same:4}  {share:5.1f} %")
    print(
        f"\noverall: {agreed}/{total} texts render the same ({100.0 * agreed / max(total, 1):.1f} %)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
