"""Bytelens's PEG parser generator: `python.gram` in, `pipeline/parser_generated.py` out.

Usage: `python -m pipeline.grammar.generate [--check]` (with --check: exit 1 if the committed file
differs from what the grammar generates now).

The metagrammar
---------------
    @header '''python code placed at the top of the generated module'''
    rule: alt | alt                 # a rule starts with its name in column 0
    rule (memo):                    # packrat-memoised rule
        | item item { action }      # action: a Python expression, the alternative's value
    name=item   bind the item's value          &item  positive lookahead
    !item       negative lookahead             &&'x'  forced token (else "expected 'x'")
    ~           cut: no other alternative once passed
    item? [alts]  optional (value or None)     item* item+   repetition (a list)
    sep.item+   gather: items separated by sep (a list of items)
    (alts)      group                          'kw' keyword / 'op' operator   "kw" soft keyword
    NAME ...    token types (upper case)       rule names (lower case)        $ ENDMARKER

Semantics of the generated code
-------------------------------
Every rule becomes a closure `r_NAME(_p)` over one parse's token arrays (made by `make_rules`): it
returns the rule's value (never None) and leaves the position after it in `_pos`, or returns None
on failure. An action whose value is None therefore fails its alternative (pegen instead succeeds
with NULL; the grammar's actions do not rely on that). A token item's value is its index.
`EXTRA` in an action expands to the location keyword arguments of the alternative (start of its
first token, end of its last token that is not NEWLINE/INDENT/DEDENT/ENDMARKER); actions may also
read `_p` (the alternative's first token) and `_q` (the token after it). Rules marked (memo) and
the leaders of left-recursive cycles (chosen as pegen chooses them) are memoised per position; a
leader grows its seed as pegen does. Alternatives consisting of a single `invalid_*` rule run only
in the error pass (`call_invalid`), and rules named `*_without_invalid` switch it off beneath them.

Speed comes from token access and call avoidance: tokens are compared as integer codes held in
lists, every non-nullable alternative and rule call is guarded by its FIRST set (most attempts
cost one set-membership test, not a call), memo tables are per-rule lists indexed by position,
and a leader whose recursion is direct (`sum: sum '+' term | term`, recursive alternatives
first) runs as a loop growing the seed in place, which is what seed growing computes for it.
"""
from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

from pipeline.grammar.codes import KEYWORD_CODES, OPERATOR_CODES, TOKEN_CODES

HERE = Path(__file__).resolve().parent
GRAMMAR = HERE / "python.gram"
OUTPUT = HERE.parent / "parser_generated.py"


# ----------------------------------------------------------------------------- grammar model

@dataclasses.dataclass
class Leaf:
    kind: str          # "rule" | "token" | "keyword" | "soft" | "op"
    value: str


@dataclasses.dataclass
class Group:
    alts: list["Alt"]


@dataclasses.dataclass
class Item:
    kind: str          # "atom" | "opt" | "star" | "plus" | "gather" | "pos" | "neg" | "forced" | "cut"
    node: object = None  # Leaf | Group (for gather: the element)
    sep: object = None   # gather separator
    name: str | None = None


@dataclasses.dataclass
class Alt:
    items: list[Item]
    action: str | None


@dataclasses.dataclass
class Rule:
    name: str
    alts: list[Alt]
    memo: bool = False
    leader: bool = False


# ----------------------------------------------------------------------------- metagrammar parser

_TOKEN_RE = re.compile(r"""
    (?P<ws>[ \t\r\n]+)
  | (?P<comment>\#[^\n]*)
  | (?P<directive>@\w+)
  | (?P<tstring>'''.*?''')
  | (?P<name>[A-Za-z_]\w*)
  | (?P<string>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<op>&&|[:|=&!~?*+.()\[\]$])
  | (?P<action>\{)
""", re.VERBOSE | re.DOTALL)


class GrammarError(Exception):
    pass


def _scan_action(text: str, start: int) -> int:
    """Index just past the `}` closing the action opened at text[start] (braces in strings skipped)."""
    depth, i = 0, start
    while i < len(text):
        c = text[i]
        if c in "'\"":
            m = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"").match(text, i)
            if m is None:
                raise GrammarError(f"unterminated string in action at {i}")
            i = m.end()
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise GrammarError(f"unterminated action at {start}")


def _lex(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, column) for each token; column 0 NAMEs start rules."""
    out, i = [], 0
    while i < len(text):
        m = _TOKEN_RE.match(text, i)
        if m is None:
            raise GrammarError(f"bad grammar text at {text[i:i + 40]!r}")
        kind = m.lastgroup
        if kind == "action":
            end = _scan_action(text, i)
            out.append(("action", text[i + 1:end - 1].strip(), -1))
            i = end
            continue
        if kind not in ("ws", "comment"):
            col = i - (text.rfind("\n", 0, i) + 1)
            out.append((kind, m.group(), col))
        i = m.end()
    out.append(("eof", "", 0))
    return out


class _MetaParser:
    def __init__(self, text: str):
        self.toks = _lex(text)
        self.i = 0
        self.header = ""

    def peek(self, k: int = 0) -> tuple[str, str, int]:
        return self.toks[self.i + k]

    def take(self, kind: str, value: str | None = None) -> str:
        k, v, _ = self.toks[self.i]
        if k != kind or (value is not None and v != value):
            raise GrammarError(f"expected {value or kind}, got {v!r} (token {self.i})")
        self.i += 1
        return v

    def at(self, kind: str, value: str | None = None) -> bool:
        k, v, _ = self.toks[self.i]
        return k == kind and (value is None or v == value)

    def grammar(self) -> list[Rule]:
        rules = []
        while not self.at("eof"):
            if self.at("directive"):
                name = self.take("directive")
                body = self.take("tstring")[3:-3]
                if name != "@header":
                    raise GrammarError(f"unknown directive {name}")
                self.header += body
                continue
            rules.append(self.rule())
        return rules

    def rule(self) -> Rule:
        kind, name, col = self.peek()
        if kind != "name" or col != 0:
            raise GrammarError(f"rule name expected in column 0, got {name!r}")
        self.i += 1
        memo = False
        if self.at("op", "("):
            self.take("op", "(")
            self.take("name", "memo")
            self.take("op", ")")
            memo = True
        self.take("op", ":")
        return Rule(name, self.alts(top=True), memo=memo)

    def _rule_ends(self) -> bool:
        kind, _, col = self.peek()
        return kind == "eof" or kind == "directive" or (kind == "name" and col == 0)

    def alts(self, top: bool = False) -> list[Alt]:
        if self.at("op", "|"):
            self.take("op", "|")
        alts = [self.alt(top)]
        while self.at("op", "|"):
            self.take("op", "|")
            alts.append(self.alt(top))
        return alts

    def alt(self, top: bool) -> Alt:
        items = []
        while True:
            if top and self._rule_ends():
                break
            k, v, _ = self.peek()
            if k == "action" or (k == "op" and v in "|)]") or k == "eof":
                break
            items.append(self.item())
        action = self.take("action") if self.at("action") else None
        if not items:
            raise GrammarError(f"empty alternative near token {self.i}")
        return Alt(items, action)

    def item(self) -> Item:
        k, v, _ = self.peek()
        if k == "name" and self.peek(1)[:2] == ("op", "="):
            self.i += 2
            it = self.item()
            if it.kind in ("pos", "neg", "cut"):
                raise GrammarError(f"cannot bind {v}")
            it.name = v
            return it
        if k == "op" and v in ("&", "!", "&&"):
            self.i += 1
            return Item({"&": "pos", "!": "neg", "&&": "forced"}[v], self.atom())
        if k == "op" and v == "~":
            self.i += 1
            return Item("cut")
        if k == "op" and v == "[":
            self.i += 1
            alts = self.alts()
            self.take("op", "]")
            return Item("opt", Group(alts))
        node = self.atom()
        if self.at("op", ".") and not isinstance(node, Group):
            self.take("op", ".")
            elem = self.atom()
            self.take("op", "+")
            return Item("gather", elem, sep=node)
        for suffix, kind in (("?", "opt"), ("*", "star"), ("+", "plus")):
            if self.at("op", suffix):
                self.i += 1
                return Item(kind, node)
        return Item("atom", node)

    def atom(self) -> object:
        k, v, _ = self.peek()
        self.i += 1
        if k == "op" and v == "(":
            alts = self.alts()
            self.take("op", ")")
            return Group(alts)
        if k == "op" and v == "$":
            return Leaf("token", "ENDMARKER")
        if k == "name":
            if v.isupper():
                if v not in TOKEN_CODES:
                    raise GrammarError(f"unknown token {v}")
                if v == "SOFT_KEYWORD":  # any soft keyword: a NAME spelling one
                    return Leaf("softany", v)
                return Leaf("token", v)
            return Leaf("rule", v)
        if k == "string":
            text = v[1:-1]
            if v[0] == '"' and text.isidentifier():
                return Leaf("soft", text)
            if text in KEYWORD_CODES:
                return Leaf("keyword", text)
            if text in OPERATOR_CODES:
                return Leaf("op", text)
            raise GrammarError(f"unknown keyword or operator {v}")
        raise GrammarError(f"unexpected {v!r}")


def parse_grammar(text: str) -> tuple[str, list[Rule]]:
    mp = _MetaParser(text)
    rules = mp.grammar()
    return mp.header, rules


# ----------------------------------------------------------------------------- analysis

def _simplify(node: object) -> object:
    """A group of one unnamed, action-less single item is that item's node."""
    if isinstance(node, Group) and len(node.alts) == 1:
        alt = node.alts[0]
        if len(alt.items) == 1 and alt.action is None and alt.items[0].kind == "atom" \
                and alt.items[0].name is None:
            return _simplify(alt.items[0].node)
    return node


class _Analysis:
    def __init__(self, rules: dict[str, Rule]):
        self.rules = rules
        self.nullable: dict[str, bool] = {}
        self._compute_nullable()

    def _compute_nullable(self) -> None:
        for name in self.rules:
            self.nullable[name] = False
        changed = True
        while changed:
            changed = False
            for rule in self.rules.values():
                n = any(self.alt_nullable(a) for a in rule.alts)
                if n and not self.nullable[rule.name]:
                    self.nullable[rule.name] = True
                    changed = True

    def node_nullable(self, node: object) -> bool:
        if isinstance(node, Leaf):
            return node.kind == "rule" and self.nullable.get(node.value, False)
        return any(self.alt_nullable(a) for a in node.alts)

    def item_nullable(self, item: Item) -> bool:
        if item.kind in ("opt", "star", "pos", "neg", "cut"):
            return True
        if item.kind == "forced":
            return False
        return self.node_nullable(item.node)

    def alt_nullable(self, alt: Alt) -> bool:
        return all(self.item_nullable(i) for i in alt.items)

    def first_names(self, alts: list[Alt]) -> set[str]:
        out: set[str] = set()
        for alt in alts:
            for item in alt.items:
                if item.kind in ("pos", "neg", "cut", "forced"):
                    continue
                node = item.node
                if isinstance(node, Leaf):
                    if node.kind == "rule":
                        out.add(node.value)
                else:
                    out |= self.first_names(node.alts)
                if not self.item_nullable(item):
                    break
        return out

    def compute_first(self) -> None:
        """FIRST sets (token constant names) of every rule, by fixpoint."""
        self.first: dict[str, frozenset] = {name: frozenset() for name in self.rules}
        changed = True
        while changed:
            changed = False
            for rule in self.rules.values():
                fs = frozenset().union(*(self.alt_first(a) for a in rule.alts))
                if fs != self.first[rule.name]:
                    self.first[rule.name] = fs
                    changed = True

    def node_first(self, node: object) -> frozenset:
        if isinstance(node, Leaf):
            if node.kind == "rule":
                return self.first[node.value]
            if node.kind in ("soft", "softany"):
                return frozenset(("_T_NAME",))
            return frozenset((_const_name(node),))
        return frozenset().union(*(self.alt_first(a) for a in node.alts))

    def alt_first(self, alt: Alt) -> frozenset:
        out: frozenset = frozenset()
        for item in alt.items:
            if item.kind in ("pos", "neg", "cut"):
                continue
            out |= self.node_first(item.node)
            if not self.item_nullable(item):
                break
        return out

    def mark_leaders(self) -> None:
        graph = {name: self.first_names(rule.alts) & set(self.rules) for name, rule in self.rules.items()}
        for scc in _sccs(graph):
            if len(scc) == 1:
                (name,) = scc
                if name in graph[name]:
                    self.rules[name].leader = True
                continue
            candidates = [n for n in sorted(scc) if not _has_cycle(graph, scc - {n})]
            if not candidates:
                raise GrammarError(f"no leader breaks every cycle of {sorted(scc)}")
            self.rules[candidates[0]].leader = True


def _sccs(graph: dict[str, set[str]]) -> list[set[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[set[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            out.append(comp)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _has_cycle(graph: dict[str, set[str]], nodes: set[str]) -> bool:
    sub = {n: graph[n] & nodes for n in nodes}
    return any(len(c) > 1 or n in sub[n] for c in _sccs(sub) for n in c)


# ----------------------------------------------------------------------------- code generation

def _const_name(leaf: Leaf) -> str:
    if leaf.kind in ("soft", "softany"):
        return "_T_NAME"
    if leaf.kind == "token":
        return f"_T_{leaf.value}"
    if leaf.kind == "keyword":
        return f"_K_{leaf.value}"
    if leaf.kind == "op":
        return "_O_" + "_".join(f"{ord(c):02x}" for c in leaf.value)
    raise AssertionError(leaf)


class _Gen:
    def __init__(self, header: str, rules: list[Rule]):
        self.header = header
        self.rules = {r.name: r for r in rules}
        if len(self.rules) != len(rules):
            raise GrammarError("duplicate rule names")
        for r in rules:
            self._check_refs(r.alts, r.name)
        analysis = _Analysis(self.rules)
        analysis.mark_leaders()
        analysis.compute_first()
        self.analysis = analysis
        self.consts: dict[str, str] = {}
        self.token_sets: dict[frozenset, str] = {}
        self.helpers: list[list[str]] = []
        self.n_helpers = 0
        self.temps = 0

    def _check_refs(self, alts: list[Alt], where: str) -> None:
        for alt in alts:
            for item in alt.items:
                for node in (item.node, item.sep):
                    if isinstance(node, Leaf) and node.kind == "rule" and node.value not in self.rules:
                        raise GrammarError(f"{where}: unknown rule {node.value}")
                    if isinstance(node, Group):
                        self._check_refs(node.alts, where)

    # -- helpers --------------------------------------------------------------------------

    def const(self, leaf: Leaf) -> str:
        name = _const_name(leaf)
        if leaf.kind == "token":
            self.consts[name] = f"TOKEN_CODES[{leaf.value!r}]"
        elif leaf.kind == "keyword":
            self.consts[name] = f"KEYWORD_CODES[{leaf.value!r}]"
        else:
            self.consts[name] = f"OPERATOR_CODES[{leaf.value!r}]"
        return name

    def temp(self) -> str:
        self.temps += 1
        return f"_i{self.temps}"

    def token_leaves(self, node: object) -> list[Leaf] | None:
        """The leaves if `node` is a token or a group of bare single-token alternatives."""
        node = _simplify(node)
        if isinstance(node, Leaf):
            return [node] if node.kind != "rule" else None
        leaves = []
        for alt in node.alts:
            if len(alt.items) != 1 or alt.action is not None or alt.items[0].kind != "atom":
                return None
            sub = self.token_leaves(alt.items[0].node)
            if sub is None:
                return None
            leaves += sub
        return leaves

    def token_test(self, leaves: list[Leaf], pos: str, negate: bool = False) -> str:
        hard = [l for l in leaves if l.kind not in ("soft", "softany")]
        soft = [l for l in leaves if l.kind == "soft"]
        parts = []
        if any(l.kind == "softany" for l in leaves):
            self.consts["_T_NAME"] = "TOKEN_CODES['NAME']"
            parts.append(f"(T[{pos}] == _T_NAME and S[{pos}] in SOFT_KEYWORDS)")
        if len(hard) == 1:
            parts.append(f"T[{pos}] == {self.const(hard[0])}")
        elif hard:
            key = frozenset(self.const(l) for l in hard)
            if key not in self.token_sets:
                self.token_sets[key] = f"_SET{len(self.token_sets)}"
            parts.append(f"T[{pos}] in {self.token_sets[key]}")
        if soft:
            self.consts["_T_NAME"] = "TOKEN_CODES['NAME']"
            words = ", ".join(repr(l.value) for l in soft)
            if len(soft) == 1:
                parts.append(f"(T[{pos}] == _T_NAME and S[{pos}] == {soft[0].value!r})")
            else:
                parts.append(f"(T[{pos}] == _T_NAME and S[{pos}] in ({words},))")
        test = " or ".join(parts)
        if negate:
            return f"not ({test})"
        return test if len(parts) == 1 else f"({test})"

    def first_test(self, fs: frozenset, pos: str) -> str:
        for name in fs:
            self.consts.setdefault(name, self._const_value(name))
        if len(fs) == 1:
            return f"T[{pos}] == {next(iter(fs))}"
        if fs not in self.token_sets:
            self.token_sets[fs] = f"_SET{len(self.token_sets)}"
        return f"T[{pos}] in {self.token_sets[fs]}"

    @staticmethod
    def _const_value(name: str) -> str:
        kind, value = name[1], name[3:]
        if kind == "T":
            return f"TOKEN_CODES[{value!r}]"
        if kind == "K":
            return f"KEYWORD_CODES[{value!r}]"
        return f"OPERATOR_CODES[{''.join(chr(int(h, 16)) for h in value.split('_'))!r}]"

    def guarded_call(self, node: object, pos: str, guard: bool = True) -> str:
        """A call matching `node` at `pos`, skipped (None) when the token cannot start it."""
        fn = self.callable_for(node)
        node = _simplify(node)
        if not guard or self.analysis.node_nullable(node):
            return f"{fn}({pos})"
        return f"{fn}({pos}) if {self.first_test(self.analysis.node_first(node), pos)} else None"

    def callable_for(self, node: object) -> str:
        """A function name matching `node` (a rule, or a generated helper for a group)."""
        node = _simplify(node)
        if isinstance(node, Leaf):
            if node.kind == "rule":
                return f"r_{node.value}"
            return self.helper_alts([Alt([Item("atom", node)], None)])
        return self.helper_alts(node.alts)

    def new_helper_name(self, kind: str) -> str:
        self.n_helpers += 1
        return f"_{kind}{self.n_helpers}"

    def helper_alts(self, alts: list[Alt]) -> str:
        name = self.new_helper_name("tmp")
        body = [f"def {name}(_p):", "    nonlocal _pos"]
        body += self.alts_code(alts, "    ")
        body.append("    return None")
        self.helpers.append(body)
        return name

    def helper_loop(self, item: Item) -> str:
        name = self.new_helper_name("loop")
        lines = [f"def {name}(_p):", "    nonlocal _pos", "    _res = []", "    _q = _p",
                 "    while True:"]
        ind = self.match(item.node, "_q", "_v", lines, "        ")
        lines += [f"{ind}_res.append(_v)", f"{ind}continue", "        break"]
        if item.kind == "plus":
            lines.append("    if not _res:")
            lines.append("        return None")
        lines += ["    _pos = _q", "    return _res"]
        self.helpers.append(lines)
        return name

    def helper_gather(self, item: Item) -> str:
        name = self.new_helper_name("gather")
        lines = [f"def {name}(_p):", "    nonlocal _pos", "    _q = _p"]
        ind = self.match(item.node, "_q", "_v", lines, "    ")
        lines += [f"{ind}_res = [_v]", f"{ind}while True:", f"{ind}    _r = _q"]
        inner = self.match(item.sep, "_r", None, lines, ind + "    ")
        inner = self.match(item.node, "_r", "_v", lines, inner)
        lines += [f"{inner}_res.append(_v)", f"{inner}_q = _r", f"{inner}continue",
                  f"{ind}    break", f"{ind}_pos = _q", f"{ind}return _res", "    return None"]
        self.helpers.append(lines)
        return name

    # -- matching ----------------------------------------------------------------------------

    def match(self, node: object, pos: str, var: str | None, lines: list[str], ind: str,
              guard: bool = True) -> str:
        """Emit code matching `node` at `pos`; returns the indentation of the success branch."""
        node = _simplify(node)
        if isinstance(node, Leaf) and node.kind != "rule":
            lines.append(f"{ind}if {self.token_test([node], pos)}:")
            ind += "    "
            if var:
                lines.append(f"{ind}{var} = {pos}")
            lines.append(f"{ind}{pos} += 1")
            return ind
        var = var or self.temp()
        lines.append(f"{ind}{var} = {self.guarded_call(node, pos, guard)}")
        lines.append(f"{ind}if {var} is not None:")
        ind += "    "
        lines.append(f"{ind}{pos} = _pos")
        return ind

    def item_code(self, item: Item, lines: list[str], ind: str, guard: bool = True) -> str:
        kind, var = item.kind, item.name
        if kind == "cut":
            lines.append(f"{ind}_cut = True")
            return ind
        if kind == "atom":
            return self.match(item.node, "_q", var, lines, ind, guard)
        if kind in ("pos", "neg"):
            leaves = self.token_leaves(item.node)
            if leaves is not None:
                lines.append(f"{ind}if {self.token_test(leaves, '_q', negate=kind == 'neg')}:")
            else:
                op = "is not" if kind == "pos" else "is"
                lines.append(f"{ind}if {self.callable_for(item.node)}(_q) {op} None:")
            return ind + "    "
        if kind == "forced":
            leaves = self.token_leaves(item.node)
            if leaves is None or len(leaves) != 1:
                raise GrammarError("&& applies to one token")
            lines.append(f"{ind}if {self.token_test(leaves, '_q', negate=True)}:")
            lines.append(f"{ind}    P.raise_forced(_q, {leaves[0].value!r})")
            if var:
                lines.append(f"{ind}{var} = _q")
            lines.append(f"{ind}_q += 1")
            return ind
        if kind == "opt":
            node = _simplify(item.node)
            var = var or self.temp()
            if isinstance(node, Leaf) and node.kind != "rule":
                lines.append(f"{ind}if {self.token_test([node], '_q')}:")
                lines.append(f"{ind}    {var} = _q")
                lines.append(f"{ind}    _q += 1")
                lines.append(f"{ind}else:")
                lines.append(f"{ind}    {var} = None")
                return ind
            lines.append(f"{ind}{var} = {self.guarded_call(node, '_q')}")
            lines.append(f"{ind}if {var} is not None:")
            lines.append(f"{ind}    _q = _pos")
            return ind
        var = var or self.temp()
        fn = self.helper_gather(item) if kind == "gather" else self.helper_loop(item)
        node = _simplify(item.node)
        nullable = self.analysis.node_nullable(node)
        test = None if nullable or not guard else self.first_test(self.analysis.node_first(node), "_q")
        if kind == "star":
            if test is None:
                lines += [f"{ind}{var} = {fn}(_q)", f"{ind}_q = _pos"]
            else:  # no first element possible: the empty list, no call
                lines += [f"{ind}if {test}:", f"{ind}    {var} = {fn}(_q)", f"{ind}    _q = _pos",
                          f"{ind}else:", f"{ind}    {var} = []"]
            return ind
        lines.append(f"{ind}{var} = {fn}(_q)" + (f" if {test} else None" if test else ""))
        lines.append(f"{ind}if {var} is not None:")
        lines.append(f"{ind}    _q = _pos")
        return ind + "    "

    def alts_code(self, alts: list[Alt], ind: str) -> list[str]:
        lines: list[str] = []
        for alt in alts:
            lines += self.alt_code(alt, ind)
        return lines

    def alt_code(self, alt: Alt, ind: str, grow: bool = False) -> list[str]:
        """One alternative at `_p`; on success it returns. With `grow` (a left-recursive
        alternative in a leader's loop) its first item is the value so far, `_r`, ending at
        `_end`, and success grows them and continues the loop."""
        lines: list[str] = []
        items = alt.items
        gated = (len(items) == 1 and items[0].kind == "atom" and isinstance(items[0].node, Leaf)
                 and items[0].node.value.startswith("invalid_"))
        aind = ind
        if gated:
            lines.append(f"{ind}if call_invalid:")
            aind += "    "
        has_cut = any(i.kind == "cut" for i in items)
        if has_cut:
            lines.append(f"{aind}_cut = False")
        saved_temps, self.temps = self.temps, 0
        names = []
        inner = aind
        if grow:
            first = items[0].name or self.temp()
            lines.append(f"{inner}_q = _end")
            lines.append(f"{inner}{first} = _r")
            names.append(first)
            items = items[1:]
        guarded = False
        if not grow:
            lines.append(f"{inner}_q = _p")
            if not self.analysis.alt_nullable(alt):
                lines.append(f"{inner}if {self.first_test(self.analysis.alt_first(alt), '_q')}:")
                inner += "    "
                guarded = True
        for n, item in enumerate(items):
            needs_name = item.kind not in ("pos", "neg", "cut") and item.name is None and (
                alt.action is None or item.kind not in ("atom", "forced")
                or not isinstance(_simplify(item.node), Leaf) or _simplify(item.node).kind == "rule")
            if needs_name:
                item = dataclasses.replace(item, name=self.temp())
            # The alternative's guard already tested the first item's FIRST set.
            inner = self.item_code(item, lines, inner, guard=not (guarded and n == 0))
            if item.name:
                names.append(item.name)
        if alt.action is not None:
            value = "(" + alt.action.replace(
                "EXTRA", "lineno=L[_p], col_offset=C[_p], end_lineno=EL[_q], end_col_offset=EC[_q]") + ")"
        else:
            value = names[0] if len(names) == 1 else f"({', '.join(names)},)"
        if grow:
            lines += [f"{inner}_v = {value}", f"{inner}if _v is not None:", f"{inner}    _r = _v",
                      f"{inner}    _end = _q", f"{inner}    continue"]
        elif alt.action is not None:
            lines += [f"{inner}_r = {value}", f"{inner}if _r is not None:", f"{inner}    _pos = _q",
                      f"{inner}    return _r"]
        else:
            lines += [f"{inner}_pos = _q", f"{inner}return {value}"]
        if has_cut:
            lines += [f"{aind}if _cut:", f"{aind}    return None"]
        self.temps = saved_temps
        return lines

    def _loop_form(self, rule: Rule) -> tuple[list[Alt], list[Alt]] | None:
        """(left-recursive alts, seed alts) if the leader recurses only directly, LR alts first."""
        def is_lr(alt: Alt) -> bool:
            first = alt.items[0]
            return first.kind == "atom" and isinstance(first.node, Leaf) and first.node.value == rule.name

        lr = [a for a in rule.alts if is_lr(a)]
        seeds = [a for a in rule.alts if not is_lr(a)]
        if not lr or rule.alts[:len(lr)] != lr or any(i.kind == "cut" for a in lr for i in a.items):
            return None
        graph_reach = self._reaches(seeds, rule.name)
        return None if graph_reach else (lr, seeds)

    def _reaches(self, alts: list[Alt], target: str) -> bool:
        seen: set[str] = set()
        todo = list(self.analysis.first_names(alts))
        while todo:
            name = todo.pop()
            if name == target:
                return True
            if name not in seen:
                seen.add(name)
                todo += self.analysis.first_names(self.rules[name].alts)
        return False

    def rule_code(self, rule: Rule) -> list[str]:
        fn = f"r_{rule.name}"
        memo = f"_m_{rule.name}"
        loop = self._loop_form(rule) if rule.leader else None
        if loop is not None:
            lr, seeds = loop
            seed = f"_seed_{rule.name}"
            out = [f"def {seed}(_p):", "    nonlocal _pos"] + self.alts_code(seeds, "    ")
            out += ["    return None", f"{memo} = [None] * _N", f"def {fn}(_p):", "    nonlocal _pos",
                    f"    _hit = {memo}[_p]", "    if _hit is not None:", "        _pos = _hit[1]",
                    "        return _hit[0]", f"    _r = {seed}(_p)", "    if _r is None:",
                    f"        {memo}[_p] = _FAILED", "        return None", "    _end = _pos",
                    "    while True:"]
            for alt in lr:
                out += self.alt_code(alt, "        ", grow=True)
            out += ["        break", f"    {memo}[_p] = (_r, _end)", "    _pos = _end", "    return _r"]
            return out
        if rule.name.startswith("invalid_"):
            # Numbered so that an error can be traced to the alternative that raised it
            # (`pipeline.parser.trace_invalid_rules`).
            body = []
            for n, alt in enumerate(rule.alts, 1):
                body += [f"    # alternative {n}"] + self.alt_code(alt, "    ")
        else:
            body = self.alts_code(rule.alts, "    ")
        raw = fn if not (rule.memo or rule.leader or rule.name.endswith("_without_invalid")) \
            else f"_raw_{rule.name}"
        out = [f"def {raw}(_p):", "    nonlocal _pos"] + body + ["    return None"]
        if rule.name.endswith("_without_invalid"):
            out += [f"def {fn}(_p):", "    nonlocal call_invalid", "    _saved = call_invalid",
                    "    call_invalid = False", f"    _r = {raw}(_p)", "    call_invalid = _saved",
                    "    return _r"]
        elif rule.leader:
            out += [f"{memo} = [None] * _N", f"def {fn}(_p):", "    nonlocal _pos",
                    f"    _hit = {memo}[_p]", "    if _hit is not None:",
                    "        _pos = _hit[1]", "        return _hit[0]",
                    f"    {memo}[_p] = _FAILED", "    _last, _end = None, _p",
                    "    while True:", f"        _r = {raw}(_p)",
                    "        if _r is None or _pos <= _end:", "            break",
                    "        _last, _end = _r, _pos", f"        {memo}[_p] = (_r, _pos)",
                    "    _pos = _end", "    return _last"]
        elif rule.memo:
            out += [f"{memo} = [None] * _N", f"def {fn}(_p):", "    nonlocal _pos",
                    f"    _hit = {memo}[_p]", "    if _hit is not None:",
                    "        _pos = _hit[1]", "        return _hit[0]",
                    f"    _r = {raw}(_p)", f"    {memo}[_p] = _FAILED if _r is None else (_r, _pos)",
                    "    return _r"]
        return out

    def module(self) -> str:
        rule_blocks = [self.rule_code(r) for r in self.rules.values()]
        body: list[str] = []
        for block in self.helpers + rule_blocks:
            body.append("")
            body += block
        starts = ", ".join(f"{n!r}: r_{n}" for n in self.rules if not n.startswith("invalid_"))
        out = [
            '"""The parser tables and rule functions for Python 3.14, as closures over one parse.',
            "",
            "@generated by pipeline/grammar/generate.py from pipeline/grammar/python.gram.",
            "Do not edit; regenerate with `python -m pipeline.grammar.generate`.",
            '"""',
            "# ruff: noqa",
            "from pipeline.grammar.codes import KEYWORD_CODES, OPERATOR_CODES, SOFT_KEYWORDS, TOKEN_CODES",
        ]
        out += self.header.strip("\n").splitlines()
        out.append("")
        for name in sorted(self.consts):
            out.append(f"{name} = {self.consts[name]}")
        for key, name in sorted(self.token_sets.items(), key=lambda kv: kv[1]):
            out.append(f"{name} = frozenset(({', '.join(sorted(key))},))")
        out += [
            "",
            "",
            "def make_rules(P, T, S, L, C, EL, EC, call_invalid):",
            '    """The rule functions over token codes T, strings S, start lines/columns L/C and',
            "    EL/EC (EL[i], EC[i]: end of the last non-whitespace token before index i); P is the",
            '    runtime offering the actions\' helpers."""',
            "    _pos = 0",
            "    _N = len(T) + 1",
            "    _FAILED = (None, 0)",
        ]
        out += ["    " + line if line else "" for line in body]
        out += ["", f"    return {{{starts}}}", ""]
        return "\n".join(out)


def generate(grammar_text: str) -> str:
    header, rules = parse_grammar(grammar_text)
    return _Gen(header, rules).module()


def main(argv: list[str]) -> int:
    code = generate(GRAMMAR.read_text())
    if argv and argv[0] == "--check":
        current = OUTPUT.read_text() if OUTPUT.exists() else ""
        if current != code:
            sys.stderr.write(f"{OUTPUT} is stale; regenerate it\n")
            return 1
        return 0
    OUTPUT.write_text(code)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
