#!/usr/bin/env python3
"""Edit-to-reload benchmark for `cnmm serve`.

Starts `cnmm serve` on a free port, opens the live-reload event stream as a browser does, then edits a
content file N times. For each edit it measures, on the client, the time from the write to the `reload`
event, and reads from the server's log the time from the first file event to the reload message sent and
the build time; it checks that the page then shows the edit. The file is restored afterwards.

    swift build -c release
    bench/serve-reload.py [--binary .build/release/cnmm] [--source .] [--file content/en/_index.md]
                          [--url-path /] [--runs 30] [--theme DIR]
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request


def read_event(sock, buffer):
    """Reads the next Server-Sent Event (skipping comment-only blocks); returns (name, data, rest)."""
    while True:
        while b"\n\n" not in buffer:
            chunk = sock.recv(65536)
            if not chunk:
                raise RuntimeError("event stream closed")
            buffer += chunk
        block, buffer = buffer.split(b"\n\n", 1)
        name, data = None, ""
        for line in block.decode().splitlines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                data = line[6:]
        if name is not None:
            return name, data, buffer


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/cnmm")
    parser.add_argument("--source", default=".")
    parser.add_argument("--theme")
    parser.add_argument("--file", default="content/en/_index.md", help="the file to edit, relative to --source")
    parser.add_argument("--url-path", default="/", help="the page that shows the edited file")
    parser.add_argument("--runs", type=int, default=30)
    arguments = parser.parse_args()

    command = [arguments.binary, "serve", "--source", arguments.source, "--port", "0"]
    if arguments.theme:
        command += ["--theme", arguments.theme]
    path = os.path.join(arguments.source, arguments.file)
    with open(path, "rb") as handle:
        original = handle.read()
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    client, server_times, build_times, rendered, total = [], [], [], [], 0
    try:
        port = None
        for line in server.stdout:
            sys.stdout.write("server: " + line)
            match = re.search(r"Serving the site at http://127\.0\.0\.1:(\d+)", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            raise RuntimeError("the server did not start")
        sock = socket.create_connection(("127.0.0.1", port))
        # HTTP/1.0: the server sends the stream as it is, without chunked encoding.
        sock.sendall(f"GET /__cnmm/events HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        buffer = b""
        while b"\r\n\r\n" not in buffer:
            buffer += sock.recv(65536)
        rest = buffer.split(b"\r\n\r\n", 1)[1]
        name, version, rest = read_event(sock, rest)
        assert name == "hello", name
        for run in range(arguments.runs):
            marker = f"Benchmark edit {run} {time.time_ns()}"
            edited = original.rstrip(b"\n") + f"\n\n{marker}\n".encode()
            start = time.perf_counter()
            with open(path, "wb") as handle:
                handle.write(edited)
            # A write is not atomic: the watcher may see the file cut short and rebuild, then rebuild again when
            # the rest arrives. What counts is the reload after which the page shows the edit.
            for attempt in range(3):
                name, version, rest = read_event(sock, rest)
                elapsed = (time.perf_counter() - start) * 1000
                assert name == "reload", name
                line = server.stdout.readline()
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}{arguments.url_path}").read().decode()
                if marker in page:
                    break
                sys.stdout.write(f"the page did not show edit {run} yet after a reload; waiting for the next\n")
            else:
                raise AssertionError("the page does not show the edit")
            client.append(elapsed)
            match = re.search(r"reload sent (\d+) ms after the change \(build (\d+) ms(, (\d+) of (\d+) pages rendered)?\)", line)
            if match:
                server_times.append(int(match.group(1)))
                build_times.append(int(match.group(2)))
                if match.group(3):
                    rendered.append(int(match.group(4)))
                    total = int(match.group(5))
            else:
                sys.stdout.write("server: " + line)
            time.sleep(0.1)
    finally:
        with open(path, "wb") as handle:
            handle.write(original)
        server.terminate()
        server.wait()

    def summary(name, values):
        if values:
            print(f"{name:<34} min {min(values):6.1f}  median {statistics.median(values):6.1f}  "
                  f"max {max(values):6.1f} ms  ({len(values)} runs)")

    summary("write -> reload event (client)", client)
    summary("file event -> reload sent (server)", server_times)
    summary("build (server)", build_times)
    if rendered:
        print(f"pages rendered per rebuild: median {statistics.median(rendered)} of {total}")


if __name__ == "__main__":
    main()
