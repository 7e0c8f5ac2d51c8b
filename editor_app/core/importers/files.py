"""Images referenced by an imported Markdown file, mapped into the new issue's assets/.

Only files inside the Markdown file's own folder (or, for a Jekyll post, its site folder)
are taken, and only images and PDFs: a hostile file cannot pull ~/.ssh into a library.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from editor_app.core.importers.common import ImportResult
from editor_app.core.markup.assets import IMAGE_SUFFIXES, is_local_ref
from editor_app.core.paths import UnsafePathError, local_path
from editor_app.core.storage import ASSETS_DIR

COPY_SUFFIXES = IMAGE_SUFFIXES | {".pdf"}


class FileMapper:
    def __init__(self, md_path: Path, result: ImportResult, slug: str = ""):
        self.md_dir = md_path.parent
        self.root = self.md_dir.parent if self.md_dir.name == "_posts" else self.md_dir
        self.result = result
        # Folder prefixes our exporter (and common layouts) put images under.
        stem = md_path.stem
        if self.md_dir.name == "_posts":
            # Jekyll names posts YYYY-MM-DD-<slug>.md and keeps images in assets/<slug>/.
            stem = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem)
            slug = slug or stem
        self.prefixes = [p for p in (f"assets/{slug}/" if slug else "", f"{stem}/", "assets/") if p]
        if md_path.name == "index.md":
            self.prefixes.insert(0, f"{self.md_dir.name}/")
        self.line: int | None = None

    def map(self, url: str, is_image: bool) -> str | None:
        """The new reference for ``url`` (copying the file), or ``url`` itself if not ours."""
        if not is_local_ref(url):
            return url
        parts = urlsplit(url.strip())
        text = parts.path
        root = self.root if text.startswith("/") else self.md_dir
        text = text.lstrip("/")
        while text.startswith("./"):
            text = text[2:]
        try:
            source = local_path(root, text)
        except UnsafePathError:
            self.result.guess(self.line, "reference-leaves-folder", url=url)
            return url
        if source.suffix.lower() not in COPY_SUFFIXES or not source.is_file():
            if is_image:
                self.result.guess(self.line, "image-not-found", url=url)
            return url
        if root == self.md_dir and self.root != self.md_dir:
            text = self.md_dir.name + "/" + text  # relative to the site root
        tail = text
        for prefix in self.prefixes:
            if tail.startswith(prefix):
                tail = tail[len(prefix) :]
                break
        return ASSETS_DIR + "/" + self._register(tail, source)

    def _register(self, tail: str, source: Path) -> str:
        """Record the copy; on a clash with another file pick a free name."""
        rel = unquote(tail)
        candidate, n = rel, 2
        while True:
            key = f"{ASSETS_DIR}/{candidate}"
            existing = self.result.files.get(key)
            if existing is None or existing.resolve() == source.resolve():
                self.result.files[key] = source
                break
            path = PurePosixPath(rel)
            candidate = str(path.with_name(f"{path.stem}-{n}{path.suffix}"))
            n += 1
        return tail if candidate == rel else candidate
