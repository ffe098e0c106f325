"""Semantic highlighting: each token's kind and modifiers, as plain values.

The legend (documented in the README) is `KINDS` and `MODIFIERS`. Where the text parses, names
are classified from the tree and our symbol tables (`highlights(tokens, tree, table)`):

- kinds: `parameter` (a function's or lambda's parameters, keyword argument names), `variable`,
  `function`, `method` (a `def` directly in a class body), `class`, `namespace` (names bound by
  `import`, and the dotted module names of import statements), `typeParameter` (PEP 695), builtins
  as `function`/`class`; a name used elsewhere takes the kind of the binding it resolves to.
- modifiers: `declaration` where a name is bound (assignment targets, parameters, imports,
  `def`/`class` names), `definition` on `def`/`class`/type-alias names and type parameters,
  `readonly` for UPPER_CASE names bound at module level (constants by convention: Python has no
  real constants), `defaultLibrary` for builtins, and the scope the symbol table gives the name
  where it occurs: `local`, `global` (module-level names, and `global`/implicit globals in
  functions), `free` (closure variables), `cell` (locals captured by a nested scope).

Token-level facts cover the rest and the whole text when it does not parse: keywords, soft
keywords in statement position, decorators, attributes, strings (f-/t-string parts included),
numbers, comments, operators, and the names `def`/`class` define.
"""
from __future__ import annotations

import dataclasses
import re

from pipeline import facts

KINDS = ("keyword", "softKeyword", "namespace", "class", "function", "method", "parameter", "variable",
         "property", "decorator", "typeParameter", "string", "number", "comment", "operator")
MODIFIERS = ("declaration", "definition", "readonly", "defaultLibrary", "local", "global", "free", "cell")

_TYPE = {name: number for number, name in facts.TOK_NAME.items()}
_STRINGISH = frozenset(_TYPE[n] for n in ("STRING", "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END",
                                          "TSTRING_START", "TSTRING_MIDDLE", "TSTRING_END"))
_STATEMENT_START = frozenset(_TYPE[n] for n in ("NEWLINE", "INDENT", "DEDENT", "ENCODING"))
_LAYOUT = frozenset(_TYPE[n] for n in ("NL", "COMMENT"))
_NAME, _OP, _NUMBER, _COMMENT, _NEWLINE = (_TYPE[n] for n in ("NAME", "OP", "NUMBER", "COMMENT", "NEWLINE"))
_KEYWORDS = frozenset(facts.KEYWORDS)
_BUILTINS = frozenset(facts.BUILTIN_NAMES)
_BUILTIN_TYPES = frozenset(facts.BUILTIN_TYPES)
_PUNCTUATION = frozenset("()[]{},;.:")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as LSP and CPython count lines; not str.splitlines
_DEFINITION = frozenset({"declaration", "definition"})
_LIBRARY = frozenset({"defaultLibrary"})
# What may follow `match`/`case` when they are names, not statements (`match = 1`, `case.x`).
_NOT_AFTER_SOFT = frozenset({"=", ".", ":", ",", ")", "]", "}", ";", "+=", "-=", "*=", "/=", "//=", "%=",
                             "@=", "&=", "|=", "^=", ">>=", "<<=", "**=", ":="})


@dataclasses.dataclass(frozen=True, slots=True)
class Highlight:
    """One highlighted run inside one line: 1-based line, character column and length."""
    line: int
    col: int
    length: int
    kind: str
    modifiers: frozenset[str] = frozenset()


def highlights(tokens, tree=None, table=None, def_kinds=None, start=None, links=()) -> list[Highlight]:
    """Highlights for a token stream (the tokenizer's `extra_tokens=True` view), in source order.

    `tree` (the module's AST) and `table` (its `SymtableResult`) refine names when the text
    parses; without them, or when the symbol table failed, names are classified by tokens alone.
    A pure function of its arguments.

    A part of a module (some of its top-level statements, with their tokens) is highlighted as
    in the whole module when `tree` holds those statements, `table` is the whole module's and
    `def_kinds` is `module_def_kinds(module, table)`: the module-wide facts, computed once.
    `start`, when given, is where the walk of the tree begins instead of the module: a list of
    (node, scope table, private-name class) for a part of a module below its top level (the
    members of a class, walked in the class's scope), and `links` the (scope, enclosing scope)
    pairs above it that a walk from the module would have recorded.
    """
    names = None
    if tree is not None and table is not None and getattr(table, "top", None) is not None:
        names = _SymbolFacts(tree, table, def_kinds, start, links)
    toks = [t for t in tokens if t.type not in _LAYOUT or t.type == _COMMENT]
    out: list[Highlight] = []
    at_statement_start = True
    # UTF-8 bytes beyond one per character so far on each line: AST columns are UTF-8 bytes,
    # token columns characters, and only tokens hold non-ASCII characters.
    extra: dict[int, int] = {}
    pending_def = None        # the facts for the name after `def`/`class`
    statement_names = None    # names of a `global`/`nonlocal` statement, by name
    alias = None              # (end position, bound facts, bound is the last name, names seen)
    in_from_module = False    # between `from` and `import`
    for i, tok in enumerate(toks):
        kind = None
        mods = frozenset()
        key = (tok.start[0], tok.start[1] + extra.get(tok.start[0], 0))
        if not tok.string.isascii():
            _count_extra(extra, tok)
        if tok.type in _STRINGISH:
            _split_lines(out, tok, "string")
        elif tok.type == _COMMENT:
            out.append(Highlight(tok.start[0], tok.start[1], len(tok.string), "comment"))
            continue  # a comment does not end a statement's start
        elif tok.type == _NUMBER:
            kind = "number"
        elif tok.type == _OP:
            if tok.string not in _PUNCTUATION:
                kind = "operator"
        elif tok.type == _NAME:
            kind, mods = _name_kind(toks, i, at_statement_start)
            if names is not None:
                if kind == "keyword":
                    if tok.string in ("def", "class", "async"):
                        pending_def = names.defs.get(key, pending_def)
                    elif tok.string in ("global", "nonlocal"):
                        statement_names = names.statements.get(key)
                    elif tok.string == "from" and at_statement_start:
                        in_from_module = True
                    elif tok.string == "import":
                        in_from_module = False
                elif tok.string == "case" and i + 1 < len(toks) and toks[i + 1].start[0] == tok.start[0] and \
                        (tok.start[0], toks[i + 1].start[1] + extra.get(tok.start[0], 0)) in names.case_patterns:
                    kind, mods = "softKeyword", frozenset()
                elif key in names.aliases:
                    end, bound, last = names.aliases[key]
                    alias = [end, bound, last, [len(out)]]
                    kind, mods = "namespace", frozenset()
                elif key in names.names:
                    found, mods = names.names[key]
                    kind = kind if kind == "decorator" else found
                elif pending_def is not None and toks[i - 1].string in ("def", "class"):
                    kind, mods = pending_def
                elif statement_names is not None and tok.string in statement_names:
                    kind, mods = statement_names[tok.string]
                elif in_from_module:
                    kind, mods = "namespace", frozenset()
                if alias is not None and kind != "keyword" and key not in names.aliases:
                    if key < alias[0]:
                        alias[3].append(len(out))
                        kind, mods = "namespace", frozenset()
                    else:
                        _bind_alias(out, alias)
                        alias = None
        if kind is not None:
            out.append(Highlight(tok.start[0], tok.start[1], len(tok.string), kind, mods))
        if alias is not None and (tok.type == _NEWLINE or tok.string in (",", ")", ";")):
            _bind_alias(out, alias)
            alias = None
        if tok.type == _NEWLINE or tok.string == ";" and tok.type == _OP:
            statement_names, in_from_module, pending_def = None, False, None
        at_statement_start = tok.type in _STATEMENT_START or tok.string == ";" and tok.type == _OP
    if alias is not None:
        _bind_alias(out, alias)
    return out


def _bind_alias(out: list[Highlight], alias) -> None:
    """An import alias's names are namespaces; the one it binds carries the binding's facts."""
    _end, bound, last, seen = alias
    if seen:
        n = seen[-1] if last else seen[0]
        run = out[n]
        out[n] = Highlight(run.line, run.col, run.length, bound[0], bound[1])


def _count_extra(extra: dict[int, int], tok) -> None:
    line = tok.start[0]
    for n, part in enumerate(_LINE_BREAK.split(tok.string)):
        more = len(part.encode("utf-8", "surrogatepass")) - len(part)
        if more:
            extra[line + n] = extra.get(line + n, 0) + more


def _name_kind(toks, i: int, at_statement_start: bool) -> tuple[str, frozenset[str]]:
    word = toks[i].string
    before = toks[i - 1].string if i else ""
    if word in _KEYWORDS:
        return "keyword", frozenset()
    if at_statement_start and _is_soft_keyword_statement(toks, i):
        return "softKeyword", frozenset()
    if before == "def":
        return "function", _DEFINITION
    if before == "class":
        return "class", _DEFINITION
    if before == "@":
        return "decorator", frozenset()
    if before == ".":
        return "property", frozenset()
    if word in _BUILTINS:
        return ("class" if word in _BUILTIN_TYPES else "function"), _LIBRARY
    return "variable", frozenset()


def _is_soft_keyword_statement(toks, i: int) -> bool:
    """`match x:`, `case p:`, `type X = ...` as statements; the same words as names stay names."""
    word = toks[i].string
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.type == _NEWLINE or nxt.string in _NOT_AFTER_SOFT:
        return False
    if word == "type":
        after = toks[i + 2] if i + 2 < len(toks) else None
        return nxt.type == _NAME and after is not None and after.string in ("=", "[")
    if word in ("match", "case"):
        # A compound statement header: the logical line ends with ':' (comments aside).
        last = None
        for tok in toks[i + 1:]:
            if tok.type == _NEWLINE:
                return last is not None and last.string == ":"
            if tok.type != _COMMENT:
                last = tok
        return False
    return False


def _split_lines(out: list[Highlight], tok, kind: str) -> None:
    """A multi-line token as one run per line: LSP clients draw single-line tokens only."""
    line, col = tok.start
    for n, part in enumerate(_LINE_BREAK.split(tok.string)):
        if part:
            out.append(Highlight(line + n, col if n == 0 else 0, len(part), kind))


# ---------------------------------------------------------------- facts from the symbol tables
_CONSTANT = re.compile(r"_*[A-Z][A-Z0-9_]*\Z")


class _SymbolFacts:
    """What the tree and symbol tables say about the names, keyed by AST position (line, UTF-8
    column): `names` for names with a position of their own, `defs` by the `def`/`class`/`async`
    keyword's position (for the name after it), `statements` by a `global`/`nonlocal` keyword's
    position, `aliases` by an import alias's position."""

    def __init__(self, tree, table, def_kinds=None, start=None, links=()):
        from pipeline import symtable as S

        self._S = S
        self._result = table
        self.top = table.top
        self.names: dict[tuple[int, int], tuple[str, frozenset[str]]] = {}
        self.defs: dict[tuple[int, int], tuple[str, frozenset[str]]] = {}
        self.statements: dict[tuple[int, int], dict[str, tuple[str, frozenset[str]]]] = {}
        self.aliases: dict[tuple[int, int], tuple[tuple[int, int], tuple[str, frozenset[str]], bool]] = {}
        self.case_patterns: set[tuple[int, int]] = set()  # where a `case` clause's pattern starts
        self._parent: dict[int, object] = {}
        # Per table (by id): names bound by def/class; the module's when the caller has them.
        self._def_kind = _find_def_kinds(tree, table) if def_kinds is None else def_kinds
        for child, parent in links:
            self._link(child, parent)
        self._walk([(tree, self.top, None)] if start is None else list(start))

    # -- resolving a name in a scope
    def _link(self, child, parent) -> None:
        """Record the scope `child` looks out to (its tables name no parent)."""
        if child is not None and child is not parent:
            self._parent[id(child)] = parent

    def _describe(self, scope, name: str, private, binding: bool) -> tuple[str, frozenset[str]]:
        S = self._S
        table = scope
        symbol = None
        while table is not None:
            symbol = table.lookup(S.mangle(private, name) if private else name) or table.lookup(name)
            if symbol is not None:
                break
            table = self._parent.get(id(table))  # annotation and type-parameter scopes see out
        mods = {"declaration"} if binding else set()
        if symbol is None:
            if name in _BUILTINS and not binding:
                return ("class" if name in _BUILTIN_TYPES else "function"), frozenset({"defaultLibrary", "global"})
            return "variable", frozenset(mods)
        where = symbol.scope
        if where in (S.LOCAL, S.CELL):
            mods.add("global" if table.type == S.BlockType.MODULE else ("cell" if where == S.CELL else "local"))
            home = table
        elif where in (S.GLOBAL_IMPLICIT, S.GLOBAL_EXPLICIT):
            mods.add("global")
            home = self.top
        elif where == S.FREE:
            mods.add("free")
            home = self._parent.get(id(table))
            while home is not None and home.scope_of(name) not in (S.LOCAL, S.CELL):
                home = self._parent.get(id(home))
        else:  # a class's own name, seen from inside (scope 0 in the class body)
            home = table
        bound = home.lookup(name) if home is not None else None
        if home is self.top and (bound is None or not bound.has(S.DEF_BOUND)):
            if name in _BUILTINS:
                mods.add("defaultLibrary")
                return ("class" if name in _BUILTIN_TYPES else "function"), frozenset(mods)
        if bound is None:
            bound = symbol
            home = table
        if bound.has(S.DEF_PARAM):
            return "parameter", frozenset(mods)
        if bound.has(S.DEF_TYPE_PARAM):
            return "typeParameter", frozenset(mods)
        if bound.has(S.DEF_IMPORT):
            return "namespace", frozenset(mods)
        kind = self._def_kind.get(id(home), {}).get(name, "variable")
        if kind == "variable" and home is self.top and _CONSTANT.match(name) and bound.has(S.DEF_BOUND):
            mods.add("readonly")
        return kind, frozenset(mods)

    # -- the walk (iterative: a 1,000-deep expression must not exhaust the stack)
    def _walk(self, todo) -> None:
        from pipeline.astutil import iter_child_nodes

        # Every name, in the scope it is evaluated in (near enough for colours: annotation
        # and default scopes fall back to the enclosing table through `_parent`).
        while todo:
            node, scope, private = todo.pop()
            kind = type(node).__name__
            handler = getattr(self, "_visit_" + kind, None)
            children = handler(node, scope, private) if handler else None
            if children is None:
                children = [(child, scope, private) for child in iter_child_nodes(node)]
            todo.extend(children)

    def _at(self, node) -> tuple[int, int]:
        return (node.lineno, node.col_offset)

    def _visit_Name(self, node, scope, private):
        binding = type(node.ctx).__name__ in ("Store", "Del")
        self.names[self._at(node)] = self._describe(scope, node.id, private, binding)
        return []

    def _function(self, node, scope, private):
        S = self._S
        inner = self._result.get(node) or scope
        outer = self._result.get(node, S.Role.TYPE_PARAMS) or scope
        notes = self._result.get(node, S.Role.ANNOTATIONS) or outer
        self._link(outer, scope)
        self._link(notes, outer)
        self._link(inner, outer)
        out = [(d, scope, private) for d in getattr(node, "decorator_list", ())]
        args = node.args
        out += [(d, outer, private) for d in (*args.defaults, *(d for d in args.kw_defaults if d is not None))]
        for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if a is None:
                continue
            self.names[self._at(a)] = self._describe(inner, a.arg, private, True)
            if a.annotation is not None:
                out.append((a.annotation, notes, private))
        for child in getattr(node, "type_params", ()):
            out.append((child, outer, private))
        if getattr(node, "returns", None) is not None:
            out.append((node.returns, notes, private))
        body = node.body if isinstance(node.body, (list, tuple)) else (node.body,)
        out += [(stmt, inner, private) for stmt in body]
        if _is_def(node):
            facts_ = self._describe(scope, node.name, private, True)
            self.defs[self._at(node)] = (facts_[0], facts_[1] | {"definition"})
        return out

    _visit_FunctionDef = _visit_AsyncFunctionDef = _visit_Lambda = _function

    def _visit_ClassDef(self, node, scope, private):
        S = self._S
        inner = self._result.get(node) or scope
        outer = self._result.get(node, S.Role.TYPE_PARAMS) or scope
        self._link(outer, scope)
        self._link(inner, outer)
        facts_ = self._describe(scope, node.name, private, True)
        self.defs[self._at(node)] = (facts_[0], facts_[1] | {"definition"})
        out = [(d, scope, private) for d in node.decorator_list]
        out += [(child, outer, private) for child in (*node.type_params, *node.bases, *node.keywords)]
        out += [(stmt, inner, node.name) for stmt in node.body]
        return out

    def _comprehension(self, node, scope, private):
        inner = self._result.get(node) or scope
        self._link(inner, scope)
        first, *rest = node.generators
        out = [(first.iter, scope, private), (first.target, inner, private)]
        out += [(child, inner, private) for child in first.ifs]
        out += [(g, inner, private) for g in rest]
        for field in ("elt", "key", "value"):
            if getattr(node, field, None) is not None:
                out.append((getattr(node, field), inner, private))
        return out

    _visit_ListComp = _visit_SetComp = _visit_DictComp = _visit_GeneratorExp = _comprehension

    def _visit_TypeAlias(self, node, scope, private):
        S = self._S
        outer = self._result.get(node, S.Role.TYPE_PARAMS) or scope
        inner = self._result.get(node) or outer
        self._link(outer, scope)
        self._link(inner, outer)
        self.names[self._at(node)] = ("softKeyword", frozenset())
        if type(node.name).__name__ == "Name":
            kind, mods = self._describe(scope, node.name.id, private, True)
            self.names[self._at(node.name)] = ("class" if kind == "variable" else kind, mods | {"definition"})
        return [(child, outer, private) for child in node.type_params] + [(node.value, inner, private)]

    def _type_param(self, node, scope, private, skip: int):
        kind, mods = self._describe(scope, node.name, private, True)
        self.names[(node.lineno, node.col_offset + skip)] = ("typeParameter", mods | {"definition"})
        return None

    def _visit_TypeVar(self, node, scope, private):
        return self._type_param(node, scope, private, 0)

    def _visit_ParamSpec(self, node, scope, private):
        return self._type_param(node, scope, private, 2)

    def _visit_TypeVarTuple(self, node, scope, private):
        return self._type_param(node, scope, private, 1)

    def _visit_AnnAssign(self, node, scope, private):
        notes = scope.annotation_block or scope
        self._link(notes, scope)
        out = [(node.target, scope, private), (node.annotation, notes, private)]
        return out + ([(node.value, scope, private)] if node.value is not None else [])

    def _visit_Match(self, node, scope, private):
        self.names[self._at(node)] = ("softKeyword", frozenset())
        for case in node.cases:
            self.case_patterns.add(self._at(case.pattern))
        return None

    def _visit_keyword(self, node, scope, private):
        if node.arg is not None and node.lineno is not None:
            self.names[self._at(node)] = ("parameter", frozenset())
        return None

    def _statement(self, node, scope, private):
        self.statements[self._at(node)] = {name: self._describe(scope, name, private, True) for name in node.names}
        return []

    _visit_Global = _visit_Nonlocal = _statement

    def _visit_alias(self, node, scope, private):
        if node.name != "*":
            bound = node.asname or node.name.split(".")[0]
            self.aliases[self._at(node)] = ((node.end_lineno, node.end_col_offset),
                                            self._describe(scope, bound, private, True), node.asname is not None)
        return []

    def _visit_MatchAs(self, node, scope, private):
        if node.name is None:
            if node.pattern is None:
                self.names[self._at(node)] = ("softKeyword", frozenset())  # the wildcard `_`
        else:
            at = (node.lineno, node.col_offset) if node.pattern is None else \
                (node.end_lineno, node.end_col_offset - len(node.name.encode("utf-8", "surrogatepass")))
            self.names[at] = self._describe(scope, node.name, private, True)
        return None

    def _visit_MatchStar(self, node, scope, private):
        if node.name is not None:
            at = (node.end_lineno, node.end_col_offset - len(node.name.encode("utf-8", "surrogatepass")))
            self.names[at] = self._describe(scope, node.name, private, True)
        return None


def module_def_kinds(tree, table) -> dict[int, dict[str, str]]:
    """The module-wide facts `highlights` takes for highlighting the module part by part: per
    symbol table (by id), the kind of each name it binds with `def`/`class`."""
    if table is None or getattr(table, "top", None) is None:
        return {}
    return _find_def_kinds(tree, table)


def _find_def_kinds(tree, table) -> dict[int, dict[str, str]]:
    """Which names each scope binds with `def`/`class` (a use may come before them), the last
    such statement in source order deciding: definitions are statements, so only statement
    lists are walked."""
    from itertools import chain

    from pipeline import symtable as S

    found: dict[int, dict[str, str]] = {}
    stack = [(iter(getattr(tree, "body", None) or ()), table.top)]
    while stack:
        body, scope = stack[-1]
        node = next(body, None)
        if node is None:
            stack.pop()
            continue
        kind = type(node).__name__
        if kind in ("FunctionDef", "AsyncFunctionDef", "ClassDef"):
            what = "class" if kind == "ClassDef" else ("method" if scope.type == S.BlockType.CLASS else "function")
            found.setdefault(id(scope), {})[node.name] = what
            stack.append((iter(node.body), table.get(node) or scope))
            continue
        inner = [getattr(node, "body", None) or ()]
        inner += [part.body for part in (*(getattr(node, "handlers", None) or ()), *(getattr(node, "cases", None) or ()))]
        inner += [getattr(node, field, None) or () for field in ("orelse", "finalbody")]
        if any(isinstance(b, (list, tuple)) and b for b in inner):
            stack.append((chain.from_iterable(b for b in inner if isinstance(b, (list, tuple))), scope))
    return found


def _is_def(node) -> bool:
    return type(node).__name__ in ("FunctionDef", "AsyncFunctionDef")
