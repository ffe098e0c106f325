"""pipeline/facts.py is generated from the oracle; regenerating it must give the committed file."""
from pipeline import facts
from tests import gen_facts


def test_facts_are_up_to_date():
    assert gen_facts.generate() == gen_facts.TARGET.read_text("utf-8"), "run: python -m tests.gen_facts"


def test_facts_came_from_cpython_3_14_2():
    assert facts.PYTHON_VERSION == (3, 14, 2)
    assert facts.TOK_NAME[facts.EXACT_TOKEN_TYPES["("]] == "LPAR"
