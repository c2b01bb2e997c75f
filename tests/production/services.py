"""Private services for fault injection: never stop the shared PostgreSQL or Redis.

- PrivatePostgres: a throwaway cluster (initdb/pg_ctl run as the `postgres` OS user) on a
  free port, in a temporary directory; it can be stopped and started again.
- PrivateRedis: `redis-server --port N --save ''`, stopped and started at will.
- FakeSMTPServer: just enough SMTP for Django's backend, which can hang at the greeting or
  after receiving a message (before saying it accepted it), and counts what it received.
"""

import contextlib
import glob
import os
import shutil
import socket
import socketserver
import subprocess
import tempfile
import threading
import time
from email import message_from_bytes


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {timeout}s")


def postgres_binaries():
    """The newest PostgreSQL server binaries of this machine, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda path: int(path.split("/")[4]))
    return os.path.dirname(found[-1]) if found else None


def can_run_private_postgres():
    return bool(postgres_binaries()) and os.geteuid() == 0 and shutil.which("runuser") is not None


class PrivatePostgres:
    def __init__(self):
        self.bin = postgres_binaries()
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="r15f-pg-")
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")
        self.as_postgres(f"{self.bin}/initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                         "--locale=C", "--no-sync")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}"

    def as_postgres(self, *command):
        subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, timeout=60)

    def start(self):
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self.as_postgres(f"{self.bin}/pg_ctl", "-D", self.data, "-o", options, "-l",
                         os.path.join(self.dir, "server.log"), "-w", "start")

    def stop(self, mode="fast"):
        self.as_postgres(f"{self.bin}/pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def destroy(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop(mode="immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="r15f-redis-")
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self.dir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def destroy(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class FakeSMTPServer:
    """SMTP on 127.0.0.1:<port>. `mode`: "normal", "hang_at_greeting" or "hang_after_data"."""

    def __init__(self):
        self.mode = "normal"
        self.messages = []  # email.message.Message, one per DATA fully received
        self.connected = threading.Event()
        self.data_received = threading.Event()
        self.release = threading.Event()
        server = self

        class Handler(socketserver.StreamRequestHandler):
            timeout = 120

            def reply(self, line):
                self.wfile.write(line.encode() + b"\r\n")
                self.wfile.flush()

            def handle(self):
                server.connected.set()
                if server.mode == "hang_at_greeting":
                    server.release.wait()
                    return
                self.reply("220 fake.smtp ESMTP")
                while True:
                    line = self.rfile.readline()
                    if not line:
                        return
                    verb = line.split(b" ", 1)[0].strip().upper()
                    if verb in (b"EHLO", b"HELO"):
                        self.reply("250-fake.smtp")
                        self.reply("250 8BITMIME")
                    elif verb == b"DATA":
                        self.reply("354 End data with <CR><LF>.<CR><LF>")
                        body = bytearray()
                        for data_line in iter(self.rfile.readline, b""):
                            if data_line in (b".\r\n", b".\n"):
                                break
                            body += data_line[1:] if data_line.startswith(b"..") else data_line
                        server.messages.append(message_from_bytes(bytes(body)))
                        server.data_received.set()
                        if server.mode == "hang_after_data":
                            server.release.wait()
                            return
                        self.reply("250 OK: queued")
                    elif verb == b"QUIT":
                        self.reply("221 Bye")
                        return
                    else:  # MAIL, RCPT, RSET, NOOP
                        self.reply("250 OK")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def expect(self, mode):
        """Behave as `mode` from the next connection on; forget the events seen so far."""
        self.mode = mode
        self.connected.clear()
        self.data_received.clear()

    def received(self, message_id):
        return [message for message in self.messages if message["Message-ID"] == message_id]

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
