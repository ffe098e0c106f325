import { strict as assert } from "assert";
import { test } from "node:test";
import { AstNode, containsError, description, displayLabel, followPath, isError } from "../src/logic/ast";

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const node = (type: string, label: string, field: string, children: AstNode[] = [], r = range(0, 0, 0, 1)): AstNode =>
  ({ type, label, field, range: r, children });

test("labels read like ast.dump without the parentheses", () => {
  assert.equal(displayLabel({ type: "FunctionDef", label: "FunctionDef(name='add')" }), "FunctionDef name='add'");
  assert.equal(displayLabel({ type: "Constant", label: "Constant(value='a, (b)')" }), "Constant value='a, (b)'");
  assert.equal(displayLabel({ type: "ImportFrom", label: "ImportFrom(module='os', level=0)" }), "ImportFrom module='os', level=0");
  assert.equal(displayLabel({ type: "Pass", label: "Pass" }), "Pass");
  assert.equal(displayLabel({ type: "Module", label: "Module()" }), "Module");
  assert.equal(displayLabel({ type: "ErrorNode", label: "" }), "ErrorNode");
});

test("description: the field and the node's 1-based lines", () => {
  assert.equal(description({ field: "body[0]", range: range(0, 0, 2, 16) }), "body[0]  L1-3");
  assert.equal(description({ field: "value", range: range(5, 4, 5, 13) }), "value  L6");
  assert.equal(description({ field: "", range: null }), "");
});

test("error nodes are marked, and so are the nodes holding them", () => {
  const broken = { ...node("ErrorNode", "ErrorNode", "body[1]"), error: true };
  const tree = node("Module", "Module", "", [node("Pass", "Pass", "body[0]"), broken]);
  assert.equal(isError(broken), true);
  assert.equal(isError({ type: "ErrorNode" }), true);
  assert.equal(isError(tree), false);
  assert.equal(containsError(tree), true);
  assert.equal(containsError(tree.children[0]), false);
});

test("followPath matches the cursor's path to the tree by field and type", () => {
  const name = node("Name", "Name(id='x')", "targets[0]");
  const value = node("BinOp", "BinOp", "value");
  const assign = node("Assign", "Assign", "body[1]", [name, value]);
  const tree = node("Module", "Module", "", [node("FunctionDef", "FunctionDef(name='add')", "body[0]"), assign]);
  const path = [{ type: "Module", field: "" }, { type: "Assign", field: "body[1]" }, { type: "BinOp", field: "value" }];
  assert.deepEqual(followPath(tree, path), [tree, assign, value]);
});

test("followPath stops where an older tree and the path part", () => {
  const tree = node("Module", "Module", "", [node("Expr", "Expr", "body[0]")]);
  assert.deepEqual(followPath(tree, [{ type: "Module", field: "" }, { type: "Assign", field: "body[0]" }]), [tree]);
  assert.deepEqual(followPath(tree, [{ type: "Interactive", field: "" }]), []);
  assert.deepEqual(followPath(tree, []), []);
});
