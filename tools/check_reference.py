#!/usr/bin/env python3
"""Checks that docs/reference.md has an entry for every public name of netcount's headers.

  python3 tools/check_reference.py          # exits 1 and names what has no entry (CTest runs it)
  python3 tools/check_reference.py --list   # every public name found, and where its entry is
  python3 tools/check_reference.py --reference other.md   # another file than docs/reference.md

Public names are those declared in namespace netcount itself (not detail::, not the zoo, whose
models the README's zoo table lists and the test example.zoo.lists_every_model checks) by the
headers under include/netcount: class templates and classes, aliases, concepts, variables and
variable templates, functions, enumerations and their enumerators, and the public data members of
classes that are not templates (budget's fields, memory_use's, the report options, layer_info's,
...). Static members of the layer-kind protocol (kind, name, apply, formula, elementwise, ...),
which docs/reference.md describes once for every kind, are not asked for one by one.

An entry is:
  - for a name N: an inline code span of reference.md that begins with N as a whole word
    (`N`, `N<...>`, `N(...)`, `N{...}`, netcount::N);
  - for a member M of S (a field, or an enumerator): a span `S::M`, or one block of the Markdown
    that holds a span beginning with S and one beginning with M. A block is a paragraph or a
    list item; a table row is a block together with the paragraph right above the table (its
    caption) and, for a row whose first cell is empty, the rows above it up to one whose first
    cell is not.

The scanner reads C++ as netcount's headers write it (clang-formatted, one declaration a
statement); it is not a C++ parser. python3 standard library only.
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = os.path.join(ROOT, "include", "netcount")
REFERENCE = os.path.join(ROOT, "docs", "reference.md")

# Static members every layer or merge kind may declare: the protocol of docs/reference.md's
# "your own layer kinds" and "merges", described there once, not per kind.
KIND_PROTOCOL = {"kind", "name", "apply", "merge", "formula", "elementwise", "view", "reported", "type"}

TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d[\w.']*|::|->|<=|>=|==|!=|&&|\|\||.", re.S)
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
KEYWORDS = {
    "alignas", "auto", "bool", "char", "class", "concept", "const", "consteval", "constexpr", "constinit",
    "decltype", "double", "enum", "explicit", "extern", "false", "float", "friend", "inline", "int", "long",
    "mutable", "namespace", "noexcept", "operator", "requires", "short", "signed", "static", "static_assert",
    "struct", "template", "true", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
}


def strip_source(text):
    """The text without comments, string and character literals (kept as "" and ''),
    preprocessor lines and netcount's macros."""
    out = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            while i < n and not (text[i] == "\n" and text[i - 1] != "\\"):
                i += 1
            continue
        if c == "/" and text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if c == "/" and text.startswith("/*", i):
            i = text.find("*/", i) + 2
            continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
            at_line_start = False
            continue
        out.append(c)
        if c == "\n":
            at_line_start = True
        elif not c.isspace():
            at_line_start = False
        i += 1
    text = "".join(out)
    return re.sub(r"\bNETCOUNT_[A-Z_]+\b", " ", text)


def tokens_of(text):
    return [t for t in TOKEN.findall(text) if not t.isspace()]


def skip_template_heads(stmt):
    """The statement without its template<...> heads, and whether one was template<>."""
    explicit = False
    templated = False
    while stmt[:2] == ["template", "<"]:
        templated = True
        depth, j = 0, 1
        while j < len(stmt):
            if stmt[j] in "([{":
                depth += 1
            elif stmt[j] in ")]}":
                depth -= 1
            elif stmt[j] == "<" and depth >= 0:
                depth += 1
            elif stmt[j] == ">" and depth > 0:
                depth -= 1
                if depth == 0:
                    break
            j += 1
        explicit = explicit or j == 2
        stmt = stmt[j + 1:]
    return stmt, templated, explicit


def declared_name(stmt):
    """(kind, name, is_static, templated) of the declaration a statement makes, or None."""
    stmt, templated, explicit = skip_template_heads(list(stmt) + [";"])
    while stmt and stmt[0] in ("public", "private", "protected") and stmt[1:2] == [":"]:
        stmt = stmt[2:]
    if not stmt or explicit or stmt[0] in ("friend", "static_assert", "namespace"):
        return None
    if stmt[0] == "using":
        if stmt[1:2] == ["namespace"]:
            return None
        if len(stmt) > 2 and stmt[2] == "=":
            return ("alias", stmt[1], False, templated)
        names = [t for t in stmt[1:] if IDENT.match(t)]
        return ("using", names[-1], False, templated) if names else None
    if stmt[0] in ("struct", "class", "union", "enum"):
        rest = stmt[1:]
        if rest and rest[0] in ("class", "struct"):
            rest = rest[1:]
        if not rest or not IDENT.match(rest[0]) or rest[1:2] == ["<"]:
            return None  # anonymous, or a specialisation
        if len(rest) > 1 and rest[1] == "::":
            return None  # a nested class defined outside its class
        return ("enum" if stmt[0] == "enum" else "class", rest[0], False, templated)
    if stmt[0] == "concept" or (len(stmt) > 1 and stmt[1] == "concept"):
        i = stmt.index("concept")
        return ("concept", stmt[i + 1], False, templated)
    if "operator" in stmt:
        return None
    is_static = "static" in stmt
    angle = paren = 0
    last = None
    for k, t in enumerate(stmt):
        if paren == 0 and angle == 0 and t in ("(", "=", "{", ";", "[", ":"):
            if t == "(" and last is None:
                return None
            if last is None:
                return None
            # A specialisation of a variable template: name<...> = ...
            if stmt[k - 1] == ">":
                return None
            if last > 0 and stmt[last - 1] == "::":
                return None  # a member defined outside its class
            kind = "function" if t == "(" else "variable"
            return (kind, stmt[last], is_static, templated)
        if t == "(":
            paren += 1
        elif t == ")":
            paren -= 1
        elif t == "<" and paren == 0:
            angle += 1
        elif t == ">" and paren == 0 and angle > 0:
            angle -= 1
        elif paren == 0 and angle == 0 and IDENT.match(t) and t not in KEYWORDS:
            last = k
    return None


class Scanner:
    """Walks a header's tokens and records the public declarations."""

    def __init__(self, header):
        self.header = header
        self.found = []  # (qualified name, kind, header)

    def scan(self, toks):
        self.toks = toks
        self.i = 0
        self.scope(namespace=(), cls=None)

    def public_namespace(self, namespace):
        return namespace == ("netcount",)

    def add(self, name, kind):
        self.found.append((name, kind, self.header))

    def skip_braces(self):
        """At a '{': moves past its matching '}'."""
        depth = 0
        while self.i < len(self.toks):
            t = self.toks[self.i]
            self.i += 1
            if t == "{":
                depth += 1
            elif t == "}":
                depth -= 1
                if depth == 0:
                    return

    def enumerators(self, enum, public):
        """At an enum's '{': records its enumerators (if public) and moves past its '}'."""
        self.i += 1
        expect = True
        depth = 0
        while self.i < len(self.toks):
            t = self.toks[self.i]
            self.i += 1
            if t == "}" and depth == 0:
                return
            if t in "([{":
                depth += 1
            elif t in ")]}":
                depth -= 1
            elif t == "," and depth == 0:
                expect = True
            elif expect and IDENT.match(t):
                if public:
                    self.add(f"{enum}::{t}", "enumerator")
                expect = False

    def scope(self, namespace, cls):
        """Reads statements up to the '}' that closes this scope (or the end)."""
        public_here = self.public_namespace(namespace) if cls is None else cls is not False
        access_public = True
        stmt = []
        while self.i < len(self.toks):
            t = self.toks[self.i]
            if t == "}":
                self.i += 1
                return
            if t == ";":
                self.i += 1
                self.declaration(stmt, namespace, cls, public_here and access_public)
                stmt = []
                continue
            if t == "[" and self.toks[self.i + 1:self.i + 2] == ["["]:  # an attribute
                while not (self.toks[self.i] == "]" and self.toks[self.i + 1] == "]"):
                    self.i += 1
                self.i += 2
                continue
            if cls is not None and t in ("public", "private", "protected") and self.toks[self.i + 1] == ":":
                access_public = t == "public"
                self.i += 2
                continue
            if t == "{" and stmt.count("(") > stmt.count(")"):  # a default argument's braces
                start = self.i
                self.skip_braces()
                stmt += self.toks[start:self.i]
                continue
            if t == "{":
                self.brace(stmt, namespace, cls, public_here and access_public)
                stmt = []
                continue
            stmt.append(t)
            self.i += 1

    def brace(self, stmt, namespace, cls, public):
        head, templated, explicit = skip_template_heads(stmt)
        if head and head[0] == "namespace":
            names = tuple(t for t in head[1:] if IDENT.match(t))
            self.i += 1
            self.scope(namespace + names, None)
            return
        decl = declared_name(stmt)
        if head and head[0] in ("struct", "class", "union", "enum") and "=" not in head and "(" not in head:
            if decl and decl[0] == "enum":
                if public:
                    self.add(self.qualified(cls, decl[1]), "enum")
                self.enumerators(self.qualified(cls, decl[1]), public)
            else:
                if decl and public:
                    self.add(self.qualified(cls, decl[1]), "class template" if decl[3] else "class")
                # Members of classes at namespace scope that are not templates are public names;
                # a template's members (a kind's protocol) and nested classes' are not.
                inner = False
                if decl and public and cls is None and not decl[3]:
                    inner = decl[1]
                elif decl and public and cls:
                    inner = False
                self.i += 1
                self.scope(namespace, inner if inner else False)
            self.finish_statement()
            return
        # A function body (its head has parentheses and no '=' before them) or a braced
        # initializer.
        self.skip_braces()
        if "(" in head and "=" not in head[:head.index("(")]:
            self.record(decl, cls, public)
            if self.i < len(self.toks) and self.toks[self.i] == ";":
                self.i += 1
            return
        # An initializer: the statement goes on to its ';'.
        rest = []
        while self.i < len(self.toks) and self.toks[self.i] != ";":
            if self.toks[self.i] == "{":
                self.skip_braces()
                continue
            rest.append(self.toks[self.i])
            self.i += 1
        self.i += 1
        if decl:
            self.record(decl, cls, public)

    def finish_statement(self):
        """After a class body: skips to the ';' that ends its declaration."""
        while self.i < len(self.toks) and self.toks[self.i] != ";":
            self.i += 1
        self.i += 1

    def qualified(self, cls, name):
        return f"{cls}::{name}" if cls else name

    def declaration(self, stmt, namespace, cls, public):
        decl = declared_name(stmt)
        if decl and public:
            self.record(decl, cls, public)

    def record(self, decl, cls, public):
        if not public:
            return
        kind, name, is_static, templated = decl
        if cls:
            if name == cls or (is_static and name in KIND_PROTOCOL) or kind == "function":
                return
            if is_static and kind in ("alias", "class"):
                return
            self.add(f"{cls}::{name}", "member")
        elif cls is None:
            self.add(name, kind)


def public_names():
    names = {}
    for directory, _, files in os.walk(INCLUDE):
        rel_dir = os.path.relpath(directory, INCLUDE).replace(os.sep, "/")
        if rel_dir.startswith("detail") or rel_dir.startswith("zoo"):
            continue
        for f in sorted(files):
            if not f.endswith(".hpp"):
                continue
            path = os.path.join(directory, f)
            header = os.path.relpath(path, os.path.dirname(INCLUDE)).replace(os.sep, "/")
            with open(path, encoding="utf-8") as h:
                scanner = Scanner(header)
                scanner.scan(tokens_of(strip_source(h.read())))
            for name, kind, where in scanner.found:
                names.setdefault(name, (kind, where))
    return names


def blocks_of(markdown):
    """The Markdown's blocks (see the docstring), each a list of its code spans."""
    lines = markdown.splitlines()
    blocks = []
    i = 0
    fence = False
    paragraph = []
    caption = []
    table_rows = []  # (first cell empty, spans) of the current table
    previous_paragraph = []

    def spans(text):
        return re.findall(r"`+([^`]+?)`+", text)

    def flush_paragraph():
        nonlocal paragraph, previous_paragraph
        if paragraph:
            blocks.append(spans(" ".join(paragraph)))
            previous_paragraph = spans(" ".join(paragraph))
        paragraph = []

    for line in lines:
        if line.startswith("```"):
            flush_paragraph()
            fence = not fence
            previous_paragraph = []
            continue
        if fence:
            continue
        stripped = line.strip()
        if stripped.startswith("|"):
            if not table_rows:
                flush_paragraph()
                caption = previous_paragraph
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            empty_first = cells[0] == ""
            row = spans(stripped)
            group = list(row)
            if empty_first:
                for prior_empty, prior in reversed(table_rows):
                    group += prior
                    if not prior_empty:
                        break
            blocks.append(caption + group)
            table_rows.append((empty_first, row))
            continue
        table_rows = []
        if not stripped:
            flush_paragraph()
            continue
        if re.match(r"([-*+]|\d+\.) ", stripped) or stripped.startswith("#"):
            flush_paragraph()
        paragraph.append(stripped)
    flush_paragraph()
    return blocks


def begins_with(span, name):
    span = re.sub(r"^(netcount|nc)::", "", span.strip())
    return re.match(re.escape(name) + r"(?![A-Za-z0-9_])", span) is not None


def entry_of(name, kind, blocks, all_spans):
    if "::" not in name or kind == "class":
        if any(begins_with(s, name) for s in all_spans):
            return "a code span"
        return None
    owner, member = name.rsplit("::", 1)
    if any(begins_with(s, name) for s in all_spans):
        return f"`{name}`"
    for b in blocks:
        if any(begins_with(s, owner) for s in b) and any(begins_with(s, member) for s in b):
            return f"a block with `{owner}` and `{member}`"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", action="store_true", help="print every public name and its entry")
    parser.add_argument("--reference", default=REFERENCE, help="the Markdown to check (docs/reference.md)")
    args = parser.parse_args()
    with open(args.reference, encoding="utf-8") as f:
        blocks = blocks_of(f.read())
    all_spans = [s for b in blocks for s in b]
    names = public_names()
    missing = []
    for name in sorted(names):
        kind, header = names[name]
        entry = entry_of(name, kind, blocks, all_spans)
        if args.list:
            print(f"{name:45} {kind:16} {header:40} {entry or 'MISSING'}")
        if entry is None:
            missing.append((name, kind, header))
    if len(names) < 100:
        print(f"check_reference.py: only {len(names)} public names found: the scanner has lost its way")
        return 1
    if missing:
        print(f"docs/reference.md has no entry for {len(missing)} of the {len(names)} public names:")
        for name, kind, header in missing:
            print(f"  {name} ({kind}, {header})")
        print("Add each to docs/reference.md (tools/check_reference.py's docstring says what counts as an entry).")
        return 1
    print(f"docs/reference.md has an entry for each of the {len(names)} public names of include/netcount")
    return 0


if __name__ == "__main__":
    sys.exit(main())
