"""Oracle for csmlint's Python module index: what CPython's `ast` says each file binds.

Usage: py_index.py FILE...  (or file paths on stdin, one per line, when no argument is given)
Prints one JSON object: {path: {"functions": [...]} | {"syntaxError": "..."}}.

A function is module-level when executing the module binds its name in the module namespace:
a `def` directly in the module body (conditional: false) or inside the body of a top-level
if/elif/else, try/except/else/finally, with, for, while or match (conditional: true). Defs inside
classes and functions are not module-level. Each parameter gives its name, its kind (as
`inspect.Parameter` names them, spelled like csmlint's `ParamKind`) and the source text of its
default as written, grouping parentheses included (`ast` positions exclude them: `a=(1)` is `1`).
"""
import ast
import json
import re
import sys

COMPOUND = (ast.If, ast.Try, ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While, ast.Match)
if hasattr(ast, "TryStar"):
    COMPOUND = COMPOUND + (ast.TryStar,)


class Source:
    """A file's text with its lines split once (ast.get_source_segment re-splits the whole file on every call)."""

    def __init__(self, text):
        self.text = text
        self.lines = LINE.findall(text)
        self.line_starts = [0]
        for line in self.lines:
            self.line_starts.append(self.line_starts[-1] + len(line))

    def segment(self, node):
        """The exact source text of `node` (columns are UTF-8 byte offsets, as in `ast`)."""
        first, last = node.lineno - 1, node.end_lineno - 1
        if first == last:
            return self.lines[first].encode()[node.col_offset:node.end_col_offset].decode()
        head = self.lines[first].encode()[node.col_offset:].decode()
        tail = self.lines[last].encode()[:node.end_col_offset].decode()
        return head + "".join(self.lines[first + 1:last]) + tail

    def parenthesized_segment(self, node):
        """The source text of `node` with the grouping parentheses around it (`(  3 )` for the 3 in `a=(  3 )`)."""
        text = self.segment(node)
        start = self.offset(node.lineno, node.col_offset)
        end = start + len(text)
        while True:
            before = self.skip_space_back(start)
            after = self.skip_space_forward(end)
            if before == 0 or after >= len(self.text) or self.text[before - 1] != "(" or self.text[after] != ")":
                return self.text[start:end]
            start, end = before - 1, after + 1

    def offset(self, lineno, byte_column):
        """Character offset of a 1-based line and a UTF-8 byte column."""
        return self.line_starts[lineno - 1] + len(self.lines[lineno - 1].encode()[:byte_column].decode())

    def skip_space_back(self, index):
        while index > 0 and self.text[index - 1] in " \t\r\n\\\f":
            index -= 1
        return index

    def skip_space_forward(self, index):
        while index < len(self.text) and self.text[index] in " \t\r\n\\\f":
            index += 1
        return index


LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def parameters(source, args):
    """Parameters in declaration order with kind, default presence and default text."""
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    result = []
    for index, arg in enumerate(positional):
        kind = "positional-only" if index < len(args.posonlyargs) else "positional"
        result.append(parameter(source, arg, kind, defaults[index]))
    if args.vararg:
        result.append(parameter(source, args.vararg, "var-positional", None))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        result.append(parameter(source, arg, "keyword-only", default))
    if args.kwarg:
        result.append(parameter(source, args.kwarg, "var-keyword", None))
    return result


def parameter(source, arg, kind, default):
    entry = {"name": arg.arg, "kind": kind, "hasDefault": default is not None}
    if default is not None:
        entry["defaultText"] = source.parenthesized_segment(default)
    return entry


def child_statement_lists(node):
    """The statement lists nested in a compound statement, in source order."""
    yield getattr(node, "body", None) or []
    for handler in getattr(node, "handlers", None) or []:
        yield handler.body
    yield getattr(node, "orelse", None) or []
    yield getattr(node, "finalbody", None) or []
    for case in getattr(node, "cases", None) or []:
        yield case.body


def module_functions(source, tree):
    """Module-level function definitions in source order."""
    functions = []

    def visit(statements, conditional):
        for stmt in statements:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                functions.append({
                    "name": stmt.name,
                    "line": stmt.lineno,
                    "conditional": conditional,
                    "isAsync": isinstance(stmt, ast.AsyncFunctionDef),
                    "params": parameters(source, stmt.args),
                })
            elif isinstance(stmt, COMPOUND):
                for block in child_statement_lists(stmt):
                    visit(block, True)

    visit(tree.body, False)
    return functions


def index_file(path):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return {"syntaxError": f"not UTF-8: {error}"}
    try:
        tree = ast.parse(source, filename=path)
    except (SyntaxError, ValueError) as error:
        return {"syntaxError": f"{type(error).__name__}: {error}"}
    return {"functions": module_functions(Source(source), tree)}


def main():
    paths = sys.argv[1:] or [line.strip() for line in sys.stdin if line.strip()]
    json.dump({path: index_file(path) for path in paths}, sys.stdout)


if __name__ == "__main__":
    main()
