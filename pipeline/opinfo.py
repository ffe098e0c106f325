"""What each CPython 3.14 opcode does, in one line of our own words (from the `dis` documentation's
facts), for the explanation lines under a bytecode hover.

`explain(opname)` answers for every name in `facts.OPMAP` (real opcodes and the compiler's
pseudo-ops) and `facts.SPECIALIZED_OPMAP`: the instrumented (`INSTRUMENTED_*`) and specialized
forms are described through the instruction they stand for. STACK[-1] is the top of the stack.
"""
from __future__ import annotations

from pipeline import facts

_BASE: dict[str, str] = {
    # --- housekeeping
    "NOP": "Does nothing; keeps a line's place (for tracing) or fills a gap the optimizer left.",
    "CACHE": "Not executed: an inline cache slot the adaptive interpreter uses to specialize the preceding instruction.",
    "RESERVED": "A reserved opcode number; never appears in valid bytecode.",
    "RESUME": "Entry point of a code object (and every resume after a yield or await): checks for pending interrupts and tracing. The argument says where execution resumes from.",
    "EXTENDED_ARG": "Prefix that supplies the high bits of the next instruction's argument when it does not fit in one byte.",
    "ENTER_EXECUTOR": "Jumps into an optimized trace the JIT/tier-2 optimizer built for this loop.",
    "INTERPRETER_EXIT": "Leaves the interpreter loop (only in internal trampoline code).",
    "EXIT_INIT_CHECK": "Raises TypeError if an `__init__` returned something other than None.",
    "NOT_TAKEN": "Marks the fall-through path of a branch, so sys.monitoring can report branches not taken; otherwise does nothing.",
    # --- the stack
    "POP_TOP": "Removes the top of the stack.",
    "PUSH_NULL": "Pushes NULL: the placeholder that sits under a callable which is not a bound method.",
    "COPY": "Pushes a copy of the i-th item from the top (COPY 1 duplicates the top).",
    "SWAP": "Swaps the top of the stack with the i-th item.",
    "END_FOR": "Pops the value left on the stack when a for loop's iterator is exhausted.",
    "POP_ITER": "Pops the iterator at the end of a for loop.",
    "END_SEND": "Removes the sub-iterator under the value a `SEND` produced, keeping the value.",
    # --- constants and names
    "LOAD_CONST": "Pushes the constant co_consts[consti].",
    "LOAD_SMALL_INT": "Pushes the small integer given as the argument (no constant table entry needed).",
    "LOAD_COMMON_CONSTANT": "Pushes one of a few interpreter-wide constants (AssertionError, NotImplementedError, tuple, all, any).",
    "LOAD_NAME": "Pushes the value of a name, looked up in locals, then globals, then builtins (module and class bodies).",
    "STORE_NAME": "Pops the top of the stack and binds it to a name in the current namespace (module or class body).",
    "DELETE_NAME": "Deletes a name from the current namespace (`del name` in a module or class body).",
    "LOAD_GLOBAL": "Pushes a global (or builtin) by name; with the low argument bit set, pushes NULL as well, ready for a call.",
    "STORE_GLOBAL": "Pops the top of the stack into a global variable.",
    "DELETE_GLOBAL": "Deletes a global variable.",
    "LOAD_FAST": "Pushes a local variable from its fast slot.",
    "LOAD_FAST_BORROW": "Pushes a local variable without taking a new reference (the compiler proved the slot outlives the use).",
    "LOAD_FAST_LOAD_FAST": "Pushes two local variables at once (a superinstruction for two LOAD_FASTs).",
    "LOAD_FAST_BORROW_LOAD_FAST_BORROW": "Pushes two local variables at once, both as borrowed references.",
    "LOAD_FAST_CHECK": "Pushes a local variable, raising UnboundLocalError if it has no value yet.",
    "LOAD_FAST_AND_CLEAR": "Pushes a local variable (or NULL if unset) and clears its slot; saves outer variables around an inlined comprehension.",
    "STORE_FAST": "Pops the top of the stack into a local variable.",
    "STORE_FAST_LOAD_FAST": "Stores the top of the stack into one local and pushes another (a superinstruction).",
    "STORE_FAST_STORE_FAST": "Pops two values into two local variables (a superinstruction).",
    "DELETE_FAST": "Deletes a local variable (`del x` in a function).",
    "MAKE_CELL": "Creates a cell for a local variable that inner functions capture.",
    "COPY_FREE_VARS": "Copies the closure's cells into the frame's free-variable slots at function start.",
    "LOAD_DEREF": "Pushes the value held in a cell or free variable (a closure variable).",
    "STORE_DEREF": "Pops the top of the stack into a cell or free variable.",
    "DELETE_DEREF": "Empties a cell or free variable.",
    "LOAD_FROM_DICT_OR_DEREF": "Looks a name up in the mapping on the stack, falling back to a cell (class bodies that see closure variables).",
    "LOAD_FROM_DICT_OR_GLOBALS": "Looks a name up in the mapping on the stack, falling back to globals and builtins (annotation and type-parameter scopes).",
    "LOAD_LOCALS": "Pushes the locals dictionary of the current frame.",
    "LOAD_BUILD_CLASS": "Pushes builtins.__build_class__, which a class statement calls.",
    "SETUP_ANNOTATIONS": "Creates `__annotations__` in the current namespace if it does not exist yet.",
    # --- attributes and items
    "LOAD_ATTR": "Replaces the top of the stack with one of its attributes; with the low argument bit set, loads a method as (method, self) or (NULL, attribute) for a call.",
    "STORE_ATTR": "Sets an attribute: STACK[-1].name = STACK[-2], popping both.",
    "DELETE_ATTR": "Deletes an attribute of the object on top of the stack.",
    "LOAD_SUPER_ATTR": "Handles `super().name`: calls super on the stacked class and self and loads the attribute (or method).",
    "LOAD_SPECIAL": "Loads a special method (`__enter__`, `__exit__`, `__aenter__`, `__aexit__`) of the object on top of the stack, for `with`.",
    "STORE_SUBSCR": "Item assignment: STACK[-2][STACK[-1]] = STACK[-3].",
    "DELETE_SUBSCR": "Deletes an item: del STACK[-2][STACK[-1]].",
    "BINARY_SLICE": "Slices: pushes STACK[-3][STACK[-2]:STACK[-1]].",
    "STORE_SLICE": "Slice assignment: STACK[-3][STACK[-2]:STACK[-1]] = STACK[-4].",
    # --- operators
    "BINARY_OP": "Applies a binary or in-place operator (given by the argument, shown in parentheses) to the two top items; subscription `a[b]` is one too.",
    "UNARY_NEGATIVE": "Negates the top of the stack (-x).",
    "UNARY_NOT": "Boolean not of the top of the stack (which TO_BOOL has made a bool).",
    "UNARY_INVERT": "Bitwise inversion of the top of the stack (~x).",
    "TO_BOOL": "Converts the top of the stack to a bool (its truth value).",
    "COMPARE_OP": "Compares the two top items with the operator named in the argument; pushes the result (converted to bool when the argument says so).",
    "IS_OP": "Identity test: `is` (argument 0) or `is not` (argument 1).",
    "CONTAINS_OP": "Membership test: `in` (argument 0) or `not in` (argument 1).",
    "CALL_INTRINSIC_1": "Calls an internal one-argument helper named in the argument (printing in the REPL, unary +, import *, making a list a tuple, ...).",
    "CALL_INTRINSIC_2": "Calls an internal two-argument helper named in the argument (exception-group splitting, type-parameter bounds, ...).",
    # --- building values
    "BUILD_TUPLE": "Pops count items and pushes a tuple of them.",
    "BUILD_LIST": "Pops count items and pushes a list of them.",
    "BUILD_SET": "Pops count items and pushes a set of them.",
    "BUILD_MAP": "Pops count key/value pairs and pushes a dict.",
    "BUILD_SLICE": "Pops 2 or 3 values and pushes a slice object.",
    "BUILD_STRING": "Concatenates count strings from the stack into one (f-strings).",
    "BUILD_TEMPLATE": "Pops the strings and interpolations of a t-string and pushes a string.templatelib.Template.",
    "BUILD_INTERPOLATION": "Builds a string.templatelib.Interpolation from a value, its source text and its conversion/format spec (t-strings).",
    "LIST_APPEND": "Appends the top of the stack to the list i items down (list comprehensions).",
    "SET_ADD": "Adds the top of the stack to the set i items down (set comprehensions).",
    "MAP_ADD": "Adds the top key/value pair to the dict i items down (dict comprehensions).",
    "LIST_EXTEND": "Extends the list i items down with the iterable on top (`[*a, *b]`).",
    "SET_UPDATE": "Updates the set i items down with the iterable on top (`{*a}`).",
    "DICT_UPDATE": "Updates the dict i items down with the mapping on top (`{**a}`).",
    "DICT_MERGE": "Like DICT_UPDATE but raises on duplicate keys (`f(**a, **b)`).",
    "UNPACK_SEQUENCE": "Unpacks the top of the stack into count values, pushed right to left (`a, b = x`).",
    "UNPACK_EX": "Unpacks with a starred target (`a, *b, c = x`): the argument encodes the counts before and after the star.",
    "CONVERT_VALUE": "Applies str(), repr() or ascii() to the top of the stack (an f-string's !s, !r, !a).",
    "FORMAT_SIMPLE": "Formats the top of the stack with an empty format spec (an f-string field).",
    "FORMAT_WITH_SPEC": "Formats STACK[-2] with the format spec STACK[-1] (an f-string field with `:spec`).",
    # --- calls and functions
    "CALL": "Calls the callable below `argc` arguments (with self or NULL in between); pushes the result.",
    "CALL_KW": "Calls with keyword arguments: the tuple of keyword names is on top, above the arguments.",
    "CALL_FUNCTION_EX": "Calls with an argument tuple and optional keyword dict (`f(*args, **kwargs)`).",
    "MAKE_FUNCTION": "Pushes a new function object built from the code object on top of the stack.",
    "SET_FUNCTION_ATTRIBUTE": "Sets one attribute of a new function (defaults, keyword defaults, annotations, closure or __annotate__), named in the argument.",
    "RETURN_VALUE": "Returns the top of the stack to the caller.",
    "RETURN_GENERATOR": "Creates a generator, coroutine or async generator from the current frame and returns it.",
    "YIELD_VALUE": "Yields the top of the stack from a generator (or await step of a coroutine).",
    "SEND": "Sends a value into a sub-generator or awaitable (`yield from`, `await`); jumps when it finishes.",
    "CLEANUP_THROW": "Handles an exception thrown into a `yield from`/`await`: a StopIteration ends it with its value, anything else is re-raised.",
    # --- iteration
    "GET_ITER": "Replaces the top of the stack with iter() of it.",
    "GET_YIELD_FROM_ITER": "Gets the iterator for `yield from` (a coroutine passes through unchanged).",
    "FOR_ITER": "Calls next() on the iterator on top; pushes the value, or jumps past the loop when it is exhausted.",
    "GET_LEN": "Pushes len() of the top of the stack (pattern matching).",
    # --- async
    "GET_AWAITABLE": "Replaces the top of the stack with its awaitable (`__await__`), for `await`.",
    "GET_AITER": "Replaces the top of the stack with its `__aiter__()` (`async for`).",
    "GET_ANEXT": "Pushes the awaitable of `__anext__()` of the async iterator on top (`async for`).",
    "END_ASYNC_FOR": "Ends an `async for` loop: StopAsyncIteration stops it, any other exception is re-raised.",
    # --- jumps
    "JUMP_FORWARD": "Jumps forward by delta code units.",
    "JUMP_BACKWARD": "Jumps backward by delta code units (a loop), checking for interrupts.",
    "JUMP_BACKWARD_NO_INTERRUPT": "Jumps backward without checking for interrupts (inside `yield from`/`await` loops).",
    "POP_JUMP_IF_TRUE": "Pops the top of the stack (a bool) and jumps if it is True.",
    "POP_JUMP_IF_FALSE": "Pops the top of the stack (a bool) and jumps if it is False.",
    "POP_JUMP_IF_NONE": "Pops the top of the stack and jumps if it is None.",
    "POP_JUMP_IF_NOT_NONE": "Pops the top of the stack and jumps if it is not None.",
    # --- exceptions
    "RAISE_VARARGS": "Raises: argument 0 re-raises the current exception, 1 raises STACK[-1], 2 raises STACK[-2] from STACK[-1].",
    "RERAISE": "Re-raises the exception on top of the stack (restoring f_lasti from the stack when the argument is non-zero).",
    "PUSH_EXC_INFO": "Pushes the current exception, then makes the exception on top the one being handled (entering an except block).",
    "POP_EXCEPT": "Restores the exception that was being handled before this except block.",
    "CHECK_EXC_MATCH": "Tests whether the exception STACK[-2] matches the type(s) on top (`except T:`); pushes a bool.",
    "CHECK_EG_MATCH": "Splits an exception group by the type on top (`except* T:`): pushes the non-matching rest and the matching part.",
    "WITH_EXCEPT_START": "Calls the context manager's `__exit__` with the exception being handled (a `with` block that raised).",
    # --- pattern matching
    "MATCH_CLASS": "Class pattern: checks isinstance against the class and pushes a tuple of the extracted attributes, or None.",
    "MATCH_MAPPING": "Pushes whether the top of the stack is a mapping (for a mapping pattern).",
    "MATCH_SEQUENCE": "Pushes whether the top of the stack is a sequence, not a str/bytes (for a sequence pattern).",
    "MATCH_KEYS": "Looks up the pattern's keys in the mapping; pushes a tuple of the values, or None if one is missing.",
    # --- imports
    "IMPORT_NAME": "Imports a module (calls `__import__` with the fromlist and level on the stack) and pushes it.",
    "IMPORT_FROM": "Loads one name from the module on top of the stack (`from m import name`).",
    # --- the compiler's pseudo-instructions (never in final bytecode)
    "ANNOTATIONS_PLACEHOLDER": "Pseudo-op: marks where the compiler inserts the module's or class's `__annotate__` setup.",
    "JUMP": "Pseudo-op: an unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD.",
    "JUMP_NO_INTERRUPT": "Pseudo-op: a jump without an interrupt check; becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT.",
    "JUMP_IF_FALSE": "Pseudo-op: jumps if the top of the stack is false without popping it (`and` chains); becomes COPY + TO_BOOL + POP_JUMP_IF_FALSE.",
    "JUMP_IF_TRUE": "Pseudo-op: jumps if the top of the stack is true without popping it (`or` chains); becomes COPY + TO_BOOL + POP_JUMP_IF_TRUE.",
    "LOAD_CLOSURE": "Pseudo-op: pushes a cell for a closure; becomes LOAD_FAST.",
    "STORE_FAST_MAYBE_NULL": "Pseudo-op: STORE_FAST of a value that may be NULL (restoring around an inlined comprehension); becomes STORE_FAST.",
    "SETUP_FINALLY": "Pseudo-op: starts a try block; becomes an exception table entry, not an instruction.",
    "SETUP_CLEANUP": "Pseudo-op: starts a cleanup handler region; becomes an exception table entry.",
    "SETUP_WITH": "Pseudo-op: starts a `with` block's handler region; becomes an exception table entry.",
    "POP_BLOCK": "Pseudo-op: ends the region a SETUP_* started; becomes NOP or disappears.",
    # --- instrumentation without a plain counterpart
    "INSTRUMENTED_LINE": "Instrumented: reports a line event to sys.monitoring/settrace, then runs the original instruction.",
    "INSTRUMENTED_INSTRUCTION": "Instrumented: reports an instruction event to sys.monitoring, then runs the original instruction.",
}

_SPECIALIZED_FROM = {special: base for base, specials in facts.SPECIALIZATIONS.items() for special in specials}


def explain(opname: str) -> str | None:
    """One line saying what `opname` does; None for a name CPython 3.14 does not have."""
    text = _BASE.get(opname)
    if text is not None:
        return text
    if opname.startswith("INSTRUMENTED_") and opname in facts.OPMAP:
        base = _BASE.get(opname.removeprefix("INSTRUMENTED_"))
        if base is not None:
            return f"{base} (Instrumented form, used while sys.monitoring watches this code.)"
    base = _SPECIALIZED_FROM.get(opname)
    if base is not None and base in _BASE:
        return f"{_BASE[base]} (Specialized form of {base}, chosen by the adaptive interpreter.)"
    return None
