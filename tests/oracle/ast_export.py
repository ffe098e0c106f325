"""Run inside the oracle (CPython 3.14.2): print `ast.parse` of a file as JSON, losslessly.

    python3.14 ast_export.py [--mode exec|eval|single|func_type] [--type-comments]
                             [--feature-version N] [--optimize N] [--dumps hash|text]
                             [--combos corpus|all] FILE

Output, one JSON object (ASCII only):
  {"fields": {class: [field, ..., attribute, ...]},   # every class in the tree, in slot order
   "tree": NODE,
   "dumps": {combo: {"sha256": hex, "length": n} | {"text": str} | {"error": "Type: message"}}}
or {"error": "SyntaxError: ..."} when the file does not parse.

NODE is [class, value, ...]: one value per field then per attribute, in the "fields" order.
A value is: a NODE; a list of values for a sequence field; null for None or an absent attribute;
a JSON string or int for identifiers, strings and ints; and, for `constant` fields (Constant.value,
MatchSingleton.value, Interpolation.str), a tagged pair [tag, payload]:
  ["int", "decimal"], ["float", float.hex()], ["complex", [real.hex(), imag.hex()]],
  ["str", s], ["bytes", hex], ["bool", true|false], ["None", null], ["Ellipsis", null],
  ["tuple", [pair, ...]], ["frozenset", [pair, ...]] (the last two only from optimize > 0).

"dumps" holds `ast.dump` of the tree for each option combination in COMBOS (with `--combos all`,
also EXTRA_COMBOS), as a digest (default, compact) or the full text (`--dumps text`).
"""
import argparse
import ast
import hashlib
import json
import sys

# name -> ast.dump keyword arguments (tests/astjson.py imports this table).
COMBOS = {
    "default": {},
    "attributes_indent3": {"include_attributes": True, "indent": 3},
    "indent3_show_empty": {"indent": 3, "show_empty": True},
    "positional": {"annotate_fields": False},
    "positional_attributes_empty_tab": {"annotate_fields": False, "include_attributes": True,
                                        "show_empty": True, "indent": "\t"},
}
# More combinations, for small targeted sources (`--combos all`); too slow to run on the corpus.
EXTRA_COMBOS = {
    "attributes": {"include_attributes": True},
    "show_empty": {"show_empty": True},
    "positional_show_empty": {"annotate_fields": False, "show_empty": True},
    "positional_indent1": {"annotate_fields": False, "indent": 1},
    "indent0": {"indent": 0},
    "indent_negative": {"indent": -2},
    "indent_str": {"indent": "--"},
    "indent_empty_str": {"indent": ""},
    "everything": {"annotate_fields": True, "include_attributes": True, "indent": 2,
                   "show_empty": True},
}


def constant(value):
    t = type(value)
    if t is bool:
        return ["bool", value]
    if t is int:
        return ["int", str(value)]
    if t is float:
        return ["float", value.hex()]
    if t is complex:
        return ["complex", [value.real.hex(), value.imag.hex()]]
    if t is str:
        return ["str", value]
    if t is bytes:
        return ["bytes", value.hex()]
    if value is None:
        return ["None", None]
    if value is Ellipsis:
        return ["Ellipsis", None]
    if t is tuple or t is frozenset:
        return [t.__name__, [constant(v) for v in value]]
    raise TypeError(f"cannot export constant of type {t.__name__}")


def export(node, fields):
    cls = type(node)
    names = fields.setdefault(cls.__name__, list(cls._fields + cls._attributes))
    out = [cls.__name__]
    for name in names:
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            out.append(export(value, fields))
        elif isinstance(value, list):
            out.append([export(v, fields) if isinstance(v, ast.AST) else v for v in value])
        elif name in cls._field_types and cls._field_types[name] is object:
            out.append(constant(value))
        else:
            out.append(value)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", default="exec")
    p.add_argument("--type-comments", action="store_true")
    p.add_argument("--feature-version", type=int)
    p.add_argument("--optimize", type=int, default=-1)
    p.add_argument("--dumps", choices=("hash", "text"), default="hash")
    p.add_argument("--combos", choices=("corpus", "all"), default="corpus")
    p.add_argument("file")
    args = p.parse_args()
    with open(args.file, "rb") as f:
        source = f.read()
    feature = None if args.feature_version is None else (3, args.feature_version)
    try:
        tree = ast.parse(source, args.file, args.mode, type_comments=args.type_comments,
                         feature_version=feature, optimize=args.optimize)
    except SyntaxError as exc:
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
        return
    dumps = {}
    combos = COMBOS if args.combos == "corpus" else {**COMBOS, **EXTRA_COMBOS}
    for combo, kwargs in combos.items():
        try:
            text = ast.dump(tree, **kwargs)
        except Exception as exc:
            dumps[combo] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        if args.dumps == "text":
            dumps[combo] = {"text": text}
        else:
            data = text.encode("utf-8", "surrogatepass")
            dumps[combo] = {"sha256": hashlib.sha256(data).hexdigest(), "length": len(text)}
    # Ints beyond the default digit limit must still export. The interpreter is shared by the
    # batch's jobs, so the limit is restored. (The recursion limit is left alone: raising it lets
    # deep trees overflow the WebAssembly stack, which kills the whole batch; trees nested deeper
    # than about 900 levels fail to export with a RecursionError instead.)
    saved_digits = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        fields = {}
        exported = export(tree, fields)
    finally:
        sys.set_int_max_str_digits(saved_digits)
    json.dump({"fields": fields, "tree": exported, "dumps": dumps}, sys.stdout, separators=(",", ":"))
    print()


if __name__ == "__main__":
    main()
