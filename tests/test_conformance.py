"""The dashboard's bars: every stage must agree with CPython 3.14 on (at least) its bar of corpus files."""
import pytest

from tests import conformance, oracle


@pytest.mark.parametrize("stage", conformance.STAGES.values(), ids=lambda s: s.name)
def test_stage_meets_its_bar(stage):
    files = oracle.corpus_files()
    assert len(files) == 534, "the corpus is CPython 3.14's 534 standard library files"
    same, different = conformance.check_stage(stage, files)
    shown = "\n\n".join(f"== {name}\n{diff}" for name, diff in list(different.items())[:3])
    assert len(same) >= stage.bar, f"{stage.name}: {len(same)}/{len(files)} identical\n{shown}"


def test_a_difference_is_seen():
    """The comparison itself can fail: a changed output is not counted as identical."""
    ours = conformance.Outcome("1,0-1,1:            NAME           'x'            \n", "", 0)
    theirs = conformance.Outcome("1,0-1,1:            NAME           'y'            \n", "", 0)
    assert ours.key() != theirs.key()
    assert "'y'" in conformance.first_diff(ours, theirs)


def test_run_stage_meets_its_bar():
    """`bytelens run PROG` is identical to `python3.14 PROG` (stdout, stderr, exit status) on at
    least RUN_BAR programs of tests/cases/run."""
    programs = conformance.run_programs()
    same, different = conformance.check_run(programs)
    shown = "\n\n".join(f"== {name}\n{diff}" for name, diff in list(different.items())[:3])
    assert len(same) >= conformance.RUN_BAR, f"run: {len(same)}/{len(programs)} identical\n{shown}"
