#!/usr/bin/env python3
"""A TCP proxy that holds every new connection for --delay seconds before forwarding it.

It stands for a database whose connections are slow to open (a loaded machine, a far network):
what the vetting-server's startup probe must wait through. Prints the port it listens on (on
127.0.0.1), then serves until killed. Used by the server's tests; standard library only.
"""
import argparse
import asyncio


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer, args):
    await asyncio.sleep(args.delay)
    try:
        upstream_reader, upstream_writer = await asyncio.open_connection(args.host, args.port)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="where to forward (default 127.0.0.1)")
    parser.add_argument("--port", type=int, required=True, help="the port to forward to")
    parser.add_argument("--delay", type=float, required=True, help="seconds to hold each connection")
    args = parser.parse_args()
    server = await asyncio.start_server(lambda r, w: handle(r, w, args), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
