#!/usr/bin/env python3
"""Checks that proto-spec/grpc/health/v1/health.proto is the standard grpc.health.v1 protocol:
its descriptor (package, messages, fields, enum values, service, methods, options) must equal the
one shipped in grpcio-health-checking, so stock clients interoperate.

    health_proto_matches.py

Exits 0 when they match, 1 with the differences when not, 2 when protoc or the packages are
missing.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SPEC = Path(__file__).resolve().parents[2] / "proto-spec"

try:
    from google.protobuf import descriptor_pb2
    from grpc_health.v1 import health_pb2
except ImportError as missing:
    print(f"health_proto_matches: {missing}: run ops/test, or "
          "python3 -m pip install -r ops/requirements-test.txt", file=sys.stderr)
    sys.exit(2)


def clear_json_names(message):
    for field in message.field:
        field.ClearField("json_name")
    for nested in message.nested_type:
        clear_json_names(nested)


def main():
    protoc = shutil.which("protoc")
    if protoc is None:
        print("health_proto_matches: protoc not found: install protobuf-compiler", file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory() as workdir:
        out = Path(workdir) / "health.pb"
        subprocess.run([protoc, f"-I{SPEC}", f"--descriptor_set_out={out}",
                        "grpc/health/v1/health.proto"], check=True)
        ours = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes()).file[0]
    theirs = descriptor_pb2.FileDescriptorProto()
    health_pb2.DESCRIPTOR.CopyToProto(theirs)
    # The file name differs by packaging (grpc_health/v1 vs grpc/health/v1); everything that
    # reaches the wire or generated code must not.
    ours.ClearField("name")
    theirs.ClearField("name")
    # protoc's descriptor sets fill in json_name, which the embedded descriptors omit; it is
    # derived from the field name, which is compared.
    for message in ours.message_type:
        clear_json_names(message)
    if ours != theirs:
        print("health_proto_matches: our health.proto differs from grpcio-health-checking's:",
              file=sys.stderr)
        print(f"--- ours\n{ours}\n--- grpcio-health-checking\n{theirs}", file=sys.stderr)
        sys.exit(1)
    print("OK: proto-spec/grpc/health/v1/health.proto matches grpcio-health-checking "
          f"({len(ours.message_type)} messages, {len(ours.service[0].method)} methods)")


if __name__ == "__main__":
    main()
