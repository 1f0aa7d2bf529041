"""The importer's graph, whatever it was read from (torch.fx or ONNX), and its translation into
netcount's vocabulary: blocks recovered where the graph is series-parallel, from<> where it is
not, names from the model's module paths, and the header text.

A graph is a list of nodes in the order the model runs them; node 0 is the network input.
Each node is one netcount entry: a layer (`kind` and its template arguments) or a merge (add,
concat, multiply) of the tensors it reads. The frontends have already dropped what netcount
does not count as an entry (views, identities, shape arithmetic) by making its readers read its
input instead.
"""


class ImportError_(Exception):
    """A model the importer cannot express: the message names the node, its op and why."""


class Node:
    def __init__(self, name, op, kind, args=(), inputs=(), scope=(), own=None, nameable=True, shape=None,
                 parameters=0, merge=False, shared=None):
        self.name = name            # the frontend's node name (fx node or ONNX node), for messages
        self.op = op                # the frontend's op (module class, function, ONNX op type)
        self.kind = kind            # netcount type: "conv", "add", "squeeze_excitation", ...
        self.args = list(args)      # its template arguments, as text
        self.inputs = list(inputs)  # indices of the nodes it reads
        self.scope = tuple(scope)   # module path of the scope it runs in
        self.own = own              # its own name (last component of its module path), if any
        self.nameable = nameable    # takes a name<"..."> option
        self.shape = shape          # (height, width, channels) of its output
        self.parameters = parameters
        self.merge = merge
        self.shared = shared        # (shared name, first application?) for a module called twice
        self.head = None            # the auxiliary head (--auxiliary) it belongs to, if any
        self.index = None


# ----------------------------------------------------------------------------------------------
# Structure: a tree of elements.

class Leaf:
    def __init__(self, node):
        self.node = node

    def scopes(self):
        return [self.node.scope]


class From:
    def __init__(self, target, reader_scope):
        self.target = target  # a node
        self.scope = reader_scope

    def scopes(self):
        return [self.scope]


class Aux:
    """An auxiliary head (--auxiliary): a chain of nodes that only training runs, reading the
    output of `source`; netcount's auxiliary<...> counts its parameters, not its work."""
    def __init__(self, name, source, nodes):
        self.name = name          # the head's module path, a tuple
        self.source = source      # the node index it reads
        self.elements = [Leaf(n) for n in nodes]

    def scopes(self):
        return [self.name[:-1]]


class Block:
    def __init__(self, node, paths):
        self.node = node    # the merge node
        self.paths = paths  # lists of elements; [] is identity

    def scopes(self):
        found = [self.node.scope]
        for p in self.paths:
            for e in p:
                found.extend(e.scopes())
        return found


def common_prefix(paths):
    paths = list(paths)
    if not paths:
        return ()
    first = paths[0]
    n = len(first)
    for p in paths[1:]:
        n = min(n, len(p))
        for i in range(n):
            if p[i] != first[i]:
                n = i
                break
    return tuple(first[:n])


def element_scope(e):
    if isinstance(e, Aux):
        return e.name[:-1]
    if isinstance(e, Leaf):
        return e.node.scope
    if isinstance(e, From):
        return e.scope
    return common_prefix(e.scopes())


# The kinds that are class templates whose every argument has a default: written kind<>.
TEMPLATES_WITH_DEFAULTS = ("instance_norm", "prelu")


class Structure:
    def __init__(self, nodes, outputs):
        self.nodes = nodes
        self.outputs = outputs
        self.users = [[] for _ in nodes]
        for i, n in enumerate(nodes):
            n.index = i
            if n.head is not None:
                continue  # an auxiliary head is outside the graph the blocks are found in
            for j in n.inputs:
                if i not in self.users[j]:
                    self.users[j].append(i)

    def build(self):
        """The network's elements after its input; where the whole graph has one output that
        every node leads to, as blocks wherever it can; then the auxiliary heads, each right
        after the element whose output it reads."""
        heads = self.heads()
        everything = set(i for i in range(1, len(self.nodes)) if self.nodes[i].head is None)
        if len(self.outputs) == 1 and self.leads_to(everything, self.outputs[0]):
            elements = self.chain(0, everything, self.outputs[0])
        else:
            elements = self.flat(0, everything, self.outputs[-1] if len(self.outputs) == 1 else None)
        for head in heads:
            if head.source == 0:
                elements.insert(0, head)
            elif not self.attach(elements, head):
                n = self.nodes[head.source]
                raise ImportError_(f"auxiliary head {'.'.join(head.name)}: it reads node {n.name} ({n.op}), inside a "
                                   "block where netcount's auxiliary<...> cannot be written")
        return elements

    def heads(self):
        """The auxiliary heads: each a chain from one node outside it, which nothing outside reads."""
        found = {}
        for n in self.nodes:
            if n.head is not None:
                found.setdefault(n.head, []).append(n)
        heads = []
        for name, members in found.items():
            inside = {m.index for m in members}
            prev = None
            for m in members:
                outside = [i for i in m.inputs if i not in inside]
                if len(m.inputs) != 1 or (prev is not None and m.inputs != [prev]) or (prev is None and not outside):
                    raise ImportError_(f"node {m.name} ({m.op}): in auxiliary head {'.'.join(name)}, which the importer "
                                       "reads only as a chain of layers from one tensor")
                prev = m.index
            for i, n in enumerate(self.nodes):
                if n.head != name and any(j in inside for j in n.inputs):
                    raise ImportError_(f"node {n.name} ({n.op}): reads auxiliary head {'.'.join(name)}, whose output "
                                       "only training reads")
            if any(o in inside for o in self.outputs):
                raise ImportError_(f"auxiliary head {'.'.join(name)}: its output is an output of the network")
            heads.append(Aux(name, members[0].inputs[0], members))
        return heads

    def attach(self, elements, head):
        for k, e in enumerate(elements):
            if isinstance(e, (Leaf, Block)) and e.node.index == head.source:
                elements.insert(k + 1, head)
                return True
            if isinstance(e, Block) and any(self.attach(p, head) for p in e.paths):
                return True
        return False

    def leads_to(self, region, exit_):
        reach = {exit_}
        for v in sorted(region, reverse=True):
            if v in reach:
                continue
            if any(u in reach for u in self.users[v]):
                reach.add(v)
        return reach >= region

    def chain(self, t, region, exit_):
        """Elements that compute exit_ from t with the nodes of region (closed: every node of it
        reads t or nodes of it, and leads to exit_)."""
        elements = []
        cur = t
        done = set()
        while cur != exit_:
            users = [u for u in self.users[cur] if u in region]
            if len(users) == 1 and len(self.nodes[users[0]].inputs) == 1:
                elements.append(Leaf(self.nodes[users[0]]))
                cur = users[0]
                done.add(cur)
                continue
            block = self.block(cur, region, exit_)
            if block is None:
                rest = set(v for v in region if v not in done)
                return elements + self.flat(cur, rest, exit_)
            merge, inner = block
            done |= inner | {merge.node.index}
            elements.append(merge)
            cur = merge.node.index
        return elements

    def block(self, cur, region, exit_):
        """The block that starts at cur (the merge where all its users meet again and the paths
        to it), if the graph between is series-parallel."""
        # Post-dominators within the region, by reverse execution order.
        order = sorted(v for v in region if v > cur)
        pdom = {exit_: {exit_}}
        for v in reversed(order):
            if v == exit_ or v > exit_:
                continue
            us = [u for u in self.users[v] if u in region]
            if not us or any(u not in pdom for u in us):
                pdom[v] = {v}  # leads nowhere within: no block through it
                continue
            common = set.intersection(*(pdom[u] for u in us))
            pdom[v] = {v} | common
        us = [u for u in self.users[cur] if u in region]
        if not us or any(u not in pdom for u in us):
            return None
        after = set.intersection(*(pdom[u] for u in us))
        if not after:
            return None
        m = min(after)
        merge = self.nodes[m]
        if not merge.merge:
            return None
        # The nodes between cur and m.
        inner = set()
        frontier = [u for u in us if u != m]
        while frontier:
            v = frontier.pop()
            if v in inner or v == m:
                continue
            inner.add(v)
            frontier.extend(u for u in self.users[v] if u in region and u != m)
        for v in inner:
            if any(i not in inner and i != cur for i in self.nodes[v].inputs):
                return None
            if any(u not in inner and u != m for u in self.users[v]):
                return None
        if any(i not in inner and i != cur for i in merge.inputs):
            return None
        paths, taken = [], set()
        for a in merge.inputs:
            if a == cur:
                paths.append([])
                continue
            part = set()
            frontier = [a]
            while frontier:
                v = frontier.pop()
                if v in part or v == cur:
                    continue
                part.add(v)
                frontier.extend(self.nodes[v].inputs)
            if part & taken:
                return None
            taken |= part
            paths.append(self.chain(cur, part, a))
        if taken != inner:
            return None
        return Block(merge, paths), inner

    def flat(self, cur, region, exit_):
        """The nodes of region in execution order, each reading what the one before wrote or,
        through from<>, what it reads."""
        elements = []
        prev = cur
        for v in sorted(region):
            n = self.nodes[v]
            if n.merge:
                paths = [[] if a == prev else [From(self.nodes[a], n.scope)] for a in n.inputs]
                elements.append(Block(n, paths))
            else:
                if n.inputs[0] != prev:
                    elements.append(From(self.nodes[n.inputs[0]], n.scope))
                elements.append(Leaf(n))
            prev = v
        if exit_ is not None and prev != exit_:
            elements.append(From(self.nodes[exit_], self.nodes[exit_].scope))
        return elements


# ----------------------------------------------------------------------------------------------
# Text: scopes from the module paths, names, from<> targets by their full names.

class Renderer:
    def __init__(self, elements, outputs, nodes, ns="netcount"):
        self.ns = ns
        self.elements = elements
        self.nodes = nodes
        self.targets = set()
        self.collect(elements)
        if len(outputs) > 1:
            self.targets |= {nodes[o].index for o in outputs}
        self.outputs = outputs
        self.full = {}        # node index -> full name
        self.used = {}        # scope tuple -> names given in it
        self.contains = {}    # id(block) -> holds a target

    def collect(self, elements):
        for e in elements:
            if isinstance(e, From):
                self.targets.add(e.target.index)
            elif isinstance(e, Block):
                for p in e.paths:
                    self.collect(p)

    def holds_target(self, e):
        if isinstance(e, Aux):
            return False
        if isinstance(e, Leaf):
            return e.node.index in self.targets
        if isinstance(e, From):
            return False
        key = id(e)
        if key not in self.contains:
            self.contains[key] = e.node.index in self.targets or any(
                self.holds_target(x) for p in e.paths for x in p)
        return self.contains[key]

    def unique(self, where, name, important):
        """A name for `where` (the tuple of named scopes above): suffixed where a target needs it
        to be the only one of its name."""
        used = self.used.setdefault(where, {})
        base, k = name, 1
        while name in used and (important or used[name]):
            k += 1
            name = f"{base}_{k}"
        used[name] = used.get(name, False) or important
        return name

    def q(self, s):
        return f'{self.ns}::{s}'

    # elements -> lines of text, indented by depth
    def render(self, elements, prefix, where, depth):
        """prefix: the module path the enclosing scopes stand for; where: the tuple of netcount
        scope names above (None where an unnamed merge's generated name is above)."""
        out = []
        i = 0
        while i < len(elements):
            e = elements[i]
            s = element_scope(e)
            if len(s) > len(prefix) and s[:len(prefix)] == prefix:
                c = s[len(prefix)]
                j = i
                while j < len(elements):
                    sj = element_scope(elements[j])
                    if len(sj) > len(prefix) and sj[:len(prefix)] == prefix and sj[len(prefix)] == c:
                        j += 1
                    else:
                        break
                group = elements[i:j]
                important = any(self.holds_target(x) for x in group)
                if len(group) == 1 and isinstance(group[0], Block):
                    name = self.unique(where, c, important)
                    out.extend(self.block(group[0], prefix + (c,), where, depth, name))
                else:
                    name = self.unique(where, c, important)
                    inner_where = None if where is None else where + (name,)
                    out.append(self.line(depth, f'{self.q("sequence")}<{self.q("name")}<"{name}">,'))
                    out.extend(self.render(group, prefix + (c,), inner_where, depth + 1))
                    self.close(out)
                i = j
                continue
            out.extend(self.one(e, prefix, where, depth))
            i += 1
        return out

    @staticmethod
    def items(elements, prefix):
        """How many elements render(elements, prefix) writes at its level (a named scope is one)."""
        count, last = 0, None
        for e in elements:
            s = element_scope(e)
            c = s[len(prefix)] if len(s) > len(prefix) and s[:len(prefix)] == prefix else None
            if c is None or c != last:
                count += 1
            last = c
        return count

    @staticmethod
    def line(depth, text):
        return "    " * depth + text

    @staticmethod
    def close(out):
        """Ends the last line's element list: its trailing comma becomes the closing '>,'."""
        code, sep, comment = out[-1].partition("  //")
        code = code.rstrip()
        assert code.endswith(","), code
        out[-1] = code[:-1] + ">," + (("  //" + comment) if sep else "")

    def block(self, b, prefix, where, depth, name):
        n = b.node
        kind = n.kind
        identity = [k for k, p in enumerate(b.paths) if not p]
        residual = kind == "add" and len(b.paths) == 2 and len(identity) == 1
        if name is None and self.holds_target(b):
            # a target inside, or the merge read by from<>: the block needs a name of its own
            name = self.unique(where, f"{kind}_{n.name}".replace(".", "_").replace("/", "_"), True)
        # an unnamed merge is a scope of a generated name: nothing inside it can be read by name
        inner_where = None if where is None or name is None else where + (name,)
        if inner_where is not None:
            self.full[n.index] = "/".join(inner_where)
        head = self.q("residual" if residual else kind) + "<"
        if name is not None:
            head += f'{self.q("name")}<"{name}">,'
        out = [self.line(depth, head)]
        if residual:
            other = b.paths[1 - identity[0]]
            out.extend(self.render(other, prefix, inner_where, depth + 1))
        else:
            for p in b.paths:
                if not p:
                    out.append(self.line(depth + 1, self.q("identity") + ","))
                elif self.items(p, prefix) == 1:
                    out.extend(self.render(p, prefix, inner_where, depth + 1))
                else:
                    out.append(self.line(depth + 1, self.q("sequence") + "<"))
                    out.extend(self.render(p, prefix, inner_where, depth + 2))
                    self.close(out)
        self.close(out)
        return out

    def one(self, e, prefix, where, depth):
        if isinstance(e, Aux):
            name = self.unique(where, e.name[-1], False)
            out = [self.line(depth, f'{self.q("auxiliary")}<{self.q("name")}<"{name}">,')]
            out.extend(self.render(e.elements, e.name, None if where is None else where + (name,), depth + 1))
            self.close(out)
            return out
        if isinstance(e, From):
            target = self.full.get(e.target.index)
            if target is None:
                raise ImportError_(f"node {e.target.name} ({e.target.op}): read again later, but its "
                                   "name cannot be written (an unnamed block encloses it)")
            return [self.line(depth, f'{self.q("from")}<"{target}">,')]
        if isinstance(e, Block):
            return self.block(e, prefix, where, depth, None)
        n = e.node
        important = n.index in self.targets
        text = self.q(n.kind)
        args = [self.q(a) if a[:1].isalpha() else a for a in n.args]
        name = None
        if n.shared is not None:
            # named inside the shared<> definition's own scope ("<shared>@n" where applied again)
            if n.nameable and n.own is not None and n.shared[1]:
                args.append(f'{self.q("name")}<"{n.own}">')
        elif n.nameable and (n.own is not None or important):
            name = self.unique(where, n.own or n.name.replace("/", "_"), important)
            args.append(f'{self.q("name")}<"{name}">')
            if where is not None:
                self.full[n.index] = "/".join(where + (name,))
        # instance_norm and prelu are templates whose arguments all have defaults: instance_norm<>
        # (import.random found a header that wrote instance_norm and did not compile).
        if args or n.kind in TEMPLATES_WITH_DEFAULTS:
            text += "<" + ", ".join(args) + ">"
        if n.shared is not None:
            shared_name, first = n.shared
            text = (f'{self.q("shared")}<"{shared_name}", {text}>' if first
                    else f'{self.q("shared")}<"{shared_name}">')
        if important and (n.shared is not None or name is None):
            # a layer that takes no name, or a shared<> application (whose entries are named
            # after the definition): a named sequence around it, for from<> to read
            wrap = self.unique(where, n.own or n.name.replace("/", "_").replace(".", "_"), True)
            if where is not None:
                self.full[n.index] = "/".join(where + (wrap,))
            text = f'{self.q("sequence")}<{self.q("name")}<"{wrap}">, {text}>'
        comment = ""
        if n.shape is not None:
            comment = f"  // {n.shape[0]} x {n.shape[1]} x {n.shape[2]}"
        return [self.line(depth, text + ",") + comment]


def mark_heads(nodes, outputs, heads, where):
    """Marks the nodes of each auxiliary head (--auxiliary: a module path, a.b) and returns the
    outputs without the heads'; a head that no node belongs to is an error."""
    for head in heads:
        path = tuple(head.split("."))
        found = False
        for n in nodes:
            if n.kind != "input" and (n.scope[:len(path)] == path or where(n, path)):
                n.head = path
                found = True
        if not found:
            raise ImportError_(f"--auxiliary {head}: no layer of the model runs in a module of that path")
    return [o for o in outputs if nodes[o].head is None]


def render_network(nodes, outputs, input_shape, ns="netcount", indent=1, suffix=""):
    """The text of network<input<...>, ...> for the graph, then suffix (before the last line's
    comment)."""
    elements = Structure(nodes, outputs).build()
    r = Renderer(elements, outputs, nodes, ns)
    body = r.render(elements, (), (), indent + 1)
    if len(outputs) > 1:
        names = []
        for o in outputs:
            if o not in r.full:
                raise ImportError_(f"output {nodes[o].name} ({nodes[o].op}): its name cannot be written")
            names.append(f'"{r.full[o]}"')
        body.append(Renderer.line(indent + 1, f'{ns}::outputs<{", ".join(names)}>,'))
    h, w, c = input_shape
    lines = [Renderer.line(indent, f"{ns}::network<{ns}::input<{h}, {w}, {c}>,")] + body
    code, sep, comment = lines[-1].partition("  //")
    code = code.rstrip()
    assert code.endswith(",")
    lines[-1] = code[:-1] + ">" + suffix + (("  //" + comment) if sep else "")
    return "\n".join(lines)
