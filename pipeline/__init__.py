"""Bytelens's pipeline: what CPython 3.14.2 does with Python source, in pure Python.

    source bytes -> tokens -> tree -> symbol table -> code object -> run
    tokenizer.tokenize  parser.parse  symtable.build_symtable  compiler.compile_module  vm.run_code

Each stage is one module (or small package) with one entry function, data in and data out;
`compile_program` below composes the front half the way `python3.14 FILE` compiles a script.
Stages are imported when first used, so `import pipeline.facts` stays cheap.
"""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, slots=True)
class CompiledProgram:
    """A source file through the pipeline: the code object (None if it failed), the
    SyntaxWarnings CPython prints while compiling, and the SyntaxError (a parser
    `SyntaxErrorInfo`) or the reason the compiler cannot handle the file yet."""
    code: object
    warnings: str
    error: object = None
    unsupported: str | None = None

    def failure_report(self) -> str:
        """What `python3.14 FILE` prints to stderr when compiling FILE fails."""
        if self.error is not None:
            return self.error.report()
        return f"bytelens: the compiler cannot compile this program yet: {self.unsupported}\n"


def compile_program(source: bytes, filename: str) -> CompiledProgram:
    """Parse, analyse and compile `source` as `python3.14 FILE` compiles a script. Never raises:
    the later stages run with room for deep recursion (`pipeline.deep`), and a tree too deep even
    for that fails as CPython's compiler does, with a RecursionError."""
    from pipeline.compiler import compile_module
    from pipeline.deep import RECURSION_MESSAGE, call_deep
    from pipeline.parser import SyntaxErrorInfo, SyntaxWarningInfo, decode_source, parse
    from pipeline.positions import LineIndex

    lines = LineIndex(decode_source(source))
    parsed = parse(source, filename)
    warned = [w.report(lines.line_text(w.lineno)) for w in parsed.warnings]
    if parsed.errors:
        return CompiledProgram(None, "".join(warned), parsed.errors[0])
    # Deeper than even the worker's stack: CPython's visitors give up too, with no location.
    too_deep = SyntaxErrorInfo("RecursionError", RECURSION_MESSAGE, filename, None, None, None, None, None)
    try:
        result = call_deep(compile_module, parsed.tree, filename)
    except RecursionError:
        return CompiledProgram(None, "".join(warned), too_deep)
    if (result.errors and result.errors[0].kind == "RecursionError"
            or (result.unsupported or "").startswith("internal error: RecursionError")):
        return CompiledProgram(None, "".join(warned), too_deep)
    warned += [SyntaxWarningInfo(w.message, filename, w.lineno).report(lines.line_text(w.lineno))
               for w in result.warnings]
    if result.errors:
        d = result.errors[0]
        error = SyntaxErrorInfo(d.kind, d.message, filename, d.lineno, d.offset, d.end_lineno,
                                d.end_offset, lines.line_text(d.lineno) + "\n")
        return CompiledProgram(None, "".join(warned), error)
    return CompiledProgram(result.code, "".join(warned), unsupported=result.unsupported)
