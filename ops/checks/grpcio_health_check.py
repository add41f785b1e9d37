#!/usr/bin/env python3
"""Interop check: a stock gRPC client (grpcio + grpcio-health-checking from PyPI) calls the
standard health service of a server over gRPC/HTTP2.

    grpcio_health_check.py HOST PORT [--service NAME] [--expect-status SERVING]

Calls grpc.health.v1.Health/Check for the service ('' = the whole server) and, as a second
stock-client proof, List. Prints what it received; exits 0 when Check answers the expected
status, 1 when it does not or the call fails, 2 when grpcio or grpcio-health-checking is missing.
"""

import argparse
import sys

try:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc
except ImportError as missing:
    print(f"grpcio_health_check: {missing}: run ops/test, or "
          "python3 -m pip install -r ops/requirements-test.txt", file=sys.stderr)
    sys.exit(2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--service", default="")
    parser.add_argument("--expect-status", default="SERVING")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds")
    args = parser.parse_args()

    target = f"{args.host}:{args.port}"
    with grpc.insecure_channel(target) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        try:
            response = stub.Check(
                health_pb2.HealthCheckRequest(service=args.service), timeout=args.timeout)
            listed = stub.List(health_pb2.HealthListRequest(), timeout=args.timeout)
        except grpc.RpcError as error:
            print(f"grpcio_health_check: call to {target} failed: {error.code()} "
                  f"{error.details()}", file=sys.stderr)
            sys.exit(1)

    status = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
    print(f"Check({args.service!r}) = {status}")
    for name in sorted(listed.statuses):
        value = health_pb2.HealthCheckResponse.ServingStatus.Name(listed.statuses[name].status)
        print(f"List: {name!r} = {value}")
    if status != args.expect_status:
        print(f"grpcio_health_check: expected {args.expect_status}, got {status}", file=sys.stderr)
        sys.exit(1)
    print(f"OK: grpcio health check of {target} is {status}")


if __name__ == "__main__":
    main()
