"""The abstract exporter: preflight, a plan of named files, atomic writes, progress.

Output policy, so that exporting into a folder that also holds the editor's other files is
safe: an export writes only the files it names in its plan. A named file that already
exists is overwritten (unchanged bytes are left alone so its mtime stays put); every other
file in the output folder is never read, changed or deleted. A named target that is a
directory, or that resolves outside the output folder through a symlink, stops the export
before anything is written.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.core.atomic import atomic_write_bytes
from editor_app.core.checks import ERROR, Problem, check_issue, has_errors
from editor_app.core.errors import ExportError

# ExportOptions lives with the registry that declares the options; named here too for callers.
from editor_app.core.export.registry import (  # noqa: F401
    EXPORTS,
    REMOTE_IMAGE_MAX_BYTES,
    REMOTE_IMAGE_MAX_MB,
    ExportOptions,
    megabytes,
)
from editor_app.core.filesafety import read_regular_file
from editor_app.core.markup.assets import AssetFile
from editor_app.core.messages import Text, text
from editor_app.core.model import Issue


class PreflightError(ExportError):
    """Preflight found error-level problems and the export was not forced."""

    code = "preflight"

    def __init__(self, problems: list[Problem], path: Path | str | None = None):
        self.problems = problems
        errors = sum(p.severity == ERROR for p in problems)
        super().__init__(text("export.preflight", count=errors), path)


@dataclass
class Progress:
    step: int
    total: int
    message: Text  # what is happening, said in the reader's language by the catalog
    path: Path | None = None
    # Set on the last step only: every file of the export, and the problems it left out.
    files: list[Path] | None = None
    changed: list[Path] | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.files is not None


@dataclass(frozen=True)
class PlannedFile:
    """One output file: its path relative to out_dir and where its bytes come from."""

    rel: str
    data: bytes | None = None
    source: Path | None = None  # copied from the issue folder (already checked safe)

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.source is not None
        # Checked when planned; a link swapped in since is still not followed.
        return read_regular_file(self.source)


@dataclass
class Plan:
    files: list[PlannedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add_text(self, rel: str, text: str) -> None:
        self.files.append(PlannedFile(rel, data=text.encode("utf-8")))

    def add_assets(self, folder: str, assets: list[AssetFile]) -> None:
        for asset in assets:
            rel = f"{folder}/{asset.rel}" if folder else asset.rel
            self.files.append(PlannedFile(rel, source=asset.source))


class Exporter(abc.ABC):
    """One subclass per format. Subclasses only build a Plan; the base writes it."""

    # Set by the registry (registry.py) on every exporter it makes.
    name: str = ""
    profiles: tuple[str, ...] = ()

    def profile_of(self, options: ExportOptions) -> str:
        profile = options.profile or self.profiles[0]
        if profile not in self.profiles:
            choices = ", ".join(self.profiles)
            raise ExportError(
                text("export.unknown-profile", format=self.name, profile=profile, choices=choices)
            )
        return profile

    def preflight(self, issue: Issue, options: ExportOptions | None = None) -> list[Problem]:
        """The checks that decide whether the export may run, plus format-specific ones."""
        return check_issue(issue) + self.extra_problems(issue, options or ExportOptions())

    def extra_problems(self, issue: Issue, options: ExportOptions) -> list[Problem]:
        """Problems only this format has; the checks already cover the issue's content."""
        return []

    def prepare(self, issue: Issue, options: ExportOptions) -> Iterator[Progress]:
        """Slow work before ``plan`` (fetching), yielding progress; most formats have none."""
        return iter(())

    @abc.abstractmethod
    def plan(self, issue: Issue, options: ExportOptions) -> Plan:
        """Every file to write, in a stable order. Never touches the output folder."""

    def export(
        self, issue: Issue, out_dir: Path | str, options: ExportOptions | None = None
    ) -> Iterator[Progress]:
        """Yield progress while writing; the last Progress carries ``files``.

        Raises PreflightError (nothing written) when the checks find errors and
        ``options.force`` is off; ExportError for an unusable output folder.
        """
        options = options or ExportOptions()
        out = Path(out_dir)
        profile = self.profile_of(options)
        problems = self.preflight(issue, options)
        if has_errors(problems) and not options.force:
            raise PreflightError(problems, issue.folder)
        yield from self.prepare(issue, options)
        yield Progress(0, 1, text("progress.rendering", format=self.name, profile=profile))
        plan = self.plan(issue, options)
        targets = _check_targets(out, plan, options.overwrite)
        total = len(plan.files)
        written: list[Path] = []
        changed: list[Path] = []
        for step, (planned, target) in enumerate(zip(plan.files, targets, strict=True), start=1):
            data = planned.read()
            if _differs(target, data):
                atomic_write_bytes(target, data)
                changed.append(target)
            written.append(target)
            yield Progress(step, total, text("progress.wrote", rel=planned.rel), target)
        done = text("progress.done")
        yield Progress(total, total, done, None, written, changed, problems + plan.problems)


def _check_targets(out: Path, plan: Plan, overwrite: bool) -> list[Path]:
    if out.exists() and not out.is_dir():
        raise ExportError(text("export.out-is-file"), out)
    root = out.resolve()
    seen: set[str] = set()
    targets = []
    for planned in plan.files:
        if planned.rel in seen:
            raise ExportError(text("export.name-clash", rel=planned.rel), out)
        seen.add(planned.rel)
        target = out / planned.rel
        resolved = target.resolve()
        if resolved != root and root not in resolved.parents:
            raise ExportError(text("export.outside", rel=planned.rel), out)
        if target.is_dir():
            raise ExportError(text("export.is-folder", rel=planned.rel), out)
        if target.exists() and not overwrite and _differs(target, planned.read()):
            raise ExportError(text("export.other-content", rel=planned.rel), out)
        targets.append(target)
    return targets


def _differs(target: Path, data: bytes) -> bool:
    try:
        return target.read_bytes() != data
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return True


def run_export(
    exporter: Exporter,
    issue: Issue,
    out_dir: Path | str,
    options: ExportOptions | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> Progress:
    """Run an export to the end; return its last Progress (files, changed, problems)."""
    last = None
    for progress in exporter.export(issue, out_dir, options):
        if on_progress is not None:
            on_progress(progress)
        last = progress
    assert last is not None and last.done
    return last


def preflight(
    issue: Issue, fmt: str = "markdown", options: ExportOptions | None = None
) -> list[Problem]:
    """Problems that would stop (errors) or accompany (warnings) an export of ``issue``."""
    return EXPORTS.exporter(fmt).preflight(issue, options)
