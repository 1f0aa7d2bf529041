"""The command line that crosscheck.py, shape_fuzz.py and tools/limits/limits.py share: their own
options, then "--" and the command that compiles netcount's side (default: $CXX, or c++, with
C++20 and the project's warnings), to which netcount's include directory and the harness's own
are added."""

import argparse
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def parser(doc):
    """An argument parser whose description is the first paragraph of the script's docstring."""
    return argparse.ArgumentParser(description=doc.split("\n\n")[0],
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


def parse(p, argv, harness_dir):
    """(the parsed options, the compile command): argv's part before "--" goes to p, the part
    after it is the compile command."""
    command = []
    if "--" in argv:
        split = argv.index("--")
        argv, command = argv[:split], argv[split + 1:]
    args = p.parse_args(argv)
    if not command:
        command = [os.environ.get("CXX", "c++"), "-std=c++20", "-Wall", "-Wextra", "-Wpedantic", "-Werror"]
    return args, command + ["-I" + os.path.join(ROOT, "include"), "-I" + harness_dir]
