#!/usr/bin/env python3
"""Stock code generation check: every .proto in proto-spec/ compiles with grpcio-tools' protoc
(messages and gRPC stubs for Python) exactly as the files stand, and every generated module
imports in Python.

    protos_compile.py

This is what a referral network does with our protos in any language, Python being the strictest
about names (a proto package is a module path, and a module can be shadowed: `builtins.v1` was,
by Python's own `builtins`). Exits 0 when every proto compiles and every module imports, 1 naming
the proto or module that does not, 2 when grpcio-tools is missing.

One name is the standard's, not ours: `grpc.health.v1` generates `grpc/health/v1/`, inside
grpcio's installed `grpc` package, and with grpcio-health-checking installed `import
grpc.health.v1.health_pb2` resolves to that package's published module for the same proto (whose
descriptor ops/checks/health_proto_matches.py compares with ours). For modules of that package
the check accepts the published module and says so.
"""

import importlib
import subprocess
import sys
import tempfile
from pathlib import Path

SPEC = Path(__file__).resolve().parents[2] / "proto-spec"

try:
    import grpc_tools
    from grpc_tools import protoc  # noqa: F401  (presence check)
except ImportError as missing:
    print(f"protos_compile: {missing}: run ops/test, or "
          "python3 -m pip install -r ops/requirements-test.txt", file=sys.stderr)
    sys.exit(2)


def fail(message):
    print(f"protos_compile: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    protos = sorted(p.relative_to(SPEC).as_posix() for p in SPEC.rglob("*.proto"))
    if not protos:
        fail(f"no .proto files under {SPEC}")
    # The well-known types (google/protobuf/timestamp.proto, ...) ship inside grpc_tools.
    well_known = Path(grpc_tools.__file__).resolve().parent / "_proto"
    with tempfile.TemporaryDirectory(prefix="protos-compile-") as out:
        # All at once, as a user would run it; then each alone, so a failure names its file.
        command = [sys.executable, "-m", "grpc_tools.protoc", f"-I{SPEC}", f"-I{well_known}",
                   f"--python_out={out}", f"--grpc_python_out={out}", *protos]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            for proto in protos:
                alone = subprocess.run(
                    [sys.executable, "-m", "grpc_tools.protoc", f"-I{SPEC}", f"-I{well_known}",
                     f"--python_out={out}", f"--grpc_python_out={out}", proto],
                    capture_output=True, text=True)
                if alone.returncode != 0:
                    fail(f"{proto} does not compile with grpc_tools.protoc:\n{alone.stderr}")
            fail(f"grpc_tools.protoc failed on the protos together:\n{run.stderr}")

        modules = sorted(
            p.relative_to(out).with_suffix("").as_posix().replace("/", ".")
            for p in Path(out).rglob("*.py"))
        expected = {proto[:-len(".proto")].replace("/", ".") + suffix
                    for proto in protos for suffix in ("_pb2", "_pb2_grpc")}
        missing = expected - set(modules)
        if missing:
            fail(f"protoc did not generate {', '.join(sorted(missing))}")

        sys.path.insert(0, out)
        published = []
        for module in modules:
            try:
                loaded = importlib.import_module(module)
            except Exception as error:  # noqa: BLE001 (report whatever the import raised)
                fail(f"the module generated for {module.replace('.', '/')}.py does not import "
                     f"as `import {module}`: {type(error).__name__}: {error}")
            origin = Path(getattr(loaded, "__file__", "") or "").resolve()
            if Path(out).resolve() not in origin.parents:
                if module.startswith("grpc.health.v1."):
                    published.append(f"{module} -> {origin}")
                    continue
                fail(f"`import {module}` loaded {origin}, not the generated module: "
                     f"its package name is shadowed by another Python module")
        print(f"protos_compile: {len(protos)} protos compiled; {len(modules)} generated modules "
              f"import ({', '.join(modules)})")
        for line in published:
            print(f"protos_compile: the standard's own name resolves to the published module: {line}")


if __name__ == "__main__":
    main()
