#!/usr/bin/env python3
"""Spec proof: call grpc.health.v1.Health/Check over FramedRPC with nothing but sockets and the
official protobuf package, following proto-spec/FRAMING.md alone.

    framedrpc_health_check.py HOST PORT [--service NAME] [--expect-status SERVING]
                              [--expect-code 0]

The message classes are generated at run time with `protoc --python_out` from
proto-spec/framing.proto and proto-spec/grpc/health/v1/health.proto into a temporary folder.
Prints what it sent and received; exits 0 when the call ends with the expected status code (and,
for code 0, the expected serving status), 1 when it does not, 2 when it cannot run (no protoc,
no protobuf package), 3 when the server breaks the protocol.

It deliberately does not import grpc: the point is that FRAMING.md suffices.

Where FRAMING.md (version 1) leaves a choice open, this client assumes:
- a MESSAGE without END_STREAM followed by a HALF_CLOSE frame is a valid unary request (4.5
  allows it; what a server does with a second half-close, flag and frame both, is not said, so
  this client sends exactly one);
- a server preface with a version other than 1 that is not followed by GOAWAY is not an error
  the client must act on (section 1 says "if the version differs, see below" but only describes
  the server's side); it reports the version and continues;
- GOAWAY with last_stream_id >= 1 still lets stream 1 finish (4.8), so it only logs it;
- the status code of TRAILERS is checked against 0..16 only by the caller's expectation (section 7
  says a client treats codes above 16 as UNKNOWN).
"""

import argparse
import importlib
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

SPEC = Path(__file__).resolve().parents[2] / "proto-spec"

# FRAMING.md section 1: magic "FRMRPC" then a big-endian 16-bit version.
MAGIC = b"FRMRPC"
VERSION = 1
PREFACE = MAGIC + struct.pack(">H", VERSION)

# Section 2: length (u32), type (u8), flags (u8), stream id (u32), all big-endian.
HEADER = struct.Struct(">IBBI")

# Section 4.
HEADERS, MESSAGE, TRAILERS, HALF_CLOSE, CANCEL, PING, PONG, GOAWAY = range(1, 9)
NAMES = {1: "HEADERS", 2: "MESSAGE", 3: "TRAILERS", 4: "HALF_CLOSE", 5: "CANCEL", 6: "PING",
         7: "PONG", 8: "GOAWAY"}

# Section 6: our own limit on what the server sends (the spec's default).
MAX_FRAME_SIZE = 4 * 1024 * 1024

STREAM_ID = 1  # section 4.1: the first client stream is odd and positive
PATH = "/grpc.health.v1.Health/Check"


class ProtocolViolation(Exception):
    """The server sent something FRAMING.md does not allow."""


def generate_messages(workdir):
    """Runs protoc on the spec's protos and imports the generated modules."""
    protoc = shutil.which("protoc")
    if protoc is None:
        fail(2, "protoc not found: install Debian's protobuf-compiler (ops/test does)")
    # health.proto is copied to the folder root so its module is `health_pb2`, not
    # `grpc.health.v1.health_pb2`, which would clash with grpcio's `grpc` package if installed.
    shutil.copy(SPEC / "grpc" / "health" / "v1" / "health.proto", Path(workdir) / "health.proto")
    subprocess.run(
        [protoc, f"-I{SPEC}", f"-I{workdir}", f"--python_out={workdir}",
         str(SPEC / "framing.proto"), str(Path(workdir) / "health.proto")],
        check=True,
    )
    sys.path.insert(0, workdir)
    try:
        return importlib.import_module("framing_pb2"), importlib.import_module("health_pb2")
    except ImportError as error:
        fail(2, f"cannot import the generated classes ({error}): "
                "pip install -r ops/requirements-test.txt (ops/test does)")


def fail(code, message):
    print(f"framedrpc_health_check: {message}", file=sys.stderr)
    sys.exit(code)


def frame(frame_type, stream_id, payload=b"", flags=0):
    return HEADER.pack(len(payload), frame_type, flags, stream_id) + payload


def read_exactly(sock, count, what):
    data = bytearray()
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise ProtocolViolation(
                f"connection closed after {len(data)} of {count} bytes of {what}"
                + (f"; received so far: {bytes(data)!r}" if data else ""))
        data += chunk
    return bytes(data)


def read_server_preface(sock):
    preface = read_exactly(sock, len(PREFACE), "the server preface")
    if preface[:len(MAGIC)] != MAGIC:
        raise ProtocolViolation(f"server preface has the wrong magic: {preface.hex(' ')}")
    (version,) = struct.unpack(">H", preface[len(MAGIC):])
    return version


def describe_metadata(entries):
    parts = []
    for entry in entries:
        value = entry.text if entry.WhichOneof("value") == "text" else entry.binary.hex()
        parts.append(f"{entry.key}={value}")
    return "[" + ", ".join(parts) + "]"


def call_check(host, port, service, framing, health, timeout):
    with socket.create_connection((host, port), timeout=timeout) as sock:
        headers = framing.RequestHeaders(path=PATH, timeout_micros=int(timeout * 1_000_000))
        headers.metadata.add(key="x-spec-proof", text="python")
        request = health.HealthCheckRequest(service=service)
        # Section 4.9: preface, HEADERS, MESSAGE, then HALF_CLOSE (the spelled-out half-close).
        outgoing = (PREFACE
                    + frame(HEADERS, STREAM_ID, headers.SerializeToString())
                    + frame(MESSAGE, STREAM_ID, request.SerializeToString())
                    + frame(HALF_CLOSE, STREAM_ID))
        sock.sendall(outgoing)
        print(f"sent: preface v{VERSION}, HEADERS {PATH}, MESSAGE service={service!r}, HALF_CLOSE")

        version = read_server_preface(sock)
        print(f"received: preface v{version}")

        response_headers = None
        messages = []
        while True:
            length, frame_type, flags, stream_id = HEADER.unpack(
                read_exactly(sock, HEADER.size, "a frame header"))
            if length > MAX_FRAME_SIZE:
                raise ProtocolViolation(f"frame of {length} bytes exceeds {MAX_FRAME_SIZE}")
            payload = read_exactly(sock, length, f"a {length}-byte payload")
            name = NAMES.get(frame_type, f"unknown type {frame_type:#04x}")

            if frame_type == PING:
                if stream_id != 0 or length != 8:
                    raise ProtocolViolation(f"PING on stream {stream_id} with {length} bytes")
                sock.sendall(frame(PONG, 0, payload))
                continue
            if frame_type == GOAWAY:
                goaway = framing.GoAway.FromString(payload)
                reason = framing.GoAwayReason.Name(goaway.reason)
                print(f"received: GOAWAY last_stream_id={goaway.last_stream_id} {reason} "
                      f"{goaway.message!r}")
                if goaway.last_stream_id < STREAM_ID:
                    raise ProtocolViolation("the server went away without processing our stream")
                continue
            if frame_type not in NAMES:
                continue  # section 2: unknown frame types are skipped
            if stream_id != STREAM_ID:
                print(f"ignored: {name} for stream {stream_id}, which we never opened (4.9)")
                continue

            if frame_type == HEADERS:
                if response_headers is not None or messages:
                    raise ProtocolViolation("second HEADERS, or HEADERS after a MESSAGE")
                response_headers = framing.ResponseHeaders.FromString(payload)
                print(f"received: HEADERS metadata={describe_metadata(response_headers.metadata)}")
            elif frame_type == MESSAGE:
                message = health.HealthCheckResponse.FromString(payload)
                status = health.HealthCheckResponse.ServingStatus.Name(message.status)
                print(f"received: MESSAGE status={status}")
                messages.append(message)
            elif frame_type == TRAILERS:
                trailers = framing.Trailers.FromString(payload)
                print(f"received: TRAILERS code={trailers.code} message={trailers.message!r} "
                      f"metadata={describe_metadata(trailers.metadata)}")
                return trailers, messages
            else:
                raise ProtocolViolation(f"the server sent {name}, which only clients send")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--service", default="", help="service to check; '' = the whole server")
    parser.add_argument("--expect-status", default="SERVING")
    parser.add_argument("--expect-code", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="framedrpc-spec-proof-") as workdir:
        framing, health = generate_messages(workdir)
        try:
            trailers, messages = call_check(
                args.host, args.port, args.service, framing, health, args.timeout)
        except ProtocolViolation as violation:
            fail(3, f"protocol violation: {violation}")
        except OSError as error:
            fail(1, f"cannot talk to {args.host}:{args.port}: {error}")

        if trailers.code != args.expect_code:
            fail(1, f"status code {trailers.code} ({trailers.message!r}), "
                    f"expected {args.expect_code}")
        if args.expect_code == 0:
            if len(messages) != 1:
                fail(1, f"a unary call returned {len(messages)} messages, expected 1")
            status = health.HealthCheckResponse.ServingStatus.Name(messages[0].status)
            if status != args.expect_status:
                fail(1, f"serving status {status}, expected {args.expect_status}")
            print(f"OK: {PATH} for {args.service!r} is {status}, status code 0")
        else:
            print(f"OK: {PATH} for {args.service!r} ended with code {trailers.code} as expected")


if __name__ == "__main__":
    main()
