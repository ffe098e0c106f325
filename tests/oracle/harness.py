"""Inside the oracle: run one job as `python3.14 ARGV` would, capturing its streams and status.

Loaded once per batch by runner.mjs; `run_job(json_text) -> json_text`.
"""
import io
import json
import os
import runpy
import sys
import traceback

_BASE_MODULES = set(sys.modules)
_BASE_PATH = [p for p in sys.path if p not in ("", ".")]


def _exit_status(exc, stderr):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)
    return 1


def _is_harness(tb):
    name = tb.tb_frame.f_code.co_filename
    return name == "<exec>" or name.startswith("<frozen runpy")


def _run_program(path):
    """`python3.14 PATH`: a fresh __main__ module, the program's own code, no harness frames."""
    import types
    with open(path, "rb") as f:
        source = f.read()
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = __builtins__
    saved_main = sys.modules.get("__main__")
    sys.modules["__main__"] = main
    try:
        code = compile(source, path, "exec", dont_inherit=True)
        exec(code, main.__dict__)
    finally:
        sys.modules["__main__"] = saved_main


def run_job(job_text):
    job = json.loads(job_text)
    argv = job["argv"]
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.argv, list(sys.path), os.getcwd()
    os.chdir("/host" + job["cwd"])
    sys.stdout, sys.stderr = out, err
    status = 0
    try:
        if argv[0] == "-m":
            sys.argv = [argv[1], *argv[2:]]
            sys.path[:] = _BASE_PATH
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = list(argv)
            sys.path[:] = [os.path.dirname(os.path.abspath(argv[0]))] + _BASE_PATH
            _run_program(argv[0])
    except SystemExit as exc:
        status = _exit_status(exc, err)
    except BaseException as exc:
        # As the interpreter reports an uncaught exception at top level, without this harness's frames.
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != argv[-1] and _is_harness(tb):
            tb = tb.tb_next
        traceback.print_exception(type(exc), exc, tb)
        status = 1
    finally:
        sys.stdout.flush()
        sys.stdout, sys.stderr, sys.argv, sys.path[:], cwd = saved
        os.chdir(cwd)
        # Programs run in one interpreter: forget modules they imported so the next job starts clean.
        for name in set(sys.modules) - _BASE_MODULES:
            if name not in ("tokenize", "ast", "dis", "symtable", "argparse", "token"):
                sys.modules.pop(name, None)
    return json.dumps({"stdout": out.getvalue(), "stderr": err.getvalue(), "status": status})
