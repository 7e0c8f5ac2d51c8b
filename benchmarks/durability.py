"""Durability under kill -9: typing and structural edits, killed at a random moment.

    python benchmarks/durability.py [--trials 200] [--seed N] [--kinds typing,structure]

Each trial writes a fresh issue, starts a child process that opens it with IssueDocument
(headless, QT_QPA_PLATFORM=offscreen) and either types tokens into random cards at a typist's
pace or adds, moves and deletes cards; the child logs each step once the document has it. The
parent kills the child with SIGKILL at a random moment, reopens the issue the way the window
does (IssueDocument, which applies the recovery journal), and checks:

- typing: every token typed more than GRACE_S before the kill is in its card (typing reaches
  the journal within 200 ms and the card file within the autosave delay);
- structure: the issue opens, every card file parses, the outline is the one after the last
  finished edit (the edit in flight may or may not have landed), no card is lost;
- both: no temporary file of an interrupted atomic write is left behind.

Prints the figures per kind; exits 1 if anything was lost or corrupt. `make stress` runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GRACE_S = 2.0  # the autosave (1 s) plus the journal (200 ms) window, with margin
TYPE_PAUSE_S = (0.04, 0.12)  # between tokens: a fast typist's words
EDIT_PAUSE_S = (0.08, 0.25)  # between structural edits
# When to kill, after the child says it is ready: typing long enough to have tokens older
# than the grace period; structural edits are written at once, so any moment will do.
KILL_AFTER_S = {"typing": (1.0, 3.5), "structure": (0.2, 2.0)}


# -- the child: one editing session ------------------------------------------------------------
def child(kind: str, folder: Path, log_path: Path, seed: int) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer

    from editor_app.core import outline
    from editor_app.gui.document import IssueDocument

    app = QCoreApplication([])
    rng = random.Random(seed)
    doc = IssueDocument(folder)
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - lives until the kill

    def write(line: str) -> None:
        log.write(line + "\n")
        log.flush()  # in the kernel's hands: it survives the process being killed

    counter = {"n": 0}

    def type_token() -> None:
        card_id = rng.choice(list(doc.issue.cards))
        counter["n"] += 1
        token = f"tok{counter['n']:05d}"
        body = doc.card(card_id).body
        doc.set_card_body(card_id, f"{body} {token}" if body else token)
        write(f"T {time.time():.3f} {card_id} {token}")
        QTimer.singleShot(int(rng.uniform(*TYPE_PAUSE_S) * 1000), type_token)

    def edit() -> None:
        issue = doc.issue
        tops = [cid for s in issue.sections for cid in s.card_ids]
        op = rng.choice(["add", "add", "move", "move", "delete"] if len(tops) > 3 else ["add"])
        if op == "add":
            section = rng.choice(issue.sections)
            counter["n"] += 1
            title = f"Card {counter['n']}"
            write(f"P add {title}")
            card = doc.edit_outline(
                "add", lambda i: outline.add_card(i, section.id, title), lambda c: [c.id]
            )
            doc.set_card_body(card.id, f"Body of {title}.")
        elif op == "move":
            card_id = rng.choice(tops)
            write(f"P move {card_id}")
            doc.edit_outline(
                "move",
                lambda i: outline.move_card_by(i, card_id, rng.choice([-1, 1])),
                lambda _r: [card_id],
            )
        else:
            card_id = rng.choice(tops)
            write(f"P delete {card_id}")
            doc.edit_outline("delete", lambda i: outline.remove_card(i, card_id), lambda _r: [])
        write(f"S {time.time():.3f} {json.dumps(ordered_ids(doc.issue))}")
        QTimer.singleShot(int(rng.uniform(*EDIT_PAUSE_S) * 1000), edit)

    write(f"S {time.time():.3f} {json.dumps(ordered_ids(doc.issue))}")
    QTimer.singleShot(0, type_token if kind == "typing" else edit)
    print("ready", flush=True)
    app.exec()


def ordered_ids(issue) -> list[str]:  # noqa: ANN001 - an Issue
    return [card.id for card in issue.ordered_cards()]


# -- the parent: trials and checks ---------------------------------------------------------------
@dataclass
class Tally:
    trials: int = 0
    tokens: int = 0  # typed before the kill
    checked: int = 0  # typed more than GRACE_S before it
    losses: int = 0  # of those, missing after reopening
    recent_lost: int = 0  # typed within GRACE_S of the kill and missing (allowed)
    edits: int = 0
    lost_cards: int = 0
    corrupt: int = 0
    stray_temps: int = 0
    problems: list[str] = field(default_factory=list)


def make_issue(folder: Path) -> None:
    from editor_app.core.model import Issue
    from editor_app.core.outline import add_card, add_section
    from editor_app.core.storage import save_issue

    issue = Issue(title="Durability 耐久", number=1, slug=folder.name)
    for name in ("News 新闻", "Tools 工具"):
        section = add_section(issue, name)
        for n in range(3):
            card = add_card(issue, section.id, f"{name} {n}")
            card.body = f"Start of {name} {n}."
    save_issue(issue, folder)


def stray_temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*.tmp") if p.is_file()]


def run_trial(kind: str, workdir: Path, n: int, rng: random.Random, tally: Tally) -> None:
    from editor_app.core.errors import MastheadError
    from editor_app.core.storage import read_card
    from editor_app.gui.document import IssueDocument

    folder = workdir / f"issue-{n:04d}"
    make_issue(folder)
    log_path = workdir / f"log-{n:04d}.txt"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(workdir / "config"),  # default settings, not the user's
    )
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, str(folder), str(log_path)]
        + [str(rng.randrange(1 << 30))],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        proc.wait()
        tally.problems.append(f"{kind} trial {tally.trials}: the child did not start")
        tally.corrupt += 1
        return
    time.sleep(rng.uniform(*KILL_AFTER_S[kind]))
    killed_at = time.time()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    tally.trials += 1
    lines = log_path.read_text(encoding="utf-8").splitlines()

    try:
        doc = IssueDocument(folder)
    except (MastheadError, OSError) as exc:
        tally.corrupt += 1
        tally.problems.append(f"{kind} trial {tally.trials}: does not open: {exc}")
        return
    try:
        for path in sorted((folder / "cards").glob("*.md")):
            try:
                read_card(folder, path.stem)
            except (MastheadError, OSError, ValueError) as exc:
                tally.corrupt += 1
                tally.problems.append(f"{kind} trial {tally.trials}: {path.name}: {exc}")
        if kind == "typing":
            check_tokens(doc, lines, killed_at, tally)
        else:
            check_outline(doc, lines, tally)
    finally:
        doc.close()
    strays = stray_temps(folder)
    tally.stray_temps += len(strays)
    tally.problems += [
        f"{kind} trial {tally.trials}: stray {p.relative_to(folder)}" for p in strays
    ]


def check_tokens(doc, lines: list[str], killed_at: float, tally: Tally) -> None:  # noqa: ANN001
    for line in lines:
        if not line.startswith("T "):
            continue
        _t, stamp, card_id, token = line.split(" ")
        tally.tokens += 1
        present = doc.has_card(card_id) and token in doc.card(card_id).body.split()
        if float(stamp) < killed_at - GRACE_S:
            tally.checked += 1
            if not present:
                tally.losses += 1
                tally.problems.append(f"typing trial {tally.trials}: {token} lost")
        elif not present:
            tally.recent_lost += 1


def check_outline(doc, lines: list[str], tally: Tally) -> None:  # noqa: ANN001
    states = [
        (i, json.loads(line.split(" ", 2)[2])) for i, line in enumerate(lines) if line[0] == "S"
    ]
    last_index, expected = states[-1]
    tally.edits += len(states) - 1
    pending = [line.split(" ", 2) for line in lines[last_index + 1 :] if line.startswith("P ")]
    in_flight = pending[0][2] if pending else None  # a card id, or the title of a new card
    got = ordered_ids(doc.issue)
    if got == expected:
        return
    # The edit in flight may have landed: the outline may differ by that card only.
    others_expected = [c for c in expected if c != in_flight]
    others_got = [c for c in got if c != in_flight and c in expected]
    new = [c for c in got if c not in expected]
    landed_add = pending and pending[0][1] == "add" and len(new) == 1
    missing = [c for c in others_expected if c not in got]
    if missing:
        tally.lost_cards += len(missing)
        tally.problems.append(f"structure trial {tally.trials}: lost {missing}")
    elif new and not landed_add:
        tally.corrupt += 1
        tally.problems.append(f"structure trial {tally.trials}: unknown cards {new}")
    elif others_got != others_expected and not (pending and pending[0][1] == "move"):
        tally.corrupt += 1
        tally.problems.append(f"structure trial {tally.trials}: order differs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--kinds", default="typing,structure")
    parser.add_argument("--child", nargs=4, metavar=("KIND", "FOLDER", "LOG", "SEED"))
    args = parser.parse_args(argv)
    if args.child:
        kind, folder, log, seed = args.child
        child(kind, Path(folder), Path(log), int(seed))
        return 0

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication

    _app = QCoreApplication.instance() or QCoreApplication([])
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    kinds = [k for k in args.kinds.split(",") if k]
    tallies = {kind: Tally() for kind in kinds}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="masthead-durability-") as tmp:
        for n in range(args.trials):
            kind = kinds[n % len(kinds)]
            run_trial(kind, Path(tmp), n, rng, tallies[kind])
    elapsed = time.monotonic() - started
    print(f"durability: {args.trials} trials in {elapsed:.0f} s (seed {seed})")
    for kind, t in tallies.items():
        print(
            f"  {kind:9}: trials {t.trials}, tokens {t.tokens} ({t.checked} older than "
            f"{GRACE_S:g} s), losses {t.losses} (+{t.recent_lost} within {GRACE_S:g} s), "
            f"edits {t.edits}, lost cards {t.lost_cards}, corrupt files {t.corrupt}, "
            f"stray temps {t.stray_temps}"
        )
    problems = [p for t in tallies.values() for p in t.problems]
    for problem in problems[:20]:
        print(f"  ! {problem}")
    bad = sum(t.losses + t.lost_cards + t.corrupt + t.stray_temps for t in tallies.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
