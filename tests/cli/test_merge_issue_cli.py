"""masthead merge-issue: the driver git runs for issue.yaml."""

from editor_app.cli import main

BASE = "format: 1\ntitle: Base\noutline:\n- id: s1\n  title: News\n  cards:\n  - c1\n"


def test_merge_issue_rewrites_ours_and_exits_by_outcome(tmp_path, capsys):
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    base.write_text(BASE)
    ours.write_text(BASE.replace("  - c1\n", "  - c1\n  - c2\n"))
    theirs.write_text(BASE.replace("  - c1\n", "  - c1\n  - c3\n"))
    assert main(["merge-issue", str(base), str(ours), str(theirs), "7", "x/issue.yaml"]) == 0
    assert "  - c2\n  - c3\n" in ours.read_text()
    ours.write_text(BASE.replace("title: Base", "title: Ours"))
    theirs.write_text(BASE.replace("title: Base", "title: Theirs"))
    assert main(["merge-issue", str(base), str(ours), str(theirs), "7", "x/issue.yaml"]) == 1
    assert "x/issue.yaml: both sides changed title" in capsys.readouterr().err
    assert "title: Ours" in ours.read_text() and "title: Theirs" in ours.read_text()
