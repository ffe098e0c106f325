"""`bytelens tokenize|ast|symtable|dis|run|lsp|dap`: CPython's own command lines, output for output.

Each subcommand prints exactly what the matching `python3.14 -m MODULE ...` (or `python3.14 FILE`)
prints: the same stdout, the same error report on stderr, the same exit status.
"""
from __future__ import annotations

import argparse
import sys

from pipeline import facts


def _error(message: str) -> int:
    sys.stderr.write(message + "\n")
    return 1


def _read_input(infile: str) -> tuple[str, bytes]:
    """(display name, bytes) of a file argument, `-` meaning stdin; OSError as `open` raises it."""
    if infile == "-":
        return "<stdin>", sys.stdin.buffer.read()
    with open(infile, "rb") as f:
        return infile, f.read()


def cmd_tokenize(argv: list[str]) -> int:
    """`python -m tokenize [-e] [filename.py]` (3.14): tokens, or `FILE:LINE:COL: error: MSG`."""
    from pipeline.tokenizer import TokenizerError, tokenize

    parser = argparse.ArgumentParser(prog="bytelens tokenize")
    parser.add_argument(dest="filename", nargs="?", metavar="filename.py",
                        help="the file to tokenize; defaults to stdin")
    parser.add_argument("-e", "--exact", dest="exact", action="store_true",
                        help="display token names using the exact type")
    args = parser.parse_args(argv)
    if args.filename:
        filename = args.filename
        try:
            with open(filename, "rb") as f:
                source: bytes | str = f.read()
        except OSError as err:
            return _error(f"error: {err}")
    else:
        filename = "<stdin>"
        source = sys.stdin.read()
    warnings: list = []

    def show() -> None:
        """The lexer's warnings as the warnings module printed them while tokenizing (so before
        any error), under the C tokenizer's file name "<string>" (so no source line follows)."""
        sys.stderr.write("".join(f"<string>:{w.lineno}: {w.kind}: {w.message}\n" for w in warnings))

    try:
        # CPython collects every token before printing, so an error leaves stdout empty.
        tokens = list(tokenize(source, warnings=warnings))
    except TokenizerError as exc:
        show()
        return _error(exc.report(filename))
    show()
    out = []
    for tok in tokens:
        kind = tok.exact_type if args.exact else tok.type
        span = "%d,%d-%d,%d:" % (tok.start + tok.end)
        out.append("%-20s%-15s%-15r\n" % (span, facts.TOK_NAME[kind], tok.string))
    sys.stdout.write("".join(out))
    return 0


def cmd_lsp(argv: list[str]) -> int:
    """`bytelens lsp`: the language server, over stdio."""
    argparse.ArgumentParser(prog="bytelens lsp", description="the Bytelens language server (stdio)").parse_args(argv)
    from server.lsp import main as serve

    return serve()


def cmd_dap(argv: list[str]) -> int:
    """`bytelens dap`: the debug adapter, over stdio."""
    argparse.ArgumentParser(prog="bytelens dap", description="the Bytelens debug adapter (stdio)").parse_args(argv)
    from server.dap import main as serve

    return serve()


def cmd_dis(argv: list[str]) -> int:
    """`python -m dis [-C] [-O] [-P] [-S] [infile]` (3.14): the module's disassembly, nested code included.
    With `--info`, what `dis.show_code()` prints for each of those code objects, in the same order.

    A file that cannot be read or compiled ends the run with status 1 and the last lines of
    CPython's traceback (the frames above them belong to CPython's own installation).
    """
    parser = argparse.ArgumentParser(prog="bytelens dis")
    parser.add_argument("-C", "--show-caches", action="store_true", help="show inline caches")
    parser.add_argument("-O", "--show-offsets", action="store_true", help="show instruction offsets")
    parser.add_argument("-P", "--show-positions", action="store_true", help="show instruction positions")
    parser.add_argument("-S", "--specialized", action="store_true", help="show specialized bytecode")
    parser.add_argument("--info", action="store_true",
                        help="print dis.show_code() of every code object instead of the disassembly")
    parser.add_argument("infile", nargs="?", default="-")
    args = parser.parse_args(argv)
    from pipeline import compile_program
    from pipeline.disassemble import disassemble, show_code, walk_code

    try:
        name, source = _read_input(args.infile)
    except OSError as err:
        return _error(f"Traceback (most recent call last):\n{type(err).__name__}: {err}")
    compiled = compile_program(source, name)
    sys.stderr.write(compiled.warnings)
    if compiled.code is None:
        return _error("Traceback (most recent call last):\n" + compiled.failure_report().rstrip("\n"))
    if args.info:
        sys.stdout.write("".join(show_code(code) for code in walk_code(compiled.code)))
        return 0
    sys.stdout.write(disassemble(compiled.code, show_caches=args.show_caches, adaptive=args.specialized,
                                 show_offsets=args.show_offsets, show_positions=args.show_positions))
    return 0


def cmd_symtable(argv: list[str]) -> int:
    """`python -m symtable [filename ...]` (3.14): each file's symbol tables, in CPython's format.

    Like `symtable.main`, arguments are file names only ('-' or none: stdin) and each file's
    tables are printed before the next file is read. The parser's SyntaxWarnings go to stderr; the
    first error ends the run with a traceback whose last lines are CPython's, and status 1.
    """
    from pipeline.parser import SyntaxErrorInfo, decode_source, parse
    from pipeline.symtable import build_symtable, format_symtable

    for filename in argv or ["-"]:
        if filename == "-":
            filename, source = "<stdin>", sys.stdin.read()
        else:
            try:
                with open(filename, "rb") as f:
                    source = f.read()
            except OSError as err:
                return _error(f"Traceback (most recent call last):\n{type(err).__name__}: {err}")
        parsed = parse(source, filename)
        text = decode_source(source)
        lines = text.splitlines(keepends=True)
        for warning in parsed.warnings:
            sys.stderr.write(warning.report(lines[warning.lineno - 1] if warning.lineno <= len(lines) else None))
        if parsed.errors:
            return _error("Traceback (most recent call last):\n" + parsed.errors[0].report(text).rstrip("\n"))
        result = build_symtable(parsed.tree, filename)
        if result.errors:
            error = result.errors[0]
            located = 0 < error.lineno <= len(lines)
            # CPython reports symtable errors with the AST's byte columns (see pipeline.symtable).
            info = SyntaxErrorInfo(error.kind, error.message, filename, error.lineno if located else None,
                                   error.offset, error.end_lineno, error.end_offset,
                                   lines[error.lineno - 1] if located else None)
            return _error("Traceback (most recent call last):\n" + info.report().rstrip("\n"))
        sys.stdout.write(format_symtable(result.top, filename))
    return 0


def cmd_ast(argv: list[str]) -> int:
    """`python -m ast [-m MODE] [-a] [-i INDENT] [--show-empty] ... [infile]` (3.14): the dumped tree,
    or the SyntaxError report's last lines on stderr and status 1."""
    from pipeline.astdump import dump
    from pipeline.parser import decode_source, parse

    parser = argparse.ArgumentParser(prog="bytelens ast")
    parser.add_argument("infile", nargs="?", default="-",
                        help="the file to parse; defaults to stdin")
    parser.add_argument("-m", "--mode", default="exec", choices=("exec", "single", "eval", "func_type"),
                        help="specify what kind of code must be parsed")
    parser.add_argument("--no-type-comments", default=True, action="store_false",
                        help="don't add information about type comments")
    parser.add_argument("-a", "--include-attributes", action="store_true",
                        help="include attributes such as line numbers and column offsets")
    parser.add_argument("-i", "--indent", type=int, default=3,
                        help="indentation of nodes (number of spaces)")
    parser.add_argument("--feature-version", type=str, default=None, metavar="VERSION",
                        help="Python version in the format 3.x (for example, 3.10)")
    parser.add_argument("-O", "--optimize", type=int, default=-1, metavar="LEVEL",
                        help="optimization level for parser (default -1)")
    parser.add_argument("--show-empty", default=False, action="store_true",
                        help="show empty lists and fields in dump output")
    args = parser.parse_args(argv)
    try:
        filename, source = _read_input(args.infile)
    except OSError as err:
        return _error(f"error: {err}")
    feature_version = None
    if args.feature_version:
        try:
            major, minor = map(int, args.feature_version.split(".", 1))
        except ValueError:
            parser.error("Invalid format for --feature-version; expected format 3.x (for example, 3.10)")
        feature_version = minor
    result = parse(source, filename, args.mode, type_comments=args.no_type_comments,
                   feature_version=feature_version, optimize=args.optimize)
    if result.warnings or result.errors:
        text = decode_source(source)
        lines = text.splitlines()
        for warning in result.warnings:
            sys.stderr.write(warning.report(lines[warning.lineno - 1] if warning.lineno <= len(lines) else None))
        if result.errors:
            sys.stderr.write(result.errors[0].report(text))
            return 1
    sys.stdout.write(dump(result.tree, include_attributes=args.include_attributes, indent=args.indent,
                          show_empty=args.show_empty) + "\n")
    return 0


def cmd_run(argv: list[str]) -> int:
    """`python3.14 FILE [ARG ...]`: run the program in the bundled VM; its output, its uncaught
    exception report and its exit status are CPython 3.14's."""
    if not argv:
        return _error("usage: bytelens run FILE [ARG ...]")
    import os

    from pipeline import compile_program
    from pipeline.vm.run import compile_module_file, run_code

    name = argv[0]
    try:
        with open(name, "rb") as f:
            source = f.read()
    except OSError as err:
        sys.stderr.write(f"bytelens: can't open file {os.path.abspath(name)!r}: [Errno {err.errno}] {err.strerror}\n")
        return 2
    compiled = compile_program(source, name)
    sys.stderr.write(compiled.warnings)
    if compiled.code is None:
        return _error(compiled.failure_report().rstrip("\n"))
    return run_code(compiled.code, argv=argv, filename=name, compile_file=compile_module_file)


COMMANDS = {
    "tokenize": cmd_tokenize,
    "ast": cmd_ast,
    "symtable": cmd_symtable,
    "dis": cmd_dis,
    "run": cmd_run,
    "lsp": cmd_lsp,
    "dap": cmd_dap,
}


def main(argv: list[str]) -> int:
    """Run one subcommand; returns its exit status."""
    if not argv or argv[0] not in COMMANDS:
        names = "|".join(COMMANDS)
        sys.stderr.write(f"usage: bytelens {{{names}}} ...\n")
        return 2
    try:
        return COMMANDS[argv[0]](argv[1:])
    except SystemExit as exc:  # argparse's own exits (--help, bad options)
        return exc.code if isinstance(exc.code, int) else 1


def main_entry() -> None:
    """The `bytelens` console script."""
    sys.exit(main(sys.argv[1:]))
