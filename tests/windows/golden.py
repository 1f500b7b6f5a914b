#!/usr/bin/env python3
"""The golden vectors through the Windows `nps.exe` (under Wine) and the Linux `nps`:
for every full-reading vector and every stamp vector with a date, both binaries get the
same arguments and must print the same bytes with exit status 0, and the JSON must equal
the vector's output. Then the human-readable reports (English and Persian, which go
through the console encoding and line endings on Windows) and a bad-input error (exit 2,
one line on stderr) must also match byte for byte.

    golden.py LINUX_NPS WINE WINDOWS_NPS VECTORS_DIR

Prints "ok <check>" or "FAILED <check>" per check (scripts/test-windows.sh counts them)
and exits 1 if any failed. Standard library only.
"""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

LINUX_NPS, WINE, WINDOWS_NPS, VECTORS = sys.argv[1:5]
# Windows processes under Wine start slowly (~0.3-1 s); a few run at once.
PARALLEL = 4
ENV = {k: v for k, v in os.environ.items() if k != "NPS_LOCALE"}
failures = 0


def run(argv):
    try:
        p = subprocess.run(argv, capture_output=True, env=ENV, timeout=60)
    except subprocess.TimeoutExpired:
        return None, b"", b"no answer within 60 s"
    return p.returncode, p.stdout, p.stderr


def both(args):
    """(linux result, windows result) for one argument list."""
    return run([LINUX_NPS, *args]), run([WINE, WINDOWS_NPS, *args])


def report(ok, name, detail=""):
    global failures
    if ok:
        print(f"ok     {name}")
    else:
        failures += 1
        print(f"FAILED {name}\n{detail}")


def load(name):
    with open(os.path.join(VECTORS, name), encoding="utf-8") as f:
        return json.load(f)["cases"]


def full_args(case):
    """The CLI arguments of a full-reading vector (as crates/cli/tests/cli.rs builds them:
    the moment is the one the output describes)."""
    i, want = case["input"], case["output"]
    args = ["full", "--json", "--name", i["name"], "--birth", i["birth"],
            "--at", want["fc60_stamp"]["iso"]]
    for flag, key in (("--mother", "mother"), ("--gender", "gender"), ("--system", "system")):
        if isinstance(i.get(key), str):
            args += [flag, i[key]]
    for flag, key in (("--lat", "lat"), ("--lon", "lon"), ("--bpm", "bpm")):
        if i.get(key) is not None:
            args += [flag, json.dumps(i[key])]
    return args


def compare_vectors(title, cases):
    """Every case through both binaries; one check for the whole file."""
    with ThreadPoolExecutor(PARALLEL) as pool:
        results = list(pool.map(lambda c: both(c[0]), cases))
    problems = []
    for (args, want), (linux, windows) in zip(cases, results):
        if linux[0] != 0 or linux != windows:
            problems.append(f"  {args}\n    linux   {linux}\n    windows {windows}")
        elif json.loads(windows[1]) != want:
            problems.append(f"  {args}\n    json differs from the vector: {windows[1]!r}")
    report(not problems and len(cases) > 0,
           f"{title}: {len(cases) - len(problems)} of {len(cases)} identical on Windows and Linux",
           "\n".join(problems[:5]))


def main():
    full = [(full_args(c), c["output"]) for c in load("full_readings.json")]
    compare_vectors("full-reading vectors (nps full --json)", full)
    stamps = []
    for c in load("fc60_stamps.json"):
        when = c["input"].get("datetime") or c["input"].get("date")
        if when:
            stamps.append((["stamp", when, "--json"], c["output"]))
    compare_vectors("stamp vectors (nps stamp --json)", stamps)

    texts = {
        "English stamp report": ["stamp", "2026-02-06T01:15:00+08:00"],
        "English full report": ["full", "--name", "Alice Johnson", "--birth", "1990-07-15",
                                "--at", "2026-02-09T14:30:00-05:00", "--lat", "40.7",
                                "--lon", "-74.0"],
        "Persian numerology report": ["--locale", "fa", "numerology", "--name", "علی رضایی",
                                      "--birth", "1985-03-21", "--today", "2026-03-20"],
        "Persian full reading text": ["read", "full", "--name", "علی رضایی", "--birth",
                                      "1985-03-21", "--at", "2026-02-09T14:30:00+03:30",
                                      "--locale", "fa"],
    }
    for name, args in texts.items():
        linux, windows = both(args)
        report(linux[0] == 0 and linux == windows and b"\r" not in windows[1],
               f"{name}: same bytes, LF line endings ({len(windows[1])} bytes)",
               f"    linux   {linux}\n    windows {windows}")
    linux, windows = both(["stamp", "2026-13-01"])
    report(linux == windows and windows[0] == 2 and windows[2].count(b"\n") == 1
           and not windows[1],
           "bad input: exit 2 and the same one line on stderr",
           f"    linux   {linux}\n    windows {windows}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
