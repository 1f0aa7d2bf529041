"""TFLite Micro's GreedyMemoryPlanner as docs/deploy.md ("TFLite Micro's tensor arena") states
its rules, written from that statement and not from netcount's code, so that the two check each
other. Standard library only.

  - buffers are placed by size, largest first; among equal sizes the one added last first;
  - each goes at the lowest offset of the first gap, between the buffers already placed whose
    lifetimes overlap its own (both ends included) taken by offset, that holds it; else right
    after the furthest end among them; 0 when none overlaps;
  - the head is the most offset + size.

Run as a script, it prints the plan of TFLM's person detection test buffers
(greedy_memory_planner_test.cc, TestPersonDetectionModel), which tests/static/tflm.cpp asserts.
With --compare PROGRAM SEED CASES it runs tflm_fuzz (tflm_fuzz.cpp: random buffer lists through
netcount's greedy_plan) and checks every offset and head against its own plan (CTest's
tflm_planner test); exit status 1 on the first difference. tflm_nets.py plans the converted
graphs of the cross-check's random networks with plan() (the tflm_nets test).
"""


def plan(buffers):
    """buffers: (size, first_step, last_step) in the order of addition. Returns (offsets, head)."""
    ids = sorted(range(len(buffers)), key=lambda i: (-buffers[i][0], -i))
    offsets = {}
    for i in ids:
        size, first, last = buffers[i]
        overlapping = sorted((offsets[j], offsets[j] + buffers[j][0]) for j in offsets
                             if not (buffers[j][1] > last or first > buffers[j][2]))
        offset = 0
        for start, end in overlapping:
            if start - offset >= size:
                break
            offset = max(offset, end)
        offsets[i] = offset
    head = max((offsets[i] + buffers[i][0] for i in offsets), default=0)
    return [offsets[i] for i in range(len(buffers))], head


def live_peak(buffers):
    """The most, over the steps, of the sizes of the buffers live at that step."""
    steps = max((b[2] for b in buffers), default=0)
    return max(sum(b[0] for b in buffers if b[1] <= s <= b[2]) for s in range(steps + 1))


PERSON_DETECTION = [
    (9216, 0, 29), (3, 28, 29), (256, 27, 28), (2304, 26, 27), (2304, 25, 26), (2304, 24, 25),
    (1152, 23, 24), (4608, 22, 23), (4608, 21, 22), (4608, 20, 21), (4608, 19, 20), (4608, 18, 19),
    (4608, 17, 18), (4608, 16, 17), (4608, 15, 16), (4608, 14, 15), (4608, 13, 14), (4608, 12, 13),
    (2304, 11, 12), (9216, 10, 11), (9216, 9, 10), (9216, 8, 9), (4608, 7, 8), (18432, 6, 7),
    (18432, 5, 6), (18432, 4, 5), (9216, 3, 4), (36864, 2, 3), (18432, 1, 2), (18432, 0, 1)]

def compare(program, seed, cases):
    import subprocess
    out = subprocess.run([program, seed, cases], capture_output=True, text=True, check=True).stdout
    count = 0
    for line in out.splitlines():
        parts = line.split()
        items = [tuple(int(v) for v in p.split(",")) for p in parts[1:-2]]
        offsets, head = plan([(b, f, l) for b, f, l, _ in items])
        if offsets != [o for *_, o in items] or head != int(parts[-1]):
            print("differs:", line, "\nplanner:", offsets, head)
            return 1
        count += 1
    print(f"{count} buffer lists: every offset and head agree")
    return 0 if count == int(cases) else 1


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 5 and sys.argv[1] == "--compare":
        sys.exit(compare(*sys.argv[2:]))
    for name, b in [("medium", [(10, 0, 1), (20, 1, 2), (30, 2, 3), (40, 3, 4), (50, 0, 1)]),
                    ("person_detection", PERSON_DETECTION)]:
        offsets, head = plan(b)
        print(f"{name}: head {head}, live peak {live_peak(b)}, offsets {offsets}")
