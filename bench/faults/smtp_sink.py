"""A local SMTP sink that answers slowly, for `make faults`.

`python -m bench.faults.smtp_sink --port 8125 --delay 0.5 --log received.txt`
takes every message on 127.0.0.1, writes one line per recipient to the log as
soon as the message's data has arrived, then waits `delay` seconds before it
says 250. A client killed in that wait leaves a message the sink counts but the
client never saw accepted: the case that may be sent twice.

The few commands smtplib sends (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT)
on asyncio streams from the standard library: the load test's dependencies hold
no SMTP server, and this one is loopback-only and never relays.
"""

from __future__ import annotations

import argparse
import asyncio
import sys


class Sink:
    def __init__(self, log: str, delay: float) -> None:
        self.log = open(log, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        self.delay = delay

    async def session(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        def reply(line: str) -> None:
            writer.write(line.encode("ascii") + b"\r\n")

        recipients: list[str] = []
        reply("220 faults-sink ready")
        try:
            while line := await reader.readline():
                command = line.decode("ascii", "replace").strip()
                verb = command[:4].upper()
                if verb in {"EHLO", "HELO"}:
                    reply("250 faults-sink")
                elif verb == "MAIL":
                    recipients = []
                    reply("250 OK")
                elif verb == "RCPT":
                    recipients.append(command.split(":", 1)[1].strip(" <>"))
                    reply("250 OK")
                elif verb == "DATA":
                    reply("354 End data with <CR><LF>.<CR><LF>")
                    await writer.drain()
                    while (await reader.readline()) not in {b".\r\n", b".\n", b""}:
                        pass
                    for recipient in recipients:
                        self.log.write(recipient + "\n")
                    await asyncio.sleep(self.delay)
                    reply("250 OK: queued")
                elif verb in {"RSET", "NOOP"}:
                    recipients = [] if verb == "RSET" else recipients
                    reply("250 OK")
                elif verb == "QUIT":
                    reply("221 Bye")
                    await writer.drain()
                    break
                else:
                    reply("502 Command not implemented")
                await writer.drain()
        except ConnectionError:
            pass  # the client was killed: what it sent is already counted
        finally:
            writer.close()


async def serve(port: int, log: str, delay: float) -> None:
    sink = Sink(log, delay)
    server = await asyncio.start_server(sink.session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--log", required=True)
    args = parser.parse_args(argv)
    asyncio.run(serve(args.port, args.log, args.delay))
    return 0


if __name__ == "__main__":
    sys.exit(main())
