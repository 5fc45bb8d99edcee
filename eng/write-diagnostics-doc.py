#!/usr/bin/env python3
"""Rewrites the sections of docs/diagnostics.md from src/OpenApiGen/Diagnostics/DiagnosticDescriptors.cs (the intro is kept).
DiagnosticCatalogueConsistencyTests fails when the two disagree; run this after adding or changing a descriptor."""
import os, re
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = open(os.path.join(root, "src/OpenApiGen/Diagnostics/DiagnosticDescriptors.cs")).read()
items = re.findall(r'public static readonly DiagnosticDescriptor (\w+) = Create\(\s*"(OAG\d+)", "((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)",\s*DiagnosticSeverity\.(\w+),\s*"((?:[^"\\]|\\.)*)"\);', source)
path = os.path.join(root, "docs/diagnostics.md")
doc = open(path).read()
out = [doc[:doc.index("## OAG001")].rstrip("\n"), ""]
unescape = lambda t: t.replace('\\"', '"')
for _, id, title, message, severity, help in sorted(items, key=lambda x: x[1]):
    out += [f"## {id}: {unescape(title)}", "", f"Severity: {severity}.", "", f"Message: `{unescape(message)}`", "", unescape(help), ""]
open(path, "w").write("\n".join(out))
print(f"{len(items)} diagnostics written to docs/diagnostics.md")
