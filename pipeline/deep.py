"""Room for deep recursion: run a tree-walking stage on a thread with a large stack.

The symbol table builder, the code generator and the flow graph recurse once (or a few times) per
nesting level of the tree, as CPython's C visitors do; a 1,000-deep `-` chain or 1,000 nested
lambdas, which CPython 3.14 compiles, need more frames than the host's default recursion limit
(1,000) and its 8 MB main-thread stack allow. `call_deep` runs such a stage on a worker thread with
a 512 MB stack (only the pages it touches are committed) under a raised recursion limit; inside
that thread further calls run directly.

The parser is not run through here: its own recursion limit is how it decides, as CPython's
parser stack does, that a source is "too complex to parse".
"""
from __future__ import annotations

import sys
import threading

STACK_BYTES = 512 * 1024 * 1024
# Python-to-Python calls use no C stack (3.11+): the calls through C that remain fit easily in
# STACK_BYTES at this depth.
RECURSION_LIMIT = 100_000

# What CPython's compiler raises when its visitors give up (Py_EnterRecursiveCall's message).
RECURSION_MESSAGE = "maximum recursion depth exceeded during compilation"

_state = threading.local()
_lock = threading.Lock()
_raised = 0          # how many deep calls run now (the limit is process-wide)
_saved_limit = 0     # the limit to restore when the last one ends


def _enter() -> None:
    global _raised, _saved_limit
    with _lock:
        if _raised == 0:
            _saved_limit = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_saved_limit, RECURSION_LIMIT))
        _raised += 1


def _leave() -> None:
    global _raised
    with _lock:
        _raised -= 1
        if _raised == 0:
            sys.setrecursionlimit(_saved_limit)


def _start(target, name: str) -> threading.Thread:
    with _lock:  # threading.stack_size is process-wide too: set it only around the start
        previous = threading.stack_size(STACK_BYTES)
        try:
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
    return thread


def call_deep(fn, /, *args, **kwargs):
    """`fn(*args, **kwargs)` with room for deep recursion; its result, or its exception re-raised
    here. A RecursionError can still come back (deeper than RECURSION_LIMIT): callers turn it into
    CPython's RecursionError report."""
    if getattr(_state, "deep", False):
        return fn(*args, **kwargs)
    outcome: list = []

    def work() -> None:
        _state.deep = True
        try:
            outcome.append((True, fn(*args, **kwargs)))
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread as is
            outcome.append((False, exc))

    _enter()
    try:
        _start(work, "bytelens-deep").join()
    finally:
        _leave()
    ok, value = outcome[0]
    if ok:
        return value
    raise value

