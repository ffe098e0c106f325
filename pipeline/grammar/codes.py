"""Integer codes the generated parser compares tokens against, derived from `pipeline.facts`.

Every token the parser sees is classified once into one code: its exact token type, except that a
NAME spelling a hard keyword gets that keyword's own code (so `'if'` is one integer comparison).
Soft keywords stay NAME and are told apart by their string. Keyword codes start above every token
type, so the two ranges never collide.
"""
from __future__ import annotations

from pipeline import facts

TOKEN_CODES: dict[str, int] = {name: num for num, name in facts.TOK_NAME.items()}
OPERATOR_CODES: dict[str, int] = dict(facts.EXACT_TOKEN_TYPES)
KEYWORD_BASE = max(facts.TOK_NAME) + 1
KEYWORD_CODES: dict[str, int] = {kw: KEYWORD_BASE + i for i, kw in enumerate(facts.KEYWORDS)}
SOFT_KEYWORDS = frozenset(facts.SOFT_KEYWORDS)
