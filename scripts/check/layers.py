#!/usr/bin/env python3
"""Fails when a crate's modules import each other in a circle.

Each top-level module of a crate's src/ is a node; so is each folder under
a registry folder (core's schemes/, the host's vendors/), since a vendor's
folder is a layer of its own. An edge is any `crate::a::…` path in a
module's non-test code, calls such as `crate::schemes::spec(…)` included
(a call into the registry is a use of it). Prints every circle and exits 1
if there is one.

Usage: scripts/check/layers.py CRATE_SRC_DIR...
"""
import os
import re
import sys
from collections import defaultdict

REGISTRY_FOLDERS = {"schemes", "vendors"}


def node_of(root, path):
    parts = os.path.relpath(path, root)[:-3].split(os.sep)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    if not parts:
        return "crate"
    if parts[0] in REGISTRY_FOLDERS and len(parts) > 1:
        return parts[0] + "::" + parts[1]
    return parts[0]


def target_of(root, path):
    parts = path.split("::")
    if parts[0] in REGISTRY_FOLDERS and len(parts) > 1 and os.path.isdir(os.path.join(root, parts[0], parts[1])):
        return parts[0] + "::" + parts[1]
    return parts[0]


def graph(root):
    edges = defaultdict(set)
    nodes = set()
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if not name.endswith(".rs") or name == "tests.rs" or "tests" in os.path.relpath(folder, root).split(os.sep):
                continue
            node = node_of(root, path)
            nodes.add(node)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read().split("#[cfg(test)]")[0]
            text = re.sub(r"//[^\n]*", "", text)
            for group in re.finditer(r"crate::\{([^}]*)\}", text):
                for item in group.group(1).split(","):
                    item = item.strip()
                    if item:
                        edges[node].add(target_of(root, item.split("::{")[0]))
            for used in re.finditer(r"crate::([a-z_0-9]+(?:::[a-z_0-9]+)?)", text):
                edges[node].add(target_of(root, used.group(1)))
            if node in REGISTRY_FOLDERS:
                for child in re.finditer(r"^\s*(?:pub(?:\([a-z]+\))?\s+)?mod\s+([a-z_0-9]+)\s*;", text, re.M):
                    edges[node].add(node + "::" + child.group(1))
    return nodes, {n: {t for t in ts if t != n and t in nodes} for n, ts in edges.items()}


def circles(nodes, edges):
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


def main(roots):
    failed = False
    for root in roots:
        nodes, edges = graph(root)
        found = circles(nodes, edges)
        for circle in found:
            failed = True
            inside = set(circle)
            print(f"{root}: modules importing each other in a circle: {', '.join(circle)}")
            for node in circle:
                print(f"  {node} -> {', '.join(sorted(edges.get(node, set()) & inside))}")
        if not found:
            print(f"{root}: {len(nodes)} modules, no import circle")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["crates/core/src"]))
