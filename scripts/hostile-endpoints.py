#!/usr/bin/env python3
"""Health endpoints that misbehave on purpose, on loopback, for sitrep's fault tests.

Usage: hostile-endpoints.py FOLDER. Writes FOLDER/ports.json once listening:
  http     GET /ok (200, {"status":"UP"}), /slowloris (a header byte every 0.2 s, forever),
           /huge (Content-Length 1 GiB, streamed), /redirect/N (302 to /redirect/N+1, forever)
  expired  TLS with a certificate that expired in 2020 (FOLDER/expired.pem)
  wrongname TLS with a certificate for another name (FOLDER/wrongname.pem)
  dns      a UDP and TCP port 53 on 127.0.0.2 that reads queries and never answers
Runs until killed.
"""
import json
import os
import socket
import ssl
import subprocess
import sys
import threading
import time

folder = sys.argv[1]


def certificate(name, common_name, start=None, end=None):
    key, cert = f"{folder}/{name}-key.pem", f"{folder}/{name}.pem"
    if start is None:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", key, "-out", cert, "-days", "30", "-subj", f"/CN={common_name}",
                        "-addext", f"subjectAltName=DNS:{common_name}"], check=True, capture_output=True)
        return cert, key
    ca = f"{folder}/{name}-ca"
    os.makedirs(ca, exist_ok=True)
    open(f"{ca}/index.txt", "w").close()
    open(f"{ca}/serial", "w").write("01\n")
    open(f"{ca}/ca.cnf", "w").write(
        f"[ca]\ndefault_ca = d\n[d]\ndir = {ca}\ndatabase = {ca}/index.txt\nserial = {ca}/serial\n"
        f"new_certs_dir = {ca}\ndefault_md = sha256\npolicy = p\ncopy_extensions = copy\n[p]\ncommonName = supplied\n")
    subprocess.run(["openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key, "-out", f"{ca}/req.csr", "-subj", f"/CN={common_name}",
                    "-addext", f"subjectAltName=IP:{common_name}"], check=True, capture_output=True)
    subprocess.run(["openssl", "ca", "-batch", "-config", f"{ca}/ca.cnf", "-selfsign", "-keyfile", key,
                    "-in", f"{ca}/req.csr", "-out", cert, "-startdate", start, "-enddate", end],
                   check=True, capture_output=True)
    return cert, key


def answer(connection, wrap=None):
    try:
        if wrap:
            connection = wrap.wrap_socket(connection, server_side=True)
        request = b""
        while b"\r\n\r\n" not in request:
            data = connection.recv(4096)
            if not data:
                return
            request += data
        path = request.split(b" ")[1].decode()
        if path.startswith("/slowloris"):
            connection.sendall(b"HTTP/1.1 200 OK\r\n")
            while True:
                connection.sendall(b"X")
                time.sleep(0.2)
        elif path.startswith("/huge"):
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                               b"Content-Length: 1073741824\r\n\r\n")
            piece = b"[" + b" " * 65535
            sent = 0
            while sent < 1 << 30:
                connection.sendall(piece)
                sent += len(piece)
                piece = b" " * 65536
        elif path.startswith("/redirect/"):
            step = int(path.rsplit("/", 1)[1]) + 1
            connection.sendall(f"HTTP/1.1 302 Found\r\nLocation: /redirect/{step}\r\nContent-Length: 0\r\n\r\n"
                               .encode())
        else:
            body = b'{"status":"UP"}'
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                               + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    except (OSError, ssl.SSLError, ValueError, IndexError):
        pass
    finally:
        try:
            connection.close()
        except OSError:
            pass


def serve(listener, wrap=None):
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=answer, args=(connection, wrap), daemon=True).start()


def listen(host="127.0.0.1", port=0, kind=socket.SOCK_STREAM):
    listener = socket.socket(socket.AF_INET, kind)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    if kind == socket.SOCK_STREAM:
        listener.listen(64)
    return listener


def swallow_udp(listener):
    while True:
        listener.recvfrom(4096)


def swallow_tcp(listener):
    held = []
    while True:
        connection, _ = listener.accept()
        held.append(connection)


ports = {}
plain = listen()
ports["http"] = plain.getsockname()[1]
threading.Thread(target=serve, args=(plain,), daemon=True).start()
for name, common_name, start, end in [("expired", "127.0.0.1", "20200101000000Z", "20200201000000Z"),
                                       ("wrongname", "wrong.example", None, None)]:
    cert, key = certificate(name, common_name, start, end)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = listen()
    ports[name] = listener.getsockname()[1]
    threading.Thread(target=serve, args=(listener, context), daemon=True).start()
try:
    threading.Thread(target=swallow_udp, args=(listen("127.0.0.2", 53, socket.SOCK_DGRAM),), daemon=True).start()
    threading.Thread(target=swallow_tcp, args=(listen("127.0.0.2", 53),), daemon=True).start()
    ports["dns"] = 53
except OSError as error:
    ports["dns_error"] = str(error)
with open(f"{folder}/ports.json.tmp", "w") as out:
    json.dump(ports, out)
os.rename(f"{folder}/ports.json.tmp", f"{folder}/ports.json")
while True:
    time.sleep(3600)
