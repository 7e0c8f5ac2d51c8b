"""Three-way merge of an ordered list of unique ids (the cards of a section, the sections).

Git merges issue.yaml line by line, so two editors who each add a card at the end of the same
section collide although nothing they did contradicts. Here the unit is the id: insertions
from both sides are kept, a move made on one side is applied, a deletion is honoured.
"""

from __future__ import annotations

from collections.abc import Sequence


def _lcs(a: Sequence[str], b: Sequence[str]) -> set[str]:
    """Ids that keep their relative order between ``a`` and ``b`` (a longest common subsequence).

    Outline lists are short (tens of ids), so the quadratic table is cheap.
    """
    rows, cols = len(a), len(b)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    kept: set[str] = set()
    i = j = 0
    while i < rows and j < cols:
        if a[i] == b[j]:
            kept.add(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def _insert_after_predecessor(
    result: list[str], item: str, order: Sequence[str], ours_new: set[str]
) -> None:
    """Put ``item`` after the nearest id that precedes it in ``order`` and is already placed,
    and after what we inserted right there. An id last in ``order`` was appended: it goes last
    (after our own appends) whatever we did to its neighbours."""
    position = order.index(item)
    placed = set(result)
    if not any(after in placed for after in order[position + 1 :]):
        result.append(item)
        return
    at = 0
    for before in reversed(order[:position]):
        if before in placed:
            at = result.index(before) + 1
            break
    while at < len(result) and result[at] in ours_new:
        at += 1
    result.insert(at, item)


def merge_order(
    base: Sequence[str],
    ours: Sequence[str],
    theirs: Sequence[str],
    members: set[str] | None = None,
) -> list[str]:
    """The merged order of ``members`` (default: what both sides kept or added).

    Our order is the starting point; what the other side added or moved is placed after the
    id that precedes it on their side. An id both sides moved stays where we put it.
    """
    if members is None:
        deleted = (set(base) - set(ours)) | (set(base) - set(theirs))
        members = (set(ours) | set(theirs)) - deleted
    result = [item for item in ours if item in members]
    ours_moved = set(ours) - _lcs(base, ours)
    ours_new = ours_moved - set(base)
    # Where we moved an id, our place wins; leaving those ids out here keeps an ambiguous
    # choice of "what did they move" from picking one of them.
    theirs_stable = _lcs(
        [i for i in base if i not in ours_moved], [i for i in theirs if i not in ours_moved]
    )
    for item in theirs:
        if item not in members or item in theirs_stable:
            continue
        if item in result and item in ours_moved and item in base:
            continue
        if item in result:
            result.remove(item)
        _insert_after_predecessor(result, item, theirs, ours_new)
    for item in base:
        # Kept by the merge but placed by neither list here (it came from another parent).
        if item in members and item not in result:
            _insert_after_predecessor(result, item, base, ours_new)
    result += sorted(members - set(result))
    return result
