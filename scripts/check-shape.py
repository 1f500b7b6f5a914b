#!/usr/bin/env python3
"""Code-shape checks of issue 9, measured on the tree (no compiler needed).

  scripts/check-shape.py            report, exit 1 if a rule is broken
  scripts/check-shape.py --report   report only (always exit 0)

Rules:
  1. No import cycle between the files (modules) of a crate, nor between its top-level
     folders (a folder is a module with children). An edge A -> B is a
     `crate::b::…` or `super::…` path in A that names module B (test code excluded).
     Crate roots (lib.rs / main.rs) are facades: edges into and out of them are ignored,
     as are `mod` declarations.
  2. No non-test function over MAX_FN_LINES lines (signature to closing brace).
Files under tests/, benches/ and examples/, `#[cfg(test)]` modules and `#[test]`
functions are test code.
"""
import os
import re
import sys

MAX_FN_LINES = 80
ROOTS = ["crates", "ui", "src-tauri"]
SKIP_DIRS = {"target", "node_modules", "dist", "tests", "benches", "examples", ".git"}


def strip_code(text):
    """Blank out comments, string and char literals (keeping newlines) so braces and
    paths can be scanned."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            hashes = m.group(1)
            end = text.find('"' + hashes, i + len(m.group(0)))
            end = n if end < 0 else end + 1 + len(hashes)
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append('"' + re.sub(r"[^\n]", " ", text[i + 1:j - 1]) + '"')
            i = j
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            if m:
                out.append(" " * len(m.group(0)))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def match_brace(code, open_idx):
    depth = 0
    for k in range(open_idx, len(code)):
        if code[k] == "{":
            depth += 1
        elif code[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    return len(code) - 1


def remove_test_code(code):
    """Blank `#[cfg(test)]` items and `#[test]` functions."""
    pattern = re.compile(r"#\[cfg\(test\)\]|#\[(tokio::)?test[^\]]*\]|#\[wasm_bindgen_test\]")
    chars = list(code)
    for m in pattern.finditer(code):
        brace = code.find("{", m.end())
        semi = code.find(";", m.end())
        if brace < 0 or (0 <= semi < brace):
            continue
        end = match_brace(code, brace)
        for k in range(m.start(), end + 1):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def crate_dirs():
    for root in ROOTS:
        if os.path.isfile(os.path.join(root, "Cargo.toml")):
            yield root
        elif os.path.isdir(root):
            for name in sorted(os.listdir(root)):
                d = os.path.join(root, name)
                if os.path.isfile(os.path.join(d, "Cargo.toml")):
                    yield d


def module_files(src):
    """{module path tuple: file} for every .rs file under src (not bin/ test dirs)."""
    mods = {}
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and d != "bin"]
        for f in filenames:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), src)
            parts = rel[:-3].split(os.sep)
            if parts[-1] == "mod":
                parts = parts[:-1]
            if parts == ["lib"]:
                parts = []
            elif parts == ["main"]:
                # A binary root beside lib.rs is a second facade, not a module.
                parts = ["<main>"]
            mods[tuple(parts)] = os.path.join(dirpath, f)
    if ("<main>",) in mods and () not in mods:
        mods[()] = mods.pop(("<main>",))
    return mods


def resolve(path, mods):
    """The deepest module named by a path tuple."""
    for k in range(len(path), 0, -1):
        if tuple(path[:k]) in mods:
            return tuple(path[:k])
    return None


PATH_RE = re.compile(r"\b(crate|super)((?:::\w+)+)|\bcrate::\{([^}]*)\}")
USE_GROUP_RE = re.compile(r"\buse\s+(crate|super(?:::super)*)::\{([^;]*)\};", re.S)


def edges_of(module, code, mods):
    found = set()

    def add(base, rest):
        path = list(rest)
        if base == "crate":
            target = resolve(path, mods)
        else:
            up = list(module[:-1]) if module else []
            target = resolve(up + path, mods)
        if target is not None and target != () and target != module:
            found.add(target)

    for m in USE_GROUP_RE.finditer(code):
        base = m.group(1)
        levels = base.count("super")
        for item in re.split(r",", m.group(2)):
            names = [p for p in re.split(r"::", item.strip()) if p and re.match(r"^\w+$", p)]
            if not names:
                continue
            if base == "crate":
                add("crate", names)
            else:
                prefix = list(module[:-levels]) if levels <= len(module) else []
                add("crate", prefix + names)
    for m in PATH_RE.finditer(code):
        if m.group(1):
            base = m.group(1)
            rest = [p for p in m.group(2).split("::") if p]
            if base == "super":
                # super::super::x
                levels = 1
                while rest and rest[0] == "super":
                    levels += 1
                    rest = rest[1:]
                prefix = list(module[:-levels]) if levels <= len(module) else []
                add("crate", prefix + rest)
            else:
                add("crate", rest)
    return found


def sccs(graph):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            visit(v)
    return out


FN_RE = re.compile(r"^[ \t]*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+\"[^\"]*\"\s+)?fn\s+(\w+)", re.M)


def long_functions(path, code):
    found = []
    for m in FN_RE.finditer(code):
        brace = code.find("{", m.end())
        semi = code.find(";", m.end())
        if brace < 0 or (0 <= semi < brace):
            continue  # a declaration without a body
        end = match_brace(code, brace)
        start_line = code.count("\n", 0, m.start()) + 1
        end_line = code.count("\n", 0, end) + 1
        lines = end_line - start_line + 1
        if lines > MAX_FN_LINES:
            found.append((lines, f"{path}:{start_line} {m.group(1)}"))
    return found


def main():
    report_only = "--report" in sys.argv
    cycles, longs, fn_count = [], [], 0
    for crate in crate_dirs():
        src = os.path.join(crate, "src")
        if not os.path.isdir(src):
            continue
        mods = module_files(src)
        graph = {}
        for module, path in mods.items():
            with open(path, encoding="utf-8") as f:
                code = remove_test_code(strip_code(f.read()))
            fn_count += len(FN_RE.findall(code))
            longs.extend(long_functions(path, code))
            if module in ((), ("<main>",)):
                continue
            graph[module] = {t for t in edges_of(module, code, mods) if t != ()}
        for comp in sccs(graph):
            cycles.append((crate, ["::".join(c) for c in comp]))
        # The same between top-level folders (`services -> state -> ws -> services`).
        folders = {}
        for module, targets in graph.items():
            if len(module) < 2 and not any(len(m) > 1 and m[0] == module[0] for m in mods):
                continue
            for t in targets:
                if t[0] != module[0] and any(len(m) > 1 and m[0] == t[0] for m in mods):
                    folders.setdefault((module[0],), set()).add((t[0],))
        for comp in sccs(folders):
            cycles.append((crate, [c[0] + "/" for c in comp]))
    for crate, comp in cycles:
        print(f"import cycle in {crate}: {{{', '.join(comp)}}}")
    for lines, where in sorted(longs, reverse=True):
        print(f"function over {MAX_FN_LINES} lines: {lines} {where}")
    print(f"{len(cycles)} import cycles, {len(longs)} of {fn_count} non-test functions over {MAX_FN_LINES} lines")
    if report_only:
        return 0
    return 1 if cycles or longs else 0


if __name__ == "__main__":
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    sys.exit(main())
