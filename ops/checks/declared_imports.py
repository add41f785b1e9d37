#!/usr/bin/env python3
"""Every module a target imports is a dependency it declares in Package.swift.

SwiftPM lets a target import a module that only reaches it through another target's
dependencies; the build then depends on that other target staying as it is. This check reads the
package's own description (`swift package dump-package`) and the import lines of each target's
sources, and names each import that is not declared. Standard library and platform modules are
exempt. Standard library only; run from the package root.
"""
import json
import pathlib
import re
import subprocess
import sys

SYSTEM = {
    "Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Musl",
    "Darwin", "Synchronization", "Testing", "XCTest", "_Concurrency", "RegexBuilder", "os",
}
IMPORT = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:public |package |internal |fileprivate |private )?"
    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)",
    re.M)


def main() -> int:
    package = json.loads(subprocess.run(
        ["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
    problems = []
    for target in package["targets"]:
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        default_root = "Tests" if target["type"] == "test" else "Sources"
        root = pathlib.Path(target.get("path") or f"{default_root}/{target['name']}")
        declared = set()
        for dependency in target["dependencies"]:
            kind, value = next(iter(dependency.items()))
            declared.add(value[0].replace("-", "_"))
        imported = {}
        for source in sorted(root.rglob("*.swift")):
            for module in IMPORT.findall(source.read_text(encoding="utf-8")):
                imported.setdefault(module, source)
        for module, source in sorted(imported.items()):
            if module in SYSTEM or module in declared or module == target["name"]:
                continue
            problems.append(f"{target['name']}: imports {module} ({source}) without declaring it")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} undeclared import(s): add them to the target's dependencies in "
              "Package.swift", file=sys.stderr)
        return 1
    print(f"every import is declared ({len(package['targets'])} targets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
