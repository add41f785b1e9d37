#!/usr/bin/env python3
"""The client side of ops/chaos (gRPC/HTTP2, grpc.aio, stubs generated from proto-spec).

    chaos_client.py writes   --port P --token T --seconds S --log FILE
        Admin writes (Tokens/IssueToken, unique names) one after another for S seconds; every
        acknowledged (OK) name goes to FILE, one a line, flushed before the next call. Prints the
        count by status. Deadline 3 s per call.
    chaos_client.py wait-serving --port P --token T --within SECONDS
        Polls SearchProviders (deadline 1 s) until it succeeds; prints the seconds it took; exit 1
        when it did not within SECONDS.
    chaos_client.py hung --port P --token T --deadline D --calls N
        N searches with deadline D against a hung database: each must fail by D + 1 s with
        DEADLINE_EXCEEDED or UNAVAILABLE (exit 1 otherwise); prints each elapsed time.
    chaos_client.py health --port P
        Prints the whole-server health status (SERVING, NOT_SERVING, or the error).
"""

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from soak_load import generate  # noqa: E402


async def writes(a, m):
    import grpc
    async with grpc.aio.insecure_channel(f"127.0.0.1:{a.port}") as channel:
        tokens = m["vetting.v1.tokens_pb2_grpc"].TokensStub(channel)
        md = (("authorization", f"Bearer {a.token}"),)
        counts = {}
        stop = time.monotonic() + a.seconds
        n = 0
        with open(a.log, "a") as log:
            while time.monotonic() < stop:
                n += 1
                name = f"{a.prefix}-{n}"
                try:
                    await tokens.IssueToken(m["vetting.v1.tokens_pb2"].IssueTokenRequest(name=name, role=1),
                                            metadata=md, timeout=3)
                    log.write(name + "\n")
                    log.flush()
                    counts["OK"] = counts.get("OK", 0) + 1
                except grpc.aio.AioRpcError as error:
                    key = error.code().name
                    counts[key] = counts.get(key, 0) + 1
                    await asyncio.sleep(0.05)
        print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))


async def wait_serving(a, m):
    import grpc
    started = time.monotonic()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{a.port}") as channel:
        directory = m["vetting.v1.directory_pb2_grpc"].DirectoryStub(channel)
        md = (("authorization", f"Bearer {a.token}"),)
        last = ""
        while time.monotonic() - started < a.within:
            try:
                await directory.SearchProviders(m["vetting.v1.directory_pb2"].SearchProvidersRequest(page_size=1),
                                                metadata=md, timeout=1)
                print(f"{time.monotonic() - started:.2f}")
                return 0
            except grpc.aio.AioRpcError as error:
                last = f"{error.code().name}: {error.details()}"
                await asyncio.sleep(0.05)
    print(f"not serving after {a.within} s; last: {last}")
    return 1


async def hung(a, m):
    import grpc
    bad = 0
    async with grpc.aio.insecure_channel(f"127.0.0.1:{a.port}") as channel:
        directory = m["vetting.v1.directory_pb2_grpc"].DirectoryStub(channel)
        md = (("authorization", f"Bearer {a.token}"),)

        async def one(i):
            nonlocal bad
            started = time.monotonic()
            try:
                await directory.SearchProviders(
                    m["vetting.v1.directory_pb2"].SearchProvidersRequest(text=f"hung {i}", page_size=5),
                    metadata=md, timeout=a.deadline)
                code = "OK"
            except grpc.aio.AioRpcError as error:
                code = error.code().name
            elapsed = time.monotonic() - started
            ok = code in ("DEADLINE_EXCEEDED", "UNAVAILABLE") and elapsed <= a.deadline + 1.0
            bad += 0 if ok else 1
            print(f"call {i}: {code} after {elapsed:.2f} s{'' if ok else '  <-- WRONG'}")

        await asyncio.gather(*[one(i) for i in range(a.calls)])
    return 1 if bad else 0


async def health(a, m):
    import grpc
    async with grpc.aio.insecure_channel(f"127.0.0.1:{a.port}") as channel:
        stub = m["health_pb2_grpc"].HealthStub(channel)
        try:
            reply = await stub.Check(m["health_pb2"].HealthCheckRequest(), timeout=2)
            print(m["health_pb2"].HealthCheckResponse.ServingStatus.Name(reply.status))
        except grpc.aio.AioRpcError as error:
            print(f"ERROR {error.code().name}")
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["writes", "wait-serving", "hung", "health"])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--token", default="")
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--log")
    p.add_argument("--prefix", default="chaos")
    p.add_argument("--within", type=float, default=10)
    p.add_argument("--deadline", type=float, default=2)
    p.add_argument("--calls", type=int, default=5)
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="chaos-protos-") as workdir:
        m = generate(workdir, extra=["vetting.v1.tokens_pb2", "vetting.v1.tokens_pb2_grpc"])
        fn = {"writes": writes, "wait-serving": wait_serving, "hung": hung, "health": health}[a.command]
        sys.exit(asyncio.run(fn(a, m)) or 0)


if __name__ == "__main__":
    main()
