"""Where the machine's CPU goes per claim with and without a webhook endpoint (bench/README.md, #17).

Uses bench.py's pieces: a throwaway PostgreSQL, the server jar, 2,000 links, the client harness's WebhookSink as the
receiver. After three warm-up rounds (claims and status reads, the endpoint enabled), four 15 s rounds of claims over
random links take turns without and with the endpoint; each prints the claim rate, the deliveries the receiver got,
and the CPU time per claim of the server, of PostgreSQL (all its processes) and of the receiver, from /proc; then
PostgreSQL's commits per claim and its statements by executor time per claim (pg_stat_statements, reset before each
round; wall time inside the executor on a saturated machine: relative figures, not CPU), and the server's CPU by
thread name (request threads, delivery threads, GC, JIT).

    python3 bench/webhook_cpu.py [server jar] [seconds per round] [--store-only]

--store-only starts the server with `sharelinks.webhooks.deliver=false`: events are stored in the claim's
transaction as always, but this instance sends none (a fleet's API instances, beside instances that deliver). The
rounds with the endpoint then measure what webhooks cost the instance that serves the claims.
"""
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def cpu_ticks(pids):
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime + stime
        except FileNotFoundError:
            pass  # a backend that ended meanwhile
    return ticks


def thread_ticks(pid):
    """CPU ticks of a process's threads by name (Linux keeps 15 characters; trailing numbers dropped)."""
    ticks = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as comm:
                name = comm.read().strip().rstrip("0123456789").rstrip("-#_ ") or "?"
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            ticks[name] = ticks.get(name, 0) + int(fields[11]) + int(fields[12])
        except FileNotFoundError:
            pass  # a thread that ended meanwhile
    return ticks


def postgres_pids():
    return [int(pid) for pid in subprocess.run(["pgrep", "-u", "postgres"], capture_output=True, text=True).stdout.split()]


def query(pg, sql):
    return subprocess.run(["psql", "-At", "-F", " | ", "-d", pg.database, "-c", sql], env=pg.env(),
                          capture_output=True, text=True, check=True).stdout


def commits(pg):
    return int(query(pg, "select xact_commit from pg_stat_database where datname = current_database()"))


def main():
    store_only = "--store-only" in sys.argv
    positional = [arg for arg in sys.argv[1:] if arg != "--store-only"]
    jar = positional[0] if positional else bench.SERVER_JAR
    seconds = int(positional[1]) if len(positional) > 1 else 15
    os.chdir(bench.ROOT)
    work = tempfile.mkdtemp(prefix="sharelinks-webhook-cpu-")
    os.chmod(work, 0o755)
    pg = bench.Postgres(work, ["shared_preload_libraries=pg_stat_statements"])
    sink = server = None
    try:
        pg.recreate()
        pg.psql("create extension pg_stat_statements")
        server = bench.JavaProcess(jar, pg.jdbc_args() + [
            f"--sharelinks.admin-token={bench.ADMIN}", "--sharelinks.demo-data=false",
            f"--sharelinks.key-encryption-key={bench.KEY_ENCRYPTION_KEY}", "--sharelinks.rate-limit.enabled=false",
            "--sharelinks.webhooks.allow-loopback=true", f"--sharelinks.webhooks.deliver={not store_only}".lower()],
            "/actuator/health/readiness", "128m",
            os.path.join(work, "server.log"))
        data = os.path.join(work, "data")
        os.makedirs(data)
        key, *_ = bench.provision(server.base, 2000, 20, 50, 50, data)
        env = {"BENCH_DATA": data, "BENCH_KEY": key}
        sink = subprocess.Popen([bench.JAVA, "-Xmx64m", "-cp", bench.HARNESS_CLASSPATH, "dev.sharelinks.bench.WebhookSink"],
                                stdout=subprocess.PIPE, text=True)
        port = int(sink.stdout.readline().split()[1])
        received = lambda: int(urllib.request.urlopen(f"http://127.0.0.1:{port}/count", timeout=10).read().decode())
        api = {"Authorization": f"Bearer {key}"}
        status, endpoint = bench.http("POST", server.base + "/v1/webhook-endpoints", api, {
            "url": f"http://127.0.0.1:{port}/hooks", "description": "cpu",
            "eventTypes": ["share_link.session_started"]})
        assert status == 201, endpoint
        for _ in range(3):
            for script in ("claim.lua", "status.lua"):
                bench.wrk(script, server.base, 15, 64, env)
        for enabled in (False, True, False, True):
            bench.http("PATCH", f"{server.base}/v1/webhook-endpoints/{endpoint['id']}", api, {"enabled": enabled})
            time.sleep(2)  # the subscription cache (1 s) has seen it
            bench.wrk("claim.lua", server.base, 5, 64, env)
            processes = {"server": lambda: [server.process.pid], "postgresql": postgres_pids,
                         "receiver": lambda: [sink.pid]}
            pg.psql("select pg_stat_statements_reset()")
            commits_before = commits(pg)
            count_before = received()
            before = {name: cpu_ticks(pids()) for name, pids in processes.items()}
            threads_before = thread_ticks(server.process.pid)
            measured = bench.wrk("claim.lua", server.base, seconds, 64, env)
            after = {name: cpu_ticks(pids()) for name, pids in processes.items()}
            threads_after = thread_ticks(server.process.pid)
            claims = max(measured["requests"], 1)
            per_claim = {name: (after[name] - before[name]) * 1e6 / os.sysconf("SC_CLK_TCK") / claims
                         for name in processes}
            print(f"{'with' if enabled else 'without'}: {measured['rps']:.0f} claims/s, deliveries "
                  f"{(received() - count_before) / seconds:.0f}/s; CPU µs per claim: "
                  + ", ".join(f"{name} {value:.0f}" for name, value in per_claim.items()), flush=True)
            by_thread = sorted(((threads_after[n] - threads_before.get(n, 0), n) for n in threads_after), reverse=True)
            print("  server threads, CPU µs per claim: " + ", ".join(
                f"{name} {t * 1e6 / os.sysconf('SC_CLK_TCK') / claims:.0f}" for t, name in by_thread[:8] if t > 0))
            print(f"  commits per claim {(commits(pg) - commits_before) / claims:.2f}; calls | µs per claim | statement")
            print(query(pg, f"""
                select calls, round((1000 * total_exec_time / {claims})::numeric, 1),
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                  from pg_stat_statements order by total_exec_time desc limit 8"""), flush=True)
            if enabled:  # its backlog fails with it: the next round starts from an empty queue
                bench.http("PATCH", f"{server.base}/v1/webhook-endpoints/{endpoint['id']}", api, {"enabled": False})
                time.sleep(3)
    finally:
        if sink:
            sink.kill()
        if server:
            server.stop()
        pg.stop()


if __name__ == "__main__":
    main()
