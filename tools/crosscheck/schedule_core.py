"""The memory schedule of netcount's peak_activations<Net> (docs/deploy.md, "Peak memory of an
inference run") over a plain list of nodes: written from the statement of the schedule, not
from netcount's code, so that the two check each other. Standard library only: schedule.py
applies it to a torch.fx trace (crosscheck), tools/limits/limits.py to its random networks
near 2^64 (no torch there), both with Python's exact integers.

  - nodes run in the list's order; a node that reads nothing (the network input) is a buffer;
  - every node writes a new buffer of its output's size, except an elementwise one that is the
    last reader of its input's data, which writes over its input's buffer, and a view, which
    is its input's buffer; either only over as many elements as its input holds;
  - "its input's data" is what the input wrote together with every view of it;
  - with in_place_depthwise, a depthwise convolution (role DEPTHWISE) that is the last reader
    of its input's data writes over its input's buffer too, if its output holds at most as
    many elements, and one channel of its output (its `scratch`) is live while it runs;
    without it, a DEPTHWISE node is a BUFFER;
  - a buffer is freed after its last reader (through any view or in-place write); the outputs
    are never freed, nor written over in place (they are read after every node);
  - while a node runs, the live elements are those of every buffer written at or before it and
    read at or after it.
"""

BUFFER, ELEMENTWISE, VIEW, DEPTHWISE = "buffer", "elementwise", "view", "depthwise"


class Node:
    """One node of the schedule: the elements of its output, the indices of the nodes it reads
    (earlier in the list; the first is the one an elementwise node or a view works on), its
    role (BUFFER, ELEMENTWISE, VIEW or DEPTHWISE) and, for DEPTHWISE, the elements of one
    channel of its output."""

    def __init__(self, size, inputs=(), role=BUFFER, scratch=0):
        self.size, self.inputs, self.role, self.scratch = size, list(inputs), role, scratch


def live_activations(nodes, outputs, in_place_depthwise=False):
    """The live elements while each node runs, in order; `outputs` are the indices of the nodes
    whose buffers are never freed; in_place_depthwise as schedule{.in_place_depthwise}."""
    readers = [[] for _ in nodes]
    for i, n in enumerate(nodes):
        for j in n.inputs:
            readers[j].append(i)

    def carries(i):
        """Node i works on its first input's buffer, if its role lets it, with as many elements
        (a depthwise convolution in place: at most as many)."""
        n = nodes[i]
        if n.role == DEPTHWISE:
            return in_place_depthwise and len(n.inputs) == 1 and nodes[n.inputs[0]].size >= n.size
        return n.role != BUFFER and n.inputs and nodes[n.inputs[0]].size == n.size

    # The data a node holds: its own, or (a view) its input's; and its last reader.
    group = []
    for i, n in enumerate(nodes):
        group.append(group[n.inputs[0]] if n.role == VIEW and carries(i) else i)
    last_read = {}
    for i, n in enumerate(nodes):
        for j in n.inputs:
            last_read[group[j]] = max(last_read.get(group[j], -1), i)
    for o in outputs:
        last_read[group[o]] = len(nodes)

    # The buffer each node's output is in.
    owner = []
    for i, n in enumerate(nodes):
        reuse = carries(i) and (n.role == VIEW or (len(n.inputs) == 1 and last_read.get(group[n.inputs[0]]) == i))
        owner.append(owner[n.inputs[0]] if reuse else i)

    # Each buffer lives from the node that wrote it to the last node that reads or writes it.
    end = {}
    for i in range(len(nodes)):
        end[owner[i]] = max(end.get(owner[i], -1), i, *readers[i])
    for o in outputs:
        end[owner[o]] = len(nodes)
    # A depthwise convolution in place has one channel of scratch while it runs.
    scratch = [n.scratch if n.role == DEPTHWISE and owner[i] != i else 0 for i, n in enumerate(nodes)]
    return [sum(nodes[b].size for b, last in end.items() if b <= i <= last) + scratch[i] for i in range(len(nodes))]
