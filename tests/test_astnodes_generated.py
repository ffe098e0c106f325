"""pipeline/astnodes.py is exactly what the oracle generates, and its classes keep their contract."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipeline import astnodes as A
from pipeline.astutil import NodeVisitor, iter_child_nodes, iter_fields, walk
from tests import gen_astnodes


def test_committed_file_is_what_the_oracle_generates():
    committed = Path(A.__file__).read_text("utf-8")
    assert committed == gen_astnodes.generate(), "stale: run `python -m tests.gen_astnodes`"


def test_every_asdl_class_is_there():
    assert len(A.NODE_CLASSES) == 126
    for name in ("mod", "stmt", "expr", "expr_context", "boolop", "operator", "unaryop", "cmpop",
                 "excepthandler", "arguments", "keyword", "alias", "withitem", "match_case",
                 "pattern", "type_ignore", "type_param", "comprehension", "arg", "Interpolation",
                 "TemplateStr", "TypeAlias", "TryStar", "ParamSpec", "TypeVarTuple"):
        assert name in A.NODE_CLASSES
    assert issubclass(A.Name, A.expr) and issubclass(A.expr, A.AST)


def test_field_order_and_defaults():
    assert A.FunctionDef._fields == ("name", "args", "body", "decorator_list", "returns",
                                     "type_comment", "type_params")
    assert A.FunctionDef._attributes == ("lineno", "col_offset", "end_lineno", "end_col_offset")
    assert [f.name for f in dataclasses.fields(A.Name)] == [
        "id", "ctx", "lineno", "col_offset", "end_lineno", "end_col_offset"]
    node = A.Name("x", A.Store(), 1, 0, 1, 1)
    assert node == A.Name(id="x", ctx=A.Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
    assert A.Name("x").ctx is A.Load()
    f = A.FunctionDef("f", A.arguments())
    assert (f.body, f.returns, f.type_params, f.lineno) == ((), None, (), None)
    assert A.keyword(value=node).arg is None
    with pytest.raises(TypeError, match="missing required argument 'value'"):
        A.keyword(arg="k")
    with pytest.raises(TypeError):
        A.Name()


def test_nodes_are_immutable_values():
    node = A.Name("x", lineno=1, col_offset=0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        node.id = "y"
    assert not hasattr(node, "__dict__")
    assert hash(node) == hash(A.Name("x", lineno=1, col_offset=0))
    assert A.Load() is A.Load() and A.Add() is not A.Sub()
    assert dataclasses.replace(node, id="y").id == "y"
    match node:
        case A.Name(name, A.Load()):
            assert name == "x"


def test_walking_helpers():
    tree = A.Module((A.Expr(A.BinOp(A.Name("a"), A.Add(), A.Constant(1))),
                     A.Expr(A.Dict((None, A.Name("k")), (A.Name("d"), A.Name("v"))))))
    assert [n for n, _ in iter_fields(tree.body[0].value)] == ["left", "op", "right"]
    assert [type(n).__name__ for n in iter_child_nodes(tree.body[1].value)] == ["Name", "Name", "Name"]
    assert [type(n).__name__ for n in walk(tree)] == [
        "Module", "Expr", "Expr", "BinOp", "Dict", "Name", "Add", "Constant",
        "Name", "Name", "Name", "Load", "Load", "Load", "Load"]

    class Names(NodeVisitor):
        def __init__(self):
            self.seen = []

        def visit_Name(self, node):
            self.seen.append(node.id)

    visitor = Names()
    visitor.visit(tree)
    assert visitor.seen == ["a", "k", "d", "v"]
