#!/usr/bin/python3
"""Every report format, for random names drawn from every character a name may hold.

A name is printable ASCII without '/' and without a space at either end (include/netcount/
error.hpp). This draws names from all of those characters (a fixed list of awkward ones first:
Markdown emphasis and escapes, XML entities, CSV quotes, DOT escapes, doubled spaces, every
allowed character in one name), puts them into networks as layer and block names, and has one
generated C++ program render each network in every format: to_table, to_markdown, to_csv,
to_json, to_svg, to_dot and to_summary. Each output is then parsed back and every name compared exactly
with the name the network should have ("<block>/<layer>" inside a named block; " (auxiliary)"
after the name of an auxiliary head's entry where the table, Markdown, SVG and summary show
it):

  table     the columns the rule line under the heading sets out
  summary   the same, each name indented two spaces for each '/' in it
  Markdown  cmark-gfm (GitHub's parser, tables extension, XML output) if installed; else the
            GFM cell rules and CommonMark's inline rules, done here
  CSV       Python's csv module
  JSON      Python's json module
  SVG       Python's xml.etree (also a title with control characters, replaced by U+FFFD)
  DOT       graphviz `dot -Tsvg` if installed, reading each node's first label line; else
            graphviz's lexer and label rules, done here

  /usr/bin/python3 tests/report_names/name_fuzz.py [--seed N] [--names N] -- g++ -std=c++20 ...

The networks also hold auxiliary heads anywhere (named and unnamed, adjacent, nested, a head
inside a residual, a head as a path of an add), some with convolutions far wider than the
network, and every report must hold for them as for any network: the entries marked auxiliary
in CSV, JSON and DOT (dashed) are the heads' and only those; the totals are the sums of the
entries' figures by the rule of detail::contribution (a head's weights, biases and parameters,
not its units, connections or activations); and every share, in the table (of connections),
in Markdown (of weights) and in the SVG's tooltips (of both), is the exact share, rounded half
up, of what the total holds, with its bar, or "not in the total" for a head's connections.

CI runs one fixed seed. To hunt longer, run it by hand with other seeds and more names, e.g.
  for s in $(seq 1 50); do python3 tests/report_names/name_fuzz.py --seed $s --names 400 \\
      -- g++ -std=c++20 -Iinclude || break; done
or set NETCOUNT_NAME_FUZZ_SEED and NETCOUNT_NAME_FUZZ_NAMES when configuring with CMake.

Exit status: 0 every name read back exactly, 1 a mismatch, 2 the tool itself failed.
"""

import argparse
import csv
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

ALLOWED = [chr(c) for c in range(0x20, 0x7F) if chr(c) != "/"]
PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

# Awkward names first, whatever the seed.
FIXED = [
    "!" + "".join(ALLOWED) + "!",  # every allowed character, the space inside
    "_", "__", "a_b", "_a_", "a_", "_1", "x__y", "*a*", "**b**", "a*b*c", "`c`", "``",
    "[l](u)", "![i](u)", "[x]", "<b>", "<http:x>", "&amp;", "&#35;", "&", "\\", "a\\", "\\\\",
    "\\|", "|", "a|b", "||", "~~s~~", "~", "$m$", "a  b", "a   b", "www.example.com",
    "x@y.z", "\\n", "\\N", "\\G", "\\l", "\\\"", "\"", "'", ",", "\"a,b\"", "--", "-1", "1.",
    "# h", "> q", "+", "=", ":smile:", "{}", "^", "a&lt;b", "]]>", "<!--", "\\\\n",
]


def random_name(rng):
    length = rng.randint(1, 14)
    chars = [rng.choice(ALLOWED) for _ in range(length)]
    if chars[0] == " ":
        chars[0] = rng.choice(ALLOWED[1:])
    if chars[-1] == " ":
        chars[-1] = rng.choice(ALLOWED[1:])
    return "".join(chars)


def cpp_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def conv(name, filters=1):
    return "nc::conv<%d, nc::kernel<1>, nc::name<%s>>" % (filters, cpp_string(name))


# Filters of a head's first conv: a head may be far wider than the network (1 filter a layer),
# so that its figures dwarf the totals it is not in. 2^20 keeps a nested head's 2^40 weights, and
# their sum, in 64 bits.
HEAD_FILTERS = [1, 3, 1000, 1 << 20]


class Network:
    """Elements as C++ text, and the names layers<Net> should hold, in order, with whether each
    entry is in an auxiliary head."""

    def __init__(self, ident):
        self.ident = ident
        self.elements = []
        self.names = []
        self.auxiliary = []
        self.heads = 0  # auxiliary blocks at the top level, which number the unnamed ones

    def add(self, names, auxiliary):
        self.names += names
        self.auxiliary += [auxiliary] * len(names)

    def head(self, names, rng, scope="", nest=True):
        """An auxiliary head of one or two convs (the first wide), maybe with a head nested in
        it; named, or at the top level maybe unnamed ("auxiliary<ordinal>"). Returns its C++."""
        if scope == "":
            self.heads += 1
        if scope == "" and rng.random() < 0.3:
            path = "auxiliary%d" % self.heads
            named = ""
        else:
            given = names.pop()
            path = scope + given
            named = "nc::name<%s>, " % cpp_string(given)
        a = names.pop()
        parts = [conv(a, rng.choice(HEAD_FILTERS))]
        self.add([path + "/" + a], True)
        if nest and len(names) >= 2 and rng.random() < 0.5:
            parts.append(self.head(names, rng, path + "/", nest=False))
        if len(names) >= 1 and rng.random() < 0.5:
            b = names.pop()
            parts.append(conv(b))
            self.add([path + "/" + b], True)
        return "nc::auxiliary<%s%s>" % (named, ", ".join(parts))

    def build(self, names, rng):
        """Uses up `names`: layers at the top level, in a sequence and in a residual, and
        auxiliary heads at the top level (adjacent ones too), nested, in a residual and as the
        path of an add."""
        while names:
            pick = rng.random()
            if pick < 0.45 or len(names) < 6:
                n = names.pop()
                self.elements.append(conv(n))
                self.add([n], False)
            elif pick < 0.57:
                block, a, b = names.pop(), names.pop(), names.pop()
                self.elements.append("nc::sequence<nc::name<%s>, %s, %s>" % (cpp_string(block), conv(a), conv(b)))
                self.add([block + "/" + a, block + "/" + b], False)
            elif pick < 0.69:
                outer, inner, a = names.pop(), names.pop(), names.pop()
                # a residual inside a named sequence: "<outer>/<inner>/<a>", then its merge
                self.elements.append("nc::sequence<nc::name<%s>, nc::residual<nc::name<%s>, %s>>"
                                     % (cpp_string(outer), cpp_string(inner), conv(a)))
                self.add([outer + "/" + inner + "/" + a, outer + "/" + inner], False)
            elif pick < 0.81:
                # a head, or two adjacent ones
                self.elements.append(self.head(names, rng))
                if len(names) >= 3 and rng.random() < 0.5:
                    self.elements.append(self.head(names, rng))
            elif pick < 0.9:
                # a head inside a residual, after its conv: "<r>/<a>", "<r>/<h>/...", then "<r>"
                r, a = names.pop(), names.pop()
                self.add([r + "/" + a], False)
                inside = self.head(names, rng, r + "/")
                self.elements.append("nc::residual<nc::name<%s>, %s, %s>" % (cpp_string(r), conv(a), inside))
                self.add([r], False)
            else:
                # a head as one path of an add: it passes its input on, like identity
                m, b = names.pop(), names.pop()
                path = self.head(names, rng, m + "/")
                self.add([m + "/" + b, m], False)
                self.elements.append("nc::add<nc::name<%s>, %s, %s>" % (cpp_string(m), path, conv(b)))

    def shown(self):
        """The names as the table, Markdown and the SVG show them."""
        return [n + " (auxiliary)" if aux else n for n, aux in zip(self.names, self.auxiliary)]

    def cpp(self):
        return "struct %s : nc::network<nc::input<1, 1, 1>,\n    %s> {};\n" % (self.ident, ",\n    ".join(self.elements))


# The bars of the share columns: 100% is this many '#'.
BAR_WIDTH = 40

# A title for the SVG with characters that XML 1.0 does not allow, and what it must read as.
SVG_TITLE = "t\x01i\x1ft\tl\ne<&>\x7f"
SVG_TITLE_READ = "t\ufffdi\ufffdt\tl\ne<&>\ufffd"


def program(networks):
    out = ["// Generated by tests/report_names/name_fuzz.py.",
           "#include <cstdio>", "#include <fstream>", "#include <string>",
           "#include <netcount/netcount.hpp>", "#include <netcount/report.hpp>",
           "namespace nc = netcount;", ""]
    for net in networks:
        out.append(net.cpp())
    out.append(r'''
template<class Net>
void write(const std::string& stem) {
    std::ofstream(stem + ".table.txt", std::ios::binary)
        << nc::to_table<Net>({.all_layers = true, .share = nc::share_of::connections, .bar_width = %d});
    std::ofstream(stem + ".md", std::ios::binary)
        << nc::to_markdown<Net>({.all_layers = true, .share = nc::share_of::weights, .bar_width = %d});
    std::ofstream(stem + ".csv", std::ios::binary) << nc::to_csv<Net>();
    std::ofstream(stem + ".json", std::ios::binary) << nc::to_json<Net>();
    std::ofstream(stem + ".svg", std::ios::binary) << nc::to_svg<Net>({.all_layers = true, .title = "%s"});
    std::ofstream(stem + ".dot", std::ios::binary) << nc::to_dot<Net>();
    std::ofstream(stem + ".summary.txt", std::ios::binary) << nc::to_summary<Net>();
    std::ofstream names(stem + ".names", std::ios::binary);
    for (const nc::layer_info& l : nc::layers<Net>) {
        for (const char c : l.name) {
            char hex[3];
            std::snprintf(hex, sizeof hex, "%%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            names << hex;
        }
        names << '\n';
    }
}

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const std::string dir = argv[1];
''' % (BAR_WIDTH, BAR_WIDTH, SVG_TITLE.encode("unicode_escape").decode("ascii").replace('"', '\\"')))
    for net in networks:
        out.append('    write<%s>(dir + "/%s");' % (net.ident, net.ident))
    out.append("}\n")
    return "\n".join(out)


# ------------------------------------------------------------------------------------------
# Readers, one per format. Each returns the names it reads, in order.

def table_rows(text):
    """The table's rows but the heading, the rule and the total, as cells, by the columns the
    rule line sets out; and the total row's."""
    lines = text.split("\n")
    assert lines[-1] == "", "the table does not end with a line break"
    lines = lines[:-1]
    rule = lines[1]
    starts = [i for i, c in enumerate(rule) if c == "-" and (i == 0 or rule[i - 1] == " ")]
    assert len(starts) == 7, "the rule line has %d columns" % len(starts)
    rows = []
    for line in lines[2:]:
        # every cell starts where its column does, after two spaces; the share cell may start
        # with the spaces that right-align its percent
        for k, s in enumerate(starts[1:], 1):
            assert line[s - 2:s] == "  ", "a cell is out of its column: %r" % line
            assert k == 6 or line[s] != " " or line.startswith("total  "), "a cell is out of its column: %r" % line
        ends = starts[1:] + [len(line)]
        rows.append([line[b:e].rstrip(" ") if k != 6 else line[b:e] for k, (b, e) in enumerate(zip(starts, ends))])
    assert rows[-1][0] == "total"
    return rows[:-1], rows[-1]


def read_table(text):
    return [row[0] for row in table_rows(text)[0]]


def summary_rows(text):
    """The summary's rows after its input row, up to the blank line before the totals, as cells
    by the columns the rule line sets out: the name without its indentation (two spaces for
    each '/' in it, checked here), the kind, the output, the parameters and the MACs."""
    lines = text.split("\n")
    assert lines[-1] == "", "the summary does not end with a line break"
    rule = lines[1]
    starts = [i for i, c in enumerate(rule) if c == "-" and (i == 0 or rule[i - 1] == " ")]
    assert len(starts) == 5, "the rule line has %d columns" % len(starts)
    assert lines[2].startswith("input  "), "the first row is not the input's: %r" % lines[2]
    rows = []
    for line in lines[3:lines.index("")]:
        for s in starts[1:]:
            assert line[s - 2:s] == "  ", "a cell is out of its column: %r" % line
        cells = [line[b:e] for b, e in zip(starts, starts[1:] + [len(line)])]
        name = cells[0].rstrip(" ")
        depth = (len(name) - len(name.lstrip(" "))) // 2
        name = name[2 * depth:]
        assert depth == name.count("/"), "%r is indented %d levels" % (name, depth)
        rows.append([name] + [c.strip(" ") for c in cells[1:]])
    return rows


def read_summary(text):
    return [row[0] for row in summary_rows(text)]


def ascii_punctuation(c):
    return c in PUNCTUATION


def gfm_cells(row):
    """A GFM table row's cells: a backslash and the next character are a pair, '|' ends a cell."""
    assert row.startswith("|") and row.endswith("|"), "not a table row: %r" % row
    cells, cell, i = [], "", 1
    while i < len(row):
        c = row[i]
        if c == "\\" and i + 1 < len(row):
            cell += row[i:i + 2]
            i += 2
            continue
        if c == "|":
            cells.append(cell.strip(" "))
            cell = ""
        else:
            cell += c
        i += 1
    assert cell == "", "text after the last '|': %r" % row
    return cells


def commonmark_text(cell):
    """The text of a cell by CommonMark's inline rules, if it is plain text; fails on anything
    that would render as markup (emphasis, code, links, HTML, entities, strikethrough, math)."""
    text, escaped, i = [], [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell) and ascii_punctuation(cell[i + 1]):
            text.append(cell[i + 1])
            escaped.append(True)
            i += 2
        else:
            text.append(cell[i])
            escaped.append(False)
            i += 1
    for pos, c in enumerate(text):
        if escaped[pos]:
            continue
        assert c not in "`[]<&~$\\|", "unescaped %r starts markup in %r" % (c, cell)
        assert not (c == "!" and pos + 1 < len(text) and text[pos + 1] == "["), "an image in %r" % cell
    # Delimiter runs of '*' and '_' (CommonMark 6.2): a run may open or close emphasis by the
    # characters around it; none may.
    pos = 0
    while pos < len(text):
        c = text[pos]
        if escaped[pos] or c not in "*_":
            pos += 1
            continue
        end = pos
        while end < len(text) and text[end] == c and not escaped[end]:
            end += 1
        before = text[pos - 1] if pos > 0 else " "
        after = text[end] if end < len(text) else " "
        left = not after.isspace() and (not ascii_punctuation(after) or before.isspace() or ascii_punctuation(before))
        right = not before.isspace() and (not ascii_punctuation(before) or after.isspace() or ascii_punctuation(after))
        if c == "*":
            opens, closes = left, right
        else:
            opens = left and (not right or ascii_punctuation(before))
            closes = right and (not left or ascii_punctuation(after))
        assert not opens and not closes, "unescaped %r may open or close emphasis in %r" % (c * (end - pos), cell)
        pos = end
    return "".join(text)


def read_markdown_own(text):
    rows = text.split("\n")[:-1]
    header = gfm_cells(rows[0])
    assert all(set(c) <= set("-:") and "-" in c for c in gfm_cells(rows[1])), "no delimiter row"
    names = []
    for row in rows[2:]:
        cells = gfm_cells(row)
        assert len(cells) == len(header), "%d cells, %d in the heading: %r" % (len(cells), len(header), row)
        names.append(commonmark_text(cells[0]))
    assert names[-1] == "total"
    return names[:-1]


def markdown_shares(text):
    """The share column of a Markdown table (its last), row by row, the total's last."""
    return [gfm_cells(row)[-1] for row in text.split("\n")[2:-1]]


def read_markdown_cmark(text, cmark):
    xml = subprocess.run([cmark, "-e", "table", "-t", "xml"], input=text.encode(), capture_output=True,
                         check=True).stdout
    root = ET.fromstring(xml)
    ns = "{http://commonmark.org/xml/1.0}"
    tables = root.findall(ns + "table")
    assert len(tables) == 1 and len(root) == 1, "the Markdown is not one table"
    rows = [r for r in tables[0] if r.tag in (ns + "table_row", ns + "table_header")]
    width = len(rows[0])
    names = []
    for r in rows[1:]:
        assert len(r) == width, "a row of %d cells, %d in the heading" % (len(r), width)
        cell = r[0]
        kinds = {child.tag for child in cell}
        assert kinds <= {ns + "text"}, "the name cell holds markup: %s" % sorted(kinds)
        names.append("".join(child.text or "" for child in cell))
    assert names[-1] == "total"
    return names[:-1]


def read_csv(text):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][0] == "name" and all(len(r) == len(rows[0]) for r in rows)
    return [r[0] for r in rows[1:]]


def read_json(text):
    return [layer["name"] for layer in json.loads(text)["layers"]]


def read_svg(text):
    root = ET.fromstring(text)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(ns + "title").text == SVG_TITLE_READ, "the SVG title reads %r" % root.find(ns + "title").text
    names = [t.text or "" for t in root.iter(ns + "text") if t.get("text-anchor") == "end"]
    # Each bar's tooltip starts with its layer's name; bars come row by row, 0 to 2 a row.
    tips = [r.find(ns + "title").text for r in root.iter(ns + "rect") if r.find(ns + "title") is not None]
    k = 0
    for name in names:
        while k < len(tips) and tips[k].startswith(name + ": ") and tips[k][len(name) + 2:][:1].isdigit():
            k += 1
    assert k == len(tips), "a bar's tooltip does not name its layer: %r" % tips[k:k + 1]
    return names


def svg_tooltips(text):
    root = ET.fromstring(text)
    ns = "{http://www.w3.org/2000/svg}"
    return [r.find(ns + "title").text for r in root.iter(ns + "rect") if r.find(ns + "title") is not None]


def dot_strings(text):
    """Graphviz's lexer on quoted strings (lib/cgraph/scan.l): inside quotes, backslash-quote is
    a quote, a backslash before a line break joins lines, every other character is itself.
    Returns the label of each node statement `n<i> [label="..."`, in order."""
    labels, i = [], 0
    depth = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            j, s = i + 1, []
            while True:
                assert j < len(text), "a DOT string does not end"
                if text[j] == "\\" and text[j + 1] == '"':
                    s.append('"')
                    j += 2
                elif text[j] == "\\" and text[j + 1] == "\n":
                    j += 2
                elif text[j] == '"':
                    break
                else:
                    s.append(text[j])
                    j += 1
            before = text[:i].rstrip()
            line_start = text.rfind("\n", 0, i) + 1
            statement = text[line_start:i]
            if before.endswith("label=") and statement.lstrip().startswith("n"):
                labels.append("".join(s))
            i = j + 1
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    assert depth == 0, "the DOT braces do not balance"
    return labels


ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def graphviz_label_lines(label):
    """What graphviz draws for a label: \\G \\N \\E \\H \\T \\L are replaced (none may be left),
    then \\n \\l \\r break lines and a backslash before any other character is dropped; last,
    HTML entities (&amp;, &#35;, ...) become their characters, as graphviz reads them in any
    label."""
    subst, i = [], 0
    while i < len(label):
        if label[i] == "\\" and i + 1 < len(label):
            assert label[i + 1] not in "GNEHTL", "an unescaped \\%s would be replaced" % label[i + 1]
            subst.append(label[i:i + 2])
            i += 2
        else:
            subst.append(label[i])
            i += 1
    lines, line = [], ""
    for piece in subst:
        if len(piece) == 2 and piece[1] in "nlr":
            lines.append(line)
            line = ""
        elif len(piece) == 2:
            line += piece[1]
        else:
            line += piece
    lines.append(line)
    return [ENTITY.sub(lambda m: html.unescape(m.group(0)), line) for line in lines]


def read_dot_own(text):
    return [graphviz_label_lines(label)[0] for label in dot_strings(text)]


def read_dot_graphviz(text, dot):
    svg = subprocess.run([dot, "-Tsvg"], input=text.encode(), capture_output=True, check=True).stdout
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    names = {}
    for g in root.iter(ns + "g"):
        if g.get("class") != "node":
            continue
        node = g.find(ns + "title").text
        first = g.find(ns + "text")
        # graphviz writes the second of two spaces as a no-break space
        names[node] = (first.text or "").replace("\u00a0", " ")
    return [names["n%d" % i] for i in range(len(names) - 1)]


# ------------------------------------------------------------------------------------------
# What every report must say of a network's figures, auxiliary heads anywhere: worked out here
# from the CSV's rows by the rule of detail::contribution (layer_info.hpp), not by netcount.

FIGURES = ["units", "weights", "biases", "parameters", "connections", "connections_with_bias", "activations"]
IN_TOTALS_OF_A_HEAD = {"weights", "biases", "parameters"}
NOT_IN_TOTAL = "not in the total"


def share_text(part, whole):
    """part / whole in tenths of a percent, rounded half up (0 of 0 is 0), as "61.9%"."""
    assert part <= whole, "a part above its whole: %d of %d" % (part, whole)
    tenths = 0 if whole == 0 else (2000 * part + whole) // (2 * whole)
    return "%d.%d%%" % (tenths // 10, tenths % 10), tenths


def share_cell(part, whole, counted):
    """A share column's cell, as table.hpp's share_cell writes it."""
    if not counted:
        return NOT_IN_TOTAL
    text, tenths = share_text(part, whole)
    bar = (tenths * BAR_WIDTH + 500) // 1000
    return text.rjust(6) + (" " + "#" * bar if bar else "")


def grouped(n):
    return "{:,}".format(n)


def check_figures(net, stem):
    """Failures, as text, of the figures, shares and marks of every report of `net`."""
    def read(ext):
        with open(stem + ext, encoding="utf-8", newline="") as f:
            return f.read()
    failures = []

    def expect(what, got, wanted):
        if got != wanted:
            failures.append("%s, %s: %r, expected %r" % (net.ident, what, got, wanted))

    rows = list(csv.DictReader(io.StringIO(read(".csv"), newline="")))
    for r in rows:
        for k in FIGURES + ["live_activations"]:
            r[k] = int(r[k])
    expect("csv: auxiliary", [r["auxiliary"] == "1" for r in rows], net.auxiliary)
    aux = net.auxiliary
    totals = {k: sum(r[k] for r, a in zip(rows, aux) if not a or k in IN_TOTALS_OF_A_HEAD) for k in FIGURES}
    expect("csv: an auxiliary entry's live activations", [r["live_activations"] for r, a in zip(rows, aux) if a],
           [0] * sum(aux))
    totals["peak_activations"] = max(r["live_activations"] for r in rows)

    json_net = json.loads(read(".json"))
    expect("json: auxiliary", [layer["auxiliary"] for layer in json_net["layers"]], aux)
    expect("json: totals", json_net["totals"], totals)
    expect("json: figures", [[layer[k] for k in FIGURES] for layer in json_net["layers"]],
           [[r[k] for k in FIGURES] for r in rows])

    # The table: each entry's parameters, the share of connections; the total row's figures.
    body, total = table_rows(read(".table.txt"))
    expect("table: parameters", [row[4] for row in body], [str(r["parameters"]) for r in rows])
    expect("table: share of connections", [row[6] for row in body],
           [share_cell(r["connections"], totals["connections"], not a) for r, a in zip(rows, aux)])
    expect("table: total row", [total[2], total[3], total[4], total[5], total[6]],
           [str(totals["units"]), str(totals["weights"]), str(totals["parameters"]), str(totals["connections"]),
            share_cell(totals["connections"], totals["connections"], True)[:6]])
    # The summary: each entry's parameters and MACs, with thousands separators; the totals.
    summary = read(".summary.txt")
    rows_read = summary_rows(summary)
    expect("summary: parameters and MACs", [[row[3], row[4]] for row in rows_read],
           [[grouped(r["parameters"]), grouped(r["connections"])] for r in rows])
    expect("summary: totals", [re.search(r"\n%s +([0-9,]+)" % label, summary).group(1)
                               for label in ("total parameters", "MACs", "activations")],
           [grouped(totals["parameters"]), grouped(totals["connections"]), grouped(totals["activations"])])
    # Markdown: the share of weights, which a head's are in.
    expect("markdown: share of weights", markdown_shares(read(".md")),
           [share_cell(r["weights"], totals["weights"], True).strip(" ") for r in rows] +
           [share_text(totals["weights"], totals["weights"])[0]])
    # The SVG's tooltips: each bar's share of its total, or none for a head's connections.
    tips = []
    for r, shown, a in zip(rows, net.shown(), aux):
        if r["weights"]:
            tips.append("%s: %s weights, %s" % (shown, grouped(r["weights"]),
                                                  share_text(r["weights"], totals["weights"])[0]))
        if r["connections"]:
            tips.append("%s: %s connections, %s" % (shown, grouped(r["connections"]), NOT_IN_TOTAL if a else
                                                      share_text(r["connections"], totals["connections"])[0]))
    expect("svg: tooltips", svg_tooltips(read(".svg")), tips)
    # DOT: a head's nodes, and only they, are dashed.
    nodes = [line for line in read(".dot").split("\n") if re.match(r"  n[0-9]+ \[", line)]
    expect("dot: dashed", [line.endswith(', style="rounded,filled,dashed"];') for line in nodes], aux)
    return failures


def limits():
    """Run in the generated program before it starts: no report it writes may pass 64 MB, nor
    its memory 4 GB, so that a report gone wrong (a share's bar of 10^13 characters) fails at
    once rather than filling the disk or the memory of the machine."""
    import resource
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def main(argv):
    if "--" not in argv:
        print("usage: name_fuzz.py [--seed N] [--names N] [--workdir DIR] -- <compile command>", file=sys.stderr)
        return 2
    split = argv.index("--")
    argv, compile_command = argv[:split], argv[split + 1:]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=20240811)
    p.add_argument("--names", type=int, default=120, help="random names besides the fixed ones")
    p.add_argument("--networks", type=int, default=4)
    p.add_argument("--workdir", help="keep the generated program and outputs here")
    args = p.parse_args(argv)

    rng = random.Random(args.seed)
    pool = FIXED + [random_name(rng) for _ in range(args.names)]
    rng.shuffle(pool)
    networks = []
    per = (len(pool) + args.networks - 1) // args.networks
    for k in range(args.networks):
        net = Network("net%d" % k)
        net.build(pool[k * per:(k + 1) * per], rng)
        networks.append(net)

    workdir = args.workdir or tempfile.mkdtemp(prefix="netcount_name_fuzz_")
    os.makedirs(workdir, exist_ok=True)
    source = os.path.join(workdir, "name_fuzz.cpp")
    binary = os.path.join(workdir, "name_fuzz")
    with open(source, "w", encoding="ascii") as f:
        f.write(program(networks))
    build = subprocess.run(compile_command + ["-I" + os.path.join(ROOT, "include"), source, "-o", binary],
                           capture_output=True, text=True)
    if build.returncode != 0:
        print(build.stdout + build.stderr, file=sys.stderr)
        print("name_fuzz: the generated program (%s) does not compile" % source, file=sys.stderr)
        return 2
    run = subprocess.run([binary, workdir], preexec_fn=limits if os.name == "posix" else None)
    if run.returncode != 0:
        print("name_fuzz: the generated program (%s) failed with %d: a report too large for its limits "
              "(64 MB a file, 4 GB of memory), or an exception" % (source, run.returncode), file=sys.stderr)
        return 1

    cmark, dot = shutil.which("cmark-gfm"), shutil.which("dot")
    readers = [
        ("table", ".table.txt", read_table),
        ("summary", ".summary.txt", read_summary),
        ("markdown", ".md", (lambda t: read_markdown_cmark(t, cmark)) if cmark else read_markdown_own),
        ("markdown (GFM rules here)", ".md", read_markdown_own),
        ("csv", ".csv", read_csv),
        ("json", ".json", read_json),
        ("svg", ".svg", read_svg),
        ("dot", ".dot", (lambda t: read_dot_graphviz(t, dot)) if dot else read_dot_own),
        ("dot (graphviz rules here)", ".dot", read_dot_own),
    ]
    failures = 0
    # The table, Markdown, the SVG and the summary show " (auxiliary)" after a head's entries' names.
    shown_in = {"table", "markdown", "markdown (GFM rules here)", "svg", "summary"}
    for net in networks:
        stem = os.path.join(workdir, net.ident)
        with open(stem + ".names", encoding="ascii") as f:
            made = [bytes.fromhex(line.strip()).decode("ascii") for line in f]
        if made != net.names:
            failures += 1
            print("%s: layers<Net> names %r, expected %r" % (net.ident, made, net.names))
        try:
            wrong = check_figures(net, stem)
        except (AssertionError, ET.ParseError, ValueError, KeyError, IndexError) as e:
            wrong = ["%s: the figures cannot be read back: %s" % (net.ident, e)]
        failures += len(wrong)
        for w in wrong:
            print(w)
        for fmt, ext, read in readers:
            with open(stem + ext, encoding="utf-8", newline="") as f:
                text = f.read()
            try:
                got = read(text)
            except (AssertionError, ET.ParseError, ValueError, KeyError, subprocess.CalledProcessError) as e:
                failures += 1
                print("%s, %s: cannot be read back: %s" % (net.ident, fmt, e))
                continue
            names = net.shown() if fmt in shown_in else net.names
            if got != names:
                failures += 1
                bad = [(w, g) for w, g in zip(names, got) if w != g][:3]
                print("%s, %s: %d names read, %d expected; first differences (expected, read): %r"
                      % (net.ident, fmt, len(got), len(names), bad))
    total = sum(len(n.names) for n in networks)
    heads = sum(sum(n.auxiliary) for n in networks)
    print("name_fuzz: seed %d, %d names (%d in auxiliary heads) in %d networks, %d formats (Markdown by %s, DOT by "
          "%s), figures and shares: %d failures"
          % (args.seed, total, heads, len(networks), len(readers), "cmark-gfm" if cmark else "the rules here",
             "graphviz" if dot else "the rules here", failures))
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
