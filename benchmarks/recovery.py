"""The editor parse's recovery bar: how much of a file survives one broken statement.

    python -m benchmarks.recovery [--variants N] [--seed S]

Each variant takes a corpus file (3.14's standard library), picks a function at random and
deletes one character of its body, or inserts one there (from an alphabet of brackets, quotes,
operators, letters, blanks and newlines), all from a seeded generator, so the figure is
reproducible. The broken statement is the innermost statement of the original tree holding the
edited offset. Every module-level and class-level definition (function, class, assignment,
annotated assignment, type alias; classes are followed into their bodies, nothing else is)
outside the broken statement must appear in `parse_for_editor`'s tree of the edited text with
the same name (targets, for assignments) and the same span, mapped through the edit; those that
enclose the broken statement (its function, that function's class) with the same name and start,
as their end is the broken statement's new end. The figure is kept / counted over all variants,
and over the variants whose edited text has a syntax error.
"""
from __future__ import annotations

import argparse
import bisect
import dataclasses
import random
import sys
import time
from collections import Counter

from pipeline import astnodes as A
from pipeline.astdump import dump
from pipeline.astutil import walk
from pipeline.editor_parse import parse_for_editor
from pipeline.parser import decode_source, parse
from tests import oracle

ALPHABET = "()[]{}:;,.=+-*/%<>!'\"#\\@ \t\n_aexzAZ019"
_DEFINITIONS = (A.FunctionDef, A.AsyncFunctionDef, A.ClassDef, A.Assign, A.AnnAssign, A.TypeAlias)


@dataclasses.dataclass
class Figure:
    variants: int = 0
    broken: int = 0          # variants whose edited text has a syntax error
    errors: int = 0          # errors reported over all variants
    counted: int = 0         # definitions outside the broken statement
    kept: int = 0            # of which the editor tree has with the right name and span
    broken_counted: int = 0  # the same two, over the variants with a syntax error only
    broken_kept: int = 0
    misses: list = dataclasses.field(default_factory=list)   # (file, offset, delta, definition)
    editor_seconds: float = 0.0
    parse_seconds: float = 0.0

    @property
    def ratio(self) -> float:
        return self.kept / self.counted if self.counted else 1.0


class _Text:
    """Offsets <-> (line, UTF-8 byte column) for one text; lines split as CPython splits them."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c == "\n" or (c == "\r" and (i + 1 == n or text[i + 1] != "\n")):
                self.starts.append(i + 1)
            i += 1

    def offset(self, line: int, byte_col: int) -> int:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        raw = self.text[start:end].encode("utf-8", "surrogatepass")[:byte_col]
        return start + len(raw.decode("utf-8", "surrogatepass"))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        start = self.starts[line - 1]
        return line, len(self.text[start:offset].encode("utf-8", "surrogatepass"))


def _name(node) -> str:
    if isinstance(node, (A.FunctionDef, A.AsyncFunctionDef, A.ClassDef)):
        return node.name
    if isinstance(node, A.Assign):
        return ", ".join(dump(t) for t in node.targets)
    if isinstance(node, A.AnnAssign):
        return dump(node.target)
    return dump(node.name)


def definitions(tree) -> list:
    """Module-level and class-level definitions, following classes into their bodies."""
    out = []
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, _DEFINITIONS):
            out.append(node)
        if isinstance(node, A.ClassDef):
            todo.extend(node.body)
    return out


def _span(node) -> tuple[int, int, int, int]:
    return node.lineno, node.col_offset, node.end_lineno, node.end_col_offset


def _functions(tree) -> list:
    return sorted((n for n in walk(tree) if isinstance(n, (A.FunctionDef, A.AsyncFunctionDef))), key=_span)


def _statements(tree) -> list:
    return [n for n in walk(tree) if isinstance(n, A.stmt)]


@dataclasses.dataclass
class Variant:
    name: str
    text: str         # the edited text
    offset: int       # where the character was deleted or inserted
    delta: int        # -1 deleted, +1 inserted
    expected: list    # (kind, name, span) of the definitions outside the broken statement


def variants(count: int, seed: int, max_size: int | None = None) -> list[Variant]:
    """`count` edited corpus files, deterministic for a seed."""
    rng = random.Random(seed)
    root = oracle.corpus_dir()
    names = oracle.corpus_files()
    trees: dict[str, tuple] = {}
    out = []
    while len(out) < count:
        name = rng.choice(names)
        if name not in trees:
            text = decode_source((root / name).read_bytes())
            if max_size is not None and len(text) > max_size:
                trees[name] = None
            else:
                tree = parse(text, name).tree
                trees[name] = (text, tree, _functions(tree), _statements(tree)) if tree is not None else None
        if trees[name] is None or not trees[name][2]:
            continue
        text, tree, functions, statements = trees[name]
        index = _Text(text)
        func = rng.choice(functions)
        lo = index.offset(func.body[0].lineno, func.body[0].col_offset)
        hi = index.offset(func.body[-1].end_lineno, func.body[-1].end_col_offset)
        if hi <= lo:
            continue
        if rng.random() < 0.5:
            offset, delta = rng.randrange(lo, hi), -1
            edited = text[:offset] + text[offset + 1:]
        else:
            offset, delta = rng.randrange(lo, hi + 1), 1
            edited = text[:offset] + rng.choice(ALPHABET) + text[offset:]
        broken = None
        for stmt in statements:
            a = index.offset(stmt.lineno, stmt.col_offset)
            b = index.offset(stmt.end_lineno, stmt.end_col_offset)
            if a <= offset <= b and (broken is None or b - a < broken[1] - broken[0]):
                broken = (a, b)
        new_index = _Text(edited)

        def moved(line: int, col: int) -> tuple[int, int]:
            p = index.offset(line, col)
            if p > offset or (p == offset and delta > 0):
                p += delta
            return new_index.position(p)

        expected = []
        for node in definitions(tree):
            a = index.offset(node.lineno, node.col_offset)
            b = index.offset(node.end_lineno, node.end_col_offset)
            if broken is not None and broken[0] <= a and b <= broken[1]:
                continue
            start = moved(node.lineno, node.col_offset)
            if broken is not None and a <= broken[0] and broken[1] <= b:
                # It encloses the broken statement, whose new extent decides its end.
                expected.append((type(node).__name__, _name(node), start))
            else:
                expected.append((type(node).__name__, _name(node), start + moved(node.end_lineno, node.end_col_offset)))
        out.append(Variant(name, edited, offset, delta, expected))
    return out


def measure(sample: list[Variant], time_parse: bool = False) -> Figure:
    figure = Figure()
    for variant in sample:
        t0 = time.process_time()
        result = parse_for_editor(variant.text, variant.name)
        t1 = time.process_time()
        if time_parse:
            parse(variant.text, variant.name)
            figure.parse_seconds += time.process_time() - t1
        figure.editor_seconds += t1 - t0
        figure.variants += 1
        figure.broken += bool(result.errors)
        figure.errors += len(result.errors)
        found = Counter()
        for n in definitions(result.tree):
            found[(type(n).__name__, _name(n), _span(n))] += 1
            found[(type(n).__name__, _name(n), _span(n)[:2])] += 1
        for item in variant.expected:
            figure.counted += 1
            figure.broken_counted += bool(result.errors)
            if found[item] > 0:
                found[item] -= 1
                figure.kept += 1
                figure.broken_kept += bool(result.errors)
            else:
                figure.misses.append((variant.name, variant.offset, variant.delta, item))
    return figure


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variants", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=314)
    ap.add_argument("--misses", action="store_true", help="list the definitions not kept")
    args = ap.parse_args(argv)
    sample = variants(args.variants, args.seed)
    figure = measure(sample, time_parse=True)
    print(f"{figure.variants} variants (seed {args.seed}), {figure.broken} with a syntax error, "
          f"{figure.errors} errors reported")
    print(f"definitions outside the broken statement kept with name and span: "
          f"{figure.kept}/{figure.counted} = {100 * figure.ratio:.2f}%")
    print(f"  over the {figure.broken} variants with a syntax error only: "
          f"{figure.broken_kept}/{figure.broken_counted} = "
          f"{100 * figure.broken_kept / max(figure.broken_counted, 1):.2f}%")
    if args.misses:
        for miss in figure.misses:
            print("  missed:", *miss)
    print(f"CPU time: parse_for_editor {figure.editor_seconds:.1f} s, parse() alone "
          f"{figure.parse_seconds:.1f} s, ratio {figure.editor_seconds / max(figure.parse_seconds, 1e-9):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
