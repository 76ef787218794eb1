#!/usr/bin/env python3
"""The load client of bench/nodes.sh: one client per user of TOKENS_FILE, each posting time entries one after the other
round-robin over the nodes, as behind a load balancer (as BalancedLoad in the tests): a node is out of rotation when
its connection is refused or breaks and while /api/v1/health is not 200 (polled every 100 ms); only a refused
connection is retried, on another node. TOKENS_FILE is seed_contract.py's ('# project_id=N', then a token a line).
Each client posts one-minute entries of its own user from YEAR on, which never overlap (give every run its own year).

usage: nodes_load.py rate URLS TOKENS_FILE SECONDS YEAR
         posts for SECONDS over the comma-separated URLS; prints writes/s and latencies
       nodes_load.py kill URL_KILLED URL_SURVIVOR KILL_PID TOKENS_FILE YEAR [--before S] [--after S]
         posts over both, SIGKILLs KILL_PID after S s (10), goes on for S s more (60), reads every acknowledged write
         back from the survivor; prints acknowledged, lost, mismatched, failures per node and the survivor's latencies
         in the minute after the kill; exits 1 if a write was lost or altered or a request to the survivor failed
Only the standard library is used.
"""
import argparse
import datetime
import http.client
import json
import os
import signal
import sys
import threading
import time
import urllib.parse


class Balancer:
    def __init__(self, urls):
        self.nodes = [urllib.parse.urlsplit(url).netloc for url in urls]
        self.in_rotation = set(self.nodes)
        self.running = True
        threading.Thread(target=self.poll, daemon=True).start()

    def poll(self):
        while self.running:
            for node in self.nodes:
                if self.ready(node):
                    self.in_rotation.add(node)
                else:
                    self.in_rotation.discard(node)
            time.sleep(0.1)

    @staticmethod
    def ready(node):
        try:
            connection = http.client.HTTPConnection(node, timeout=1)
            connection.request("GET", "/api/v1/health")
            return connection.getresponse().status == 200
        except OSError:
            return False

    def pick(self, n):
        candidates = [node for node in self.nodes if node in self.in_rotation]
        return candidates[n % len(candidates)] if candidates else None


def client(index, token, project, base, balancer, attempts, stop):
    connections = {}
    turn = index
    for n in range(10 ** 9):
        if stop.is_set():
            return
        start = base + datetime.timedelta(minutes=2 * n)
        entry = {"project_id": project, "start_time": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                 "end_time": (start + datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                 "notes": f"bench client {index} entry {n}"}
        body = json.dumps(entry)
        while True:
            node = balancer.pick(turn)
            turn += 1
            if node is None:
                time.sleep(0.05)
                continue
            connection = connections.get(node) or http.client.HTTPConnection(node, timeout=10)
            connections[node] = connection
            sent = time.monotonic()
            try:
                connection.request("POST", "/api/v1/time-entries", body, {
                    "Authorization": "Bearer " + token, "Content-Type": "application/json"})
                response = connection.getresponse()
                answer = response.read()
                entry_id = json.loads(answer)["time_entry"]["id"] if response.status == 201 else None
                attempts.append((node, sent, time.monotonic(), response.status, entry_id, entry, index))
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    del connections[node]
                break
            except ConnectionRefusedError:
                balancer.in_rotation.discard(node)  # nothing was sent: the other node takes it
                connections.pop(node).close()
            except (OSError, http.client.HTTPException) as failure:
                balancer.in_rotation.discard(node)
                connections.pop(node).close()
                attempts.append((node, sent, time.monotonic(), 0, None, entry, index))
                sys.stderr.write(f"failure on {node}: {failure!r}\n")  # one write: clients fail at once
                break


def stored_entries(node, token):
    """Every entry of the token's user as the node lists them, by id."""
    connection = http.client.HTTPConnection(node, timeout=30)
    entries, page = {}, 1
    while True:
        connection.request("GET", f"/api/v1/time-entries?per_page=100&page={page}",
                           headers={"Authorization": "Bearer " + token})
        body = json.loads(connection.getresponse().read())
        entries.update({e["id"]: e for e in body["time_entries"]})
        if not body["pagination"]["has_next"]:
            return entries
        page += 1


def same(entry, stored):
    def instant(text):
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (stored["project_id"] == entry["project_id"] and stored["notes"] == entry["notes"]
            and instant(stored["start_time"]) == instant(entry["start_time"])
            and instant(stored["end_time"]) == instant(entry["end_time"]))


def percentile(sorted_values, share):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * share))] if sorted_values else 0


def load(urls, tokens_file, year):
    """Starts one client per token; returns the balancer, the list the attempts go to, and the event that stops them."""
    lines = [line.strip() for line in open(tokens_file)]
    project = int(next(line.split("=")[1] for line in lines if line.startswith("# project_id=")))
    tokens = [line for line in lines if line and not line.startswith("#")]
    base = datetime.datetime(year, 1, 1, tzinfo=datetime.timezone.utc)
    balancer = Balancer(urls)
    attempts, stop = [], threading.Event()
    threads = [threading.Thread(target=client, args=(i, token, project, base, balancer, attempts, stop))
               for i, token in enumerate(tokens)]
    for thread in threads:
        thread.start()

    def finish():
        stop.set()
        for thread in threads:
            thread.join()
        balancer.running = False
    return balancer, tokens, attempts, finish


def latencies(attempts, prefix=""):
    millis = sorted((t[2] - t[1]) * 1000 for t in attempts)
    return (f"{prefix}p50_ms={percentile(millis, 0.5):.1f} {prefix}p99_ms={percentile(millis, 0.99):.1f} "
            f"{prefix}max_ms={(millis[-1] if millis else 0):.1f}")


def rate(a):
    balancer, tokens, attempts, finish = load(a.urls.split(","), a.tokens, a.year)
    time.sleep(a.seconds)
    finish()
    acknowledged = [t for t in attempts if 200 <= t[3] < 300]
    print(f"clients={len(tokens)} nodes={len(balancer.nodes)} seconds={a.seconds:.0f} "
          f"acknowledged={len(acknowledged)} writes_per_s={len(acknowledged) / a.seconds:.1f} "
          f"failed={len(attempts) - len(acknowledged)} {latencies(acknowledged)}")
    return 0


def kill(a):
    balancer, tokens, attempts, finish = load([a.killed, a.survivor], a.tokens, a.year)
    time.sleep(a.before)
    killed_at = time.monotonic()
    os.kill(a.kill_pid, signal.SIGKILL)
    time.sleep(a.after)
    finish()

    killed, survivor = balancer.nodes
    stored = {}
    for token in tokens:
        stored.update(stored_entries(survivor, token))
    acknowledged = [t for t in attempts if 200 <= t[3] < 300]
    lost = [t for t in acknowledged if t[4] not in stored]
    mismatched = [t for t in acknowledged if t[4] in stored and not same(t[5], stored[t[4]])]
    failed = [t for t in attempts if not 200 <= t[3] < 300]
    # written but never answered: requests in flight to the killed node when it died may have committed
    ours = {i for i, e in stored.items() if datetime.datetime.fromisoformat(
        e["start_time"].replace("Z", "+00:00")).year == a.year}
    after = [t for t in attempts if t[0] == survivor and killed_at < t[1] < killed_at + 60]
    failed_after = [t for t in failed if t[0] == survivor and t[1] > killed_at]
    print(f"kill clients={len(tokens)} before_s={a.before:.0f} after_s={a.after:.0f} acknowledged={len(acknowledged)} "
          f"lost={len(lost)} mismatched={len(mismatched)} failed_on_killed={sum(t[0] == killed for t in failed)} "
          f"failed_on_survivor={sum(t[0] == survivor for t in failed)} survivor_failed_after_kill={len(failed_after)} "
          f"stored_unacknowledged={len(ours - {t[4] for t in acknowledged})} "
          f"survivor_writes_per_s_after_kill={len(after) / min(a.after, 60):.1f} {latencies(after, 'survivor_')}")
    return 1 if lost or mismatched or failed_after else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = p.add_subparsers(dest="mode", required=True)
    r = modes.add_parser("rate")
    r.add_argument("urls")
    r.add_argument("tokens")
    r.add_argument("seconds", type=float)
    r.add_argument("year", type=int)
    k = modes.add_parser("kill")
    k.add_argument("killed")
    k.add_argument("survivor")
    k.add_argument("kill_pid", type=int)
    k.add_argument("tokens")
    k.add_argument("year", type=int)
    k.add_argument("--before", type=float, default=10, help="seconds of load before the kill (10)")
    k.add_argument("--after", type=float, default=60, help="seconds of load after the kill (60)")
    a = p.parse_args()
    return rate(a) if a.mode == "rate" else kill(a)


if __name__ == "__main__":
    sys.exit(main())
