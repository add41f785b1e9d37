#!/usr/bin/env python3
"""Load generator for ops/soak (and ops/checks/soak): many FramedRPC connections (raw asyncio
sockets, proto-spec/FRAMING.md) plus gRPC/HTTP2 connections (grpc.aio) against a running
vetting-server, with abusive clients beside them, while the server's RSS and open descriptors
are sampled from /proc.

    soak_load.py --host H --framed-port P --grpc-port Q --token T --server-pid PID
                 [--framed N] [--grpc M] [--seconds S] [--interval I] [--report-every K]
                 [--rss-limit-mb MB] [--no-abuse] [--json OUT]

Exit 0 when the goal holds: no unexpected error, peak RSS under --rss-limit-mb, descriptors
back to the baseline (within the pool's size) after the clients left. Exit 1 when it does not,
2 when it cannot run (protoc/grpcio-tools missing, server unreachable at the start).

What counts as expected: OK; RESOURCE_EXHAUSTED and GOAWAY TOO_MANY_CONNECTIONS (the server's
--max-connections / --max-concurrent-streams refusals); CANCELLED for calls this client
cancelled itself; the server closing an abusive connection. Everything else is unexpected.
"""

import argparse
import asyncio
import json
import os
import random
import struct
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

SPEC = Path(__file__).resolve().parents[1] / "proto-spec"
MAGIC = b"FRMRPC"
PREFACE = MAGIC + struct.pack(">H", 1)
HEADER = struct.Struct(">IBBI")
HEADERS, MESSAGE, TRAILERS, HALF_CLOSE, CANCEL, PING, PONG, GOAWAY = range(1, 9)
END_STREAM = 0x01
CODE_NAMES = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
              "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
              "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL",
              "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"]


def die(code, message):
    print(f"soak_load: {message}", file=sys.stderr)
    sys.exit(code)


def generate(workdir, extra=()):
    try:
        from grpc_tools import protoc
        import grpc_tools
    except ImportError:
        die(2, "grpcio-tools is missing: pip install -r ops/requirements-test.txt")
    include = str(Path(grpc_tools.__file__).parent / "_proto")
    protos = ["framing.proto"] + [f"vetting/v1/{p.name}" for p in (SPEC / "vetting" / "v1").glob("*.proto")]
    rc = protoc.main(["protoc", f"-I{SPEC}", f"-I{include}", f"--python_out={workdir}",
                      f"--grpc_python_out={workdir}"] + protos)
    if rc != 0:
        die(2, f"grpc_tools.protoc failed ({rc})")
    sys.path.insert(0, workdir)
    import importlib
    mods = {name: importlib.import_module(name) for name in [
        "framing_pb2", "vetting.v1.directory_pb2", "vetting.v1.directory_pb2_grpc",
        "vetting.v1.audit_pb2", "vetting.v1.audit_pb2_grpc", *extra]}
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    mods["health_pb2"], mods["health_pb2_grpc"] = health_pb2, health_pb2_grpc
    return mods


class Stats:
    def __init__(self):
        self.codes = Counter()          # (transport, method, status) -> count
        self.unexpected = Counter()     # description -> count
        self.examples = {}              # description -> first message
        self.latencies = []             # seconds, OK calls only
        self.refusals = Counter()       # RESOURCE_EXHAUSTED-like refusals
        self.abuse = Counter()
        self.ok = 0

    def record(self, transport, method, code, message, started, expected=()):
        name = CODE_NAMES[code] if 0 <= code < len(CODE_NAMES) else f"CODE_{code}"
        self.codes[(transport, method, name)] += 1
        if code == 0:
            self.ok += 1
            self.latencies.append(time.monotonic() - started)
        elif code == 8:
            self.refusals[f"{transport} RESOURCE_EXHAUSTED"] += 1
        elif name not in expected:
            key = f"{transport} {method} {name}"
            self.unexpected[key] += 1
            self.examples.setdefault(key, message)

    def fail(self, key, message):
        self.unexpected[key] += 1
        self.examples.setdefault(key, message)


class FramedConnection:
    """One FramedRPC connection: sequential calls, a reader dispatching frames by stream id."""

    def __init__(self, host, port, mods, stats):
        self.host, self.port, self.m, self.stats = host, port, mods, stats
        self.streams = {}
        self.next_id = 1
        self.closed = None  # why, once the connection is gone
        self.refused = False

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(PREFACE)
        preface = await self.reader.readexactly(len(PREFACE))
        if preface[:6] != MAGIC:
            raise ConnectionError(f"bad server preface {preface!r}")
        self.task = asyncio.create_task(self.read_loop())

    async def read_loop(self):
        try:
            while True:
                length, ftype, flags, sid = HEADER.unpack(await self.reader.readexactly(10))
                payload = await self.reader.readexactly(length)
                if ftype == PING:
                    self.writer.write(HEADER.pack(8, PONG, 0, 0) + payload)
                elif ftype == GOAWAY:
                    goaway = self.m["framing_pb2"].GoAway.FromString(payload)
                    if goaway.reason == 4:
                        self.refused = True
                    self.closed = f"GOAWAY {goaway.reason} {goaway.message}"
                elif sid in self.streams:
                    self.streams[sid].put_nowait((ftype, payload))
        except (asyncio.IncompleteReadError, ConnectionError, OSError) as error:
            self.closed = self.closed or f"closed: {error!r}"
        for queue in self.streams.values():
            queue.put_nowait((None, b""))

    async def call(self, path, request, token, timeout=15.0, cancel_after_first=False):
        """Returns (code, message, messages)."""
        sid = self.next_id
        self.next_id += 2
        queue = asyncio.Queue()
        self.streams[sid] = queue
        headers = self.m["framing_pb2"].RequestHeaders(path=path, timeout_micros=int(timeout * 1e6))
        headers.metadata.add(key="authorization", text=f"Bearer {token}")
        h = headers.SerializeToString()
        body = request.SerializeToString()
        self.writer.write(HEADER.pack(len(h), HEADERS, 0, sid) + h
                          + HEADER.pack(len(body), MESSAGE, END_STREAM, sid) + body)
        messages = 0
        try:
            while True:
                ftype, payload = await asyncio.wait_for(queue.get(), timeout + 5)
                if ftype is None:
                    return (-1, self.closed or "connection closed", messages)
                if ftype == MESSAGE:
                    messages += 1
                    if cancel_after_first:
                        self.writer.write(HEADER.pack(0, CANCEL, 0, sid))
                        return (1, "cancelled by the client", messages)
                elif ftype == TRAILERS:
                    trailers = self.m["framing_pb2"].Trailers.FromString(payload)
                    return (trailers.code, trailers.message, messages)
        except asyncio.TimeoutError:
            return (-2, "no trailers 5 s after the deadline", messages)
        finally:
            del self.streams[sid]

    def close(self):
        if hasattr(self, "writer"):
            self.writer.close()
        if hasattr(self, "task"):
            self.task.cancel()


class Workload:
    def __init__(self, args, mods, stats, ids, states):
        self.a, self.m, self.stats, self.ids, self.states = args, mods, stats, ids, states
        self.stop_at = 0.0

    def pick(self):
        """A mixed call: (method, path, request, is_stream)."""
        d, au, hp = self.m["vetting.v1.directory_pb2"], self.m["vetting.v1.audit_pb2"], self.m["health_pb2"]
        r = random.random()
        if r < 0.45:
            req = d.SearchProvidersRequest(state=random.choice(self.states), page_size=20,
                                           sort=random.choice([0, 1]))
            return ("SearchProviders", "/vetting.v1.Directory/SearchProviders", req, False)
        if r < 0.75:
            kind, pid = random.choice(self.ids)
            if kind == 1:
                return ("GetClinic", "/vetting.v1.Directory/GetClinic", d.GetClinicRequest(id=pid), False)
            return ("GetPractitioner", "/vetting.v1.Directory/GetPractitioner",
                    d.GetPractitionerRequest(id=pid), False)
        if r < 0.85:
            return ("RunVettingReport", "/vetting.v1.Audit/RunVettingReport",
                    au.RunVettingReportRequest(state=random.choice(self.states)), True)
        return ("Health", "/grpc.health.v1.Health/Check", hp.HealthCheckRequest(), False)

    async def framed_client(self, index):
        await asyncio.sleep(random.random() * min(3.0, self.a.seconds / 4))
        conn = FramedConnection(self.a.host, self.a.framed_port, self.m, self.stats)
        try:
            await conn.open()
        except (OSError, ConnectionError, asyncio.IncompleteReadError) as error:
            self.stats.fail("framed connect", repr(error))
            return
        try:
            while time.monotonic() < self.stop_at:
                method, path, req, _ = self.pick()
                started = time.monotonic()
                code, message, _ = await conn.call(path, req, self.a.token)
                if code == -1:
                    if conn.refused:
                        self.stats.refusals["framed GOAWAY TOO_MANY_CONNECTIONS"] += 1
                    else:
                        self.stats.fail(f"framed {method} connection lost", message)
                    return
                if code == -2:
                    self.stats.fail(f"framed {method} no answer", message)
                    continue
                self.stats.record("framed", method, code, message, started)
                await asyncio.sleep(random.expovariate(1 / self.a.interval))
        finally:
            conn.close()

    async def grpc_client(self, index):
        import grpc
        await asyncio.sleep(random.random() * min(3.0, self.a.seconds / 4))
        # One channel per client, not shared: a subchannel pool would merge them otherwise.
        channel = grpc.aio.insecure_channel(f"{self.a.host}:{self.a.grpc_port}",
                                            options=[("grpc.use_local_subchannel_pool", 1)])
        md = (("authorization", f"Bearer {self.a.token}"),)
        directory = self.m["vetting.v1.directory_pb2_grpc"].DirectoryStub(channel)
        audit = self.m["vetting.v1.audit_pb2_grpc"].AuditStub(channel)
        health = self.m["health_pb2_grpc"].HealthStub(channel)
        try:
            while time.monotonic() < self.stop_at:
                method, path, req, is_stream = self.pick()
                started = time.monotonic()
                try:
                    if method == "SearchProviders":
                        await directory.SearchProviders(req, metadata=md, timeout=15)
                    elif method == "GetClinic":
                        await directory.GetClinic(req, metadata=md, timeout=15)
                    elif method == "GetPractitioner":
                        await directory.GetPractitioner(req, metadata=md, timeout=15)
                    elif method == "RunVettingReport":
                        async for _ in audit.RunVettingReport(req, metadata=md, timeout=15):
                            pass
                    else:
                        await health.Check(req, timeout=15)
                    self.stats.record("grpc", method, 0, "", started)
                except grpc.aio.AioRpcError as error:
                    self.stats.record("grpc", method, error.code().value[0], error.details(), started)
                await asyncio.sleep(random.expovariate(1 / self.a.interval))
        finally:
            await channel.close()

    # --- abusive clients ---------------------------------------------------------------------

    async def expect_close(self, reader, within):
        """True when the server closes the connection within `within` seconds."""
        try:
            while True:
                data = await asyncio.wait_for(reader.read(65536), within)
                if not data:
                    return True
        except asyncio.TimeoutError:
            return False
        except (ConnectionError, OSError):
            return True

    async def slowloris(self):
        while time.monotonic() < self.stop_at - self.a.handshake_timeout - 3:
            try:
                reader, writer = await asyncio.open_connection(self.a.host, self.a.framed_port)
            except OSError as error:
                self.stats.fail("abuse slowloris connect", repr(error))
                return
            writer.write(PREFACE[:3])  # never the rest
            closed = await self.expect_close(reader, self.a.handshake_timeout + 3)
            writer.close()
            if closed:
                self.stats.abuse["slowloris closed by the server"] += 1
            else:
                self.stats.fail("abuse slowloris kept open past the handshake timeout", "")

    async def oversized(self):
        while time.monotonic() < self.stop_at:
            try:
                reader, writer = await asyncio.open_connection(self.a.host, self.a.framed_port)
                writer.write(PREFACE + HEADER.pack(0x7FFFFFFF, MESSAGE, 0, 1))
                closed = await self.expect_close(reader, 5)
                writer.close()
            except OSError as error:
                self.stats.fail("abuse oversized connect", repr(error))
                return
            self.stats.abuse["oversized frame closed"] += 1 if closed else 0
            if not closed:
                self.stats.fail("abuse oversized frame not refused within 5 s", "")
            await asyncio.sleep(0.2)

    async def abandoned(self):
        """A search (or report) started, then the socket is closed with the call open."""
        d = self.m["vetting.v1.directory_pb2"]
        au = self.m["vetting.v1.audit_pb2"]
        while time.monotonic() < self.stop_at:
            try:
                reader, writer = await asyncio.open_connection(self.a.host, self.a.framed_port)
                headers = self.m["framing_pb2"].RequestHeaders(
                    path=random.choice(["/vetting.v1.Directory/SearchProviders",
                                        "/vetting.v1.Audit/RunVettingReport"]),
                    timeout_micros=10_000_000)
                headers.metadata.add(key="authorization", text=f"Bearer {self.a.token}")
                req = (d.SearchProvidersRequest(text="clinic", page_size=100)
                       if headers.path.endswith("SearchProviders") else au.RunVettingReportRequest())
                h, b = headers.SerializeToString(), req.SerializeToString()
                writer.write(PREFACE + HEADER.pack(len(h), HEADERS, 0, 1) + h
                             + HEADER.pack(len(b), MESSAGE, END_STREAM, 1) + b)
                await writer.drain()
                await asyncio.sleep(random.random() * 0.05)
                writer.transport.abort()  # RST, mid-call
                self.stats.abuse["abandoned streams"] += 1
            except OSError as error:
                self.stats.fail("abuse abandoned connect", repr(error))
                return
            await asyncio.sleep(0.1)

    async def grpc_abandoned(self):
        import grpc
        channel = grpc.aio.insecure_channel(f"{self.a.host}:{self.a.grpc_port}",
                                            options=[("grpc.use_local_subchannel_pool", 1)])
        audit = self.m["vetting.v1.audit_pb2_grpc"].AuditStub(channel)
        md = (("authorization", f"Bearer {self.a.token}"),)
        try:
            while time.monotonic() < self.stop_at:
                call = audit.RunVettingReport(self.m["vetting.v1.audit_pb2"].RunVettingReportRequest(),
                                              metadata=md, timeout=15)
                try:
                    await call.read()
                except grpc.aio.AioRpcError as error:
                    self.stats.fail(f"grpc abandoned-stream first read {error.code().name}",
                                    error.details())
                call.cancel()
                self.stats.abuse["grpc streams cancelled after the first message"] += 1
                await asyncio.sleep(0.2)
        finally:
            await channel.close()

    async def storm(self):
        while time.monotonic() < self.stop_at:
            for _ in range(20):
                try:
                    _, writer = await asyncio.open_connection(self.a.host, self.a.framed_port)
                    writer.transport.abort()
                    self.stats.abuse["connect-and-close"] += 1
                except OSError as error:
                    self.stats.fail("abuse storm connect", repr(error))
                    return
            await asyncio.sleep(0.1)


def proc_sample(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
        fds = len(os.listdir(f"/proc/{pid}/fd"))
        return rss, fds
    except (FileNotFoundError, ProcessLookupError):
        return None


async def sampler(pid, out, stop):
    while not stop.is_set():
        s = proc_sample(pid)
        if s is None:
            out.append(None)
            return
        out.append(s)
        await asyncio.sleep(0.5)


async def prepare(args, mods):
    """Finds provider ids and states with one search; fails loudly if the server is not there."""
    conn = FramedConnection(args.host, args.framed_port, mods, Stats())
    try:
        await asyncio.wait_for(conn.open(), 10)
    except Exception as error:  # noqa: BLE001 — any failure here means we cannot run
        die(2, f"cannot reach FramedRPC at {args.host}:{args.framed_port}: {error!r}")
    d = mods["vetting.v1.directory_pb2"]
    ids, states = [], set()
    # Read one page for real.
    sid = conn.next_id
    conn.next_id += 2
    queue = asyncio.Queue()
    conn.streams[sid] = queue
    headers = mods["framing_pb2"].RequestHeaders(path="/vetting.v1.Directory/SearchProviders",
                                                 timeout_micros=10_000_000)
    headers.metadata.add(key="authorization", text=f"Bearer {args.token}")
    h, b = headers.SerializeToString(), d.SearchProvidersRequest(page_size=100).SerializeToString()
    conn.writer.write(HEADER.pack(len(h), HEADERS, 0, sid) + h + HEADER.pack(len(b), MESSAGE, END_STREAM, sid) + b)
    while True:
        ftype, payload = await asyncio.wait_for(queue.get(), 15)
        if ftype == MESSAGE:
            for hit in d.SearchProvidersResponse.FromString(payload).hits:
                ids.append((hit.kind, hit.provider_id))
                if hit.state:
                    states.add(hit.state)
        elif ftype in (TRAILERS, None):
            break
    conn.close()
    if not ids:
        die(2, "the server's directory is empty: load demo data first")
    return ids, sorted(states) or ["CA"]


async def warm(args, mods, ids, states):
    """Fills the database pool (its connections are descriptors) before the baseline."""
    stats = Stats()
    wl = Workload(args, mods, stats, ids, states)
    conns = []
    for _ in range(20):
        c = FramedConnection(args.host, args.framed_port, mods, stats)
        await c.open()
        conns.append(c)
    d = mods["vetting.v1.directory_pb2"]
    await asyncio.gather(*[c.call("/vetting.v1.Directory/SearchProviders",
                                  d.SearchProvidersRequest(text="clinic", page_size=100), args.token)
                           for c in conns for _ in range(3)])
    for c in conns:
        c.close()
    del wl
    await asyncio.sleep(1.0)


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


async def main_async(args, mods):
    ids, states = await prepare(args, mods)
    await warm(args, mods, ids, states)
    base = proc_sample(args.server_pid)
    if base is None:
        die(2, f"no process {args.server_pid}")
    stats = Stats()
    wl = Workload(args, mods, stats, ids, states)
    samples, stop = [], asyncio.Event()
    sample_task = asyncio.create_task(sampler(args.server_pid, samples, stop))
    started = time.monotonic()
    wl.stop_at = started + args.seconds
    tasks = [wl.framed_client(i) for i in range(args.framed)]
    tasks += [wl.grpc_client(i) for i in range(args.grpc)] if args.grpc_port else []
    if not args.no_abuse:
        tasks += [wl.slowloris() for _ in range(5)] + [wl.oversized(), wl.abandoned(), wl.storm()]
        if args.grpc_port and args.grpc > 0:  # --grpc 0: no gRPC traffic at all
            tasks.append(wl.grpc_abandoned())
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - started
    # Descriptors back to the baseline: give the server time to close what the clients left.
    end = None
    for _ in range(60):
        await asyncio.sleep(0.5)
        end = proc_sample(args.server_pid)
        if end is None or end[1] <= base[1] + 2:
            break
    stop.set()
    await sample_task
    alive = end is not None and samples and samples[-1] is not None
    peak_rss = max(s[0] for s in samples if s) if samples else 0
    peak_fds = max(s[1] for s in samples if s) if samples else 0
    calls = sum(stats.codes.values())
    p99 = percentile(stats.latencies, 0.99)
    p50 = percentile(stats.latencies, 0.50)
    result = {
        "framed_connections": args.framed, "grpc_connections": args.grpc if args.grpc_port else 0,
        "seconds": round(elapsed, 1), "calls": calls, "calls_per_second": round(calls / elapsed, 1),
        "ok": stats.ok, "p50_ms": round(p50 * 1000, 1) if p50 else None,
        "p99_ms": round(p99 * 1000, 1) if p99 else None,
        "by_status": {f"{t} {m} {c}": n for (t, m, c), n in sorted(stats.codes.items())},
        "refusals": dict(stats.refusals), "abuse": dict(stats.abuse),
        "unexpected": dict(stats.unexpected), "unexpected_examples": stats.examples,
        "rss_kib_start": base[0], "rss_kib_peak": peak_rss,
        "rss_kib_end": end[0] if end else None,
        "fds_start": base[1], "fds_peak": peak_fds, "fds_end": end[1] if end else None,
        "server_alive": bool(alive),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    problems = []
    if not alive:
        problems.append("the server died during the run")
    if stats.unexpected:
        problems.append(f"{sum(stats.unexpected.values())} unexpected errors")
    if stats.ok == 0:
        problems.append("no call succeeded")
    if peak_rss > args.rss_limit_mb * 1024:
        problems.append(f"peak RSS {peak_rss // 1024} MiB over {args.rss_limit_mb} MiB")
    if end and end[1] > base[1] + 2:
        problems.append(f"descriptors {end[1]} at the end vs {base[1]} at the start")
    if problems:
        print("soak: GOAL MISSED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"soak: GOAL MET: {calls} calls, {result['calls_per_second']}/s, p99 {result['p99_ms']} ms, "
          f"RSS {base[0] // 1024}->{peak_rss // 1024} MiB peak, fds {base[1]}->{end[1]}")
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--framed-port", type=int, required=True)
    p.add_argument("--grpc-port", type=int, default=0)
    p.add_argument("--token", required=True)
    p.add_argument("--server-pid", type=int, required=True)
    p.add_argument("--framed", type=int, default=1000)
    p.add_argument("--grpc", type=int, default=100)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--interval", type=float, default=1.0, help="mean seconds between calls per connection")
    p.add_argument("--handshake-timeout", type=float, default=3.0, help="the server's, for slowloris")
    p.add_argument("--rss-limit-mb", type=int, default=2048)
    p.add_argument("--no-abuse", action="store_true")
    p.add_argument("--json")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="soak-protos-") as workdir:
        mods = generate(workdir)
        sys.exit(asyncio.run(main_async(args, mods)))


if __name__ == "__main__":
    main()
