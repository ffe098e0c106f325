/** The AST pane's model: the server's `bytelens/ast` nodes, their labels and the cursor's path. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A node as `bytelens/ast` and `bytelens/astPath` send it. */
export interface AstNode {
  type: string;
  field: string;
  label: string;
  range: Range | null;
  children: AstNode[];
  error?: boolean;
}

/**
 * The label shown in the tree, in the style of `ast.dump` without the parentheses:
 * the server's `FunctionDef(name='add')` becomes `FunctionDef name='add'`, a bare `Pass` stays.
 */
export function displayLabel(node: Pick<AstNode, "type" | "label">): string {
  const { type, label } = node;
  if (label.startsWith(type + "(") && label.endsWith(")")) {
    const inner = label.slice(type.length + 1, -1);
    return inner ? `${type} ${inner}` : type;
  }
  return label || type;
}

export function isError(node: Pick<AstNode, "type" | "error">): boolean {
  return node.error === true || node.type === "ErrorNode";
}

/** `body[0]`-style field, then the node's lines (1-based, as editors number them). */
export function description(node: Pick<AstNode, "field" | "range">): string {
  const parts: string[] = [];
  if (node.field) {
    parts.push(node.field);
  }
  if (node.range) {
    const first = node.range.start.line + 1;
    const last = node.range.end.line + 1;
    parts.push(first === last ? `L${first}` : `L${first}-${last}`);
  }
  return parts.join("  ");
}

/** True when the node's subtree holds an error node (so the pane can mark the way to it). */
export function containsError(node: AstNode): boolean {
  return isError(node) || node.children.some(containsError);
}

/**
 * The tree's nodes along `path` (from `bytelens/astPath`, outermost first): each path step is
 * matched to the child sitting in the same field with the same type. Stops where the tree and
 * the path part (the tree may be older than the path); the result starts with the root.
 */
export function followPath(root: AstNode, path: readonly Pick<AstNode, "type" | "field">[]): AstNode[] {
  if (path.length === 0 || path[0].type !== root.type) {
    return [];
  }
  const found = [root];
  let node = root;
  for (const step of path.slice(1)) {
    const next = node.children.find((child) => child.field === step.field && child.type === step.type);
    if (next === undefined) {
      break;
    }
    found.push(next);
    node = next;
  }
  return found;
}
