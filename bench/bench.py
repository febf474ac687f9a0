#!/usr/bin/env python3
"""The share-link service benchmark: hot paths and their ceilings, in one run.

Started by bench/run (which installs wrk and PostgreSQL and builds the jars). See bench/README.md.
"""
import argparse
import concurrent.futures
import datetime
import hashlib
import json
import base64
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER_JAR = os.path.join(ROOT, "server/target/sharelinks-server-0.1.0-SNAPSHOT.jar")
BASELINE_JAR = os.path.join(ROOT, "bench/baseline/target/sharelinks-bench-baseline-0.1.0-SNAPSHOT.jar")
LIBRARIES_ONLY_SOURCE = os.path.join(ROOT, "bench/libraries-only/LibrariesOnlyApplication.java")
BASELINE_CLASSES = os.path.join(ROOT, "bench/baseline/target/classes")  # ConstantAnswer, shared with the baseline
HARNESS_DIR = os.path.join(ROOT, "bench/client-harness/target")
HARNESS_CLASSPATH = os.path.join(HARNESS_DIR, "sharelinks-bench-client-harness-0.1.0-SNAPSHOT.jar") + ":" + \
    os.path.join(HARNESS_DIR, "lib", "*")
ADMIN = "bench-admin-token"
PG_BIN = "/usr/lib/postgresql/15/bin"
# the JVM for the server, the baseline and the client harness: BENCH_JAVA, else $JAVA_HOME/bin/java, else java
JAVA = os.environ.get("BENCH_JAVA") or (os.path.join(os.environ["JAVA_HOME"], "bin", "java")
                                        if os.environ.get("JAVA_HOME") else "java")


def log(message):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, headers=None, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except (urllib.error.URLError, socket.timeout) as e:
        return None, str(e)


class JavaProcess:
    """A JVM started from a program: a jar's path, or ['-cp', classpath, main class]; with the time from spawn
    to the first served request."""

    def __init__(self, program, args, ready_path, heap, log_path, jvm_args=(), java=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        launch = program if isinstance(program, list) else ["-jar", program]
        command = [java or JAVA, f"-Xmx{heap}", *jvm_args, *launch, f"--server.port={self.port}"] + args
        self.log_file = open(log_path, "w")
        started = time.monotonic()
        self.process = subprocess.Popen(command, stdout=self.log_file, stderr=subprocess.STDOUT)
        deadline = started + 120
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{program} exited with {self.process.returncode}; see {log_path}")
            try:
                with urllib.request.urlopen(self.base + ready_path, timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, socket.timeout):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{program} not ready in 120 s; see {log_path}")
            time.sleep(0.01)
        self.startup_seconds = time.monotonic() - started

    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return None

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log_file.close()


# --------------------------------------------------------------------------------------------------------------
# PostgreSQL: the one given by SPRING_DATASOURCE_*, or a throwaway local cluster


class Postgres:
    def __init__(self, workdir, settings=()):
        """settings: more `-c name=value` for a cluster of its own (e.g. webhook_cpu.py's pg_stat_statements)."""
        self.own = None
        url = os.environ.get("SPRING_DATASOURCE_URL")
        if url:
            m = re.match(r"jdbc:postgresql://([^:/]+)(?::(\d+))?/([^?]+)", url)
            if not m:
                raise SystemExit(f"SPRING_DATASOURCE_URL is not a jdbc:postgresql URL: {url}")
            self.host, self.port, self.admin_db = m.group(1), int(m.group(2) or 5432), m.group(3)
            self.user = os.environ.get("SPRING_DATASOURCE_USERNAME", "postgres")
            self.password = os.environ.get("SPRING_DATASOURCE_PASSWORD", "")
            self.kind = f"given server {self.host}:{self.port}"
        else:
            self.own = os.path.join(workdir, "pgdata")
            self.host, self.port, self.admin_db = "127.0.0.1", free_port(), "postgres"
            self.user, self.password = "postgres", "postgres"
            os.makedirs(self.own)
            shutil.chown(workdir, "postgres")
            shutil.chown(self.own, "postgres")
            pwfile = os.path.join(workdir, "pw")
            with open(pwfile, "w") as f:
                f.write(self.password)
            shutil.chown(pwfile, "postgres")
            self._as_postgres([f"{PG_BIN}/initdb", "-D", self.own, "-U", "postgres", f"--pwfile={pwfile}",
                               "-A", "scram-sha-256", "--no-sync"])
            # defaults apart from room for the benchmark's connections; synchronous_commit stays on
            self._as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.own, "-l", os.path.join(workdir, "pg.log"), "-w", "start",
                               "-o", f"-p {self.port} -k {workdir} -c max_connections=300 -c shared_buffers=256MB"
                               + "".join(f" -c {setting}" for setting in settings)])
            self.kind = "local throwaway PostgreSQL 15 cluster (synchronous_commit on)"
        self.database = "sharelinks_bench"

    @staticmethod
    def _as_postgres(command):
        subprocess.run(["runuser", "-u", "postgres", "--"] + command, check=True, stdout=subprocess.DEVNULL)

    def env(self):
        return dict(os.environ, PGHOST=self.host, PGPORT=str(self.port), PGUSER=self.user, PGPASSWORD=self.password)

    def psql(self, sql, database=None):
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", database or self.database, "-c", sql],
                       check=True, env=self.env(), stdout=subprocess.DEVNULL)

    def recreate(self):
        self.psql(f"drop database if exists {self.database}", self.admin_db)
        self.psql(f"create database {self.database}", self.admin_db)

    def jdbc_args(self):
        return [f"--spring.datasource.url=jdbc:postgresql://{self.host}:{self.port}/{self.database}",
                f"--spring.datasource.username={self.user}", f"--spring.datasource.password={self.password}"]

    def load_lists(self, tokens, result_tokens, persona_ids, api_key):
        """Numbered copies of the issued tokens and personas, so pgbench can pick one at random (bench/pgbench)."""
        with tempfile.NamedTemporaryFile("w", delete=False, suffix=".csv") as f:
            for n, token in enumerate(tokens):
                f.write(f"{n},{token}\n")
            links_csv = f.name
        with tempfile.NamedTemporaryFile("w", delete=False, suffix=".csv") as f:
            for n, (_, token) in enumerate(result_tokens, start=1):
                f.write(f"{n},{hashlib.sha256(token.encode()).hexdigest()}\n")
            tokens_csv = f.name
        self.psql("create table bench_tokens (n int primary key, token varchar(64) not null); "
                  "create table bench_result_tokens (n int primary key, hash char(64) not null)")
        subprocess.run(["psql", "-q", "-d", self.database, "-c", f"\\copy bench_tokens from '{links_csv}' csv"],
                       check=True, env=self.env())
        subprocess.run(["psql", "-q", "-d", self.database, "-c",
                        f"\\copy bench_result_tokens from '{tokens_csv}' csv"], check=True, env=self.env())
        self.psql("create table bench_personas (n int primary key, id uuid not null); "
                  "create table bench_key (hash char(64) not null); "
                  f"insert into bench_key values ('{hashlib.sha256(api_key.encode()).hexdigest()}'); "
                  "insert into bench_personas values "
                  + ", ".join(f"({n}, '{p}')" for n, p in enumerate(persona_ids, start=1)))
        self.psql("analyze")

    def pgbench(self, script, seconds, clients, variables, log_dir):
        prefix = os.path.join(log_dir, "pgbench")
        for old in os.listdir(log_dir):
            if old.startswith("pgbench"):
                os.remove(os.path.join(log_dir, old))
        command = ["pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", "2", "-T", str(seconds),
                   "-f", os.path.join(ROOT, "bench/pgbench", script), "-l", f"--log-prefix={prefix}"]
        for name, value in variables.items():
            command += ["-D", f"{name}={value}"]
        out = subprocess.run(command + [self.database], check=True, capture_output=True, text=True,
                             env=self.env()).stdout
        tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", out).group(1))
        failed = int(re.search(r"number of failed transactions: (\d+)", out).group(1)) \
            if "number of failed transactions" in out else 0
        latencies = []
        for name in os.listdir(log_dir):
            if name.startswith("pgbench"):
                with open(os.path.join(log_dir, name)) as f:
                    latencies += [int(line.split()[2]) for line in f if line.strip()]
        latencies.sort()
        return {"rps": tps, "p50_ms": percentile(latencies, 50) / 1000, "p99_ms": percentile(latencies, 99) / 1000,
                "errors": failed}

    def stop(self):
        if self.own:
            self._as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.own, "-m", "fast", "-w", "stop"])


def percentile(sorted_values, p):
    if not sorted_values:
        return 0
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))]


# --------------------------------------------------------------------------------------------------------------
# load


def wrk(script, base, seconds, connections, env):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s",
               os.path.join("bench/wrk", script), base]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, **env)).stdout
    line = next((l for l in out.splitlines() if l.startswith("WRK_JSON ")), None)
    if line is None:
        # wrk gave up (the server stopped answering): count the whole scenario as failed, go on
        return {"rps": 0.0, "p50_ms": 0.0, "p99_ms": 0.0, "errors": 1, "requests": 0}
    data = json.loads(line[len("WRK_JSON "):])
    errors = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return {"rps": data["requests"] / (data["duration_us"] / 1e6), "p50_ms": data["p50_us"] / 1000,
            "p99_ms": data["p99_us"] / 1000, "errors": errors, "requests": data["requests"]}


def parallel(calls, workers=16):
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda call: call(), calls))


def provision(base, links, personas, results, result_tokens, data_dir):
    """Through the operator and vendor APIs, as a user would: one organisation, its personas, links, results."""
    admin = {"Authorization": f"Bearer {ADMIN}"}
    status, org = http("POST", base + "/admin/v1/organizations", admin,
                       {"name": "Bench", "plan": {"removeWatermark": True, "whitelabelReports": True}})
    assert status == 201, org
    status, key = http("POST", f"{base}/admin/v1/organizations/{org['id']}/api-keys", admin, {"name": "bench"})
    assert status == 201, key
    api = {"Authorization": f"Bearer {key['key']}"}
    persona_ids = [str(uuid.uuid4()) for _ in range(personas)]
    parallel([lambda p=p: http("PUT", f"{base}/admin/v1/organizations/{org['id']}/personas/{p}", admin,
                               {"name": f"Persona {p[:8]}"}) for p in persona_ids])

    def create(i):
        status, link = http("POST", base + "/v1/share-links", api,
                            {"personaId": persona_ids[i % personas], "expiresInHours": 87600,
                             "usageLimit": 1_000_000_000})
        assert status == 201, link
        return link

    created = parallel([lambda i=i: create(i) for i in range(links)])
    result_ids = list(range(1000, 1000 + results))
    parallel([lambda r=r: http("PUT", f"{base}/admin/v1/organizations/{org['id']}/results/{r}", admin,
                               {"id": r, "status": "passed", "score": 0.9, "calls": [{"turn": i} for i in range(5)]})
              for r in result_ids])
    cekura = {"X-CEKURA-API-KEY": key["key"]}

    def share(r):
        status, body = http("POST", f"{base}/test_framework/v1/results/{r}/create_shareable_link_token/", cekura, {})
        assert status == 200, body
        return r, body["token"]

    grants = parallel([lambda r=result_ids[i % results]: share(r) for i in range(result_tokens)])
    tokens = [link["token"] for link in created]
    files = {"tokens.txt": tokens[1:], "hot.txt": tokens[:1], "ids.txt": [link["id"] for link in created],
             "personas.txt": persona_ids, "results.txt": [str(r) for r in result_ids],
             "result_tokens.txt": [f"{r} {t}" for r, t in grants]}
    for name, lines in files.items():
        with open(os.path.join(data_dir, name), "w") as f:
            f.write("\n".join(lines) + "\n")
    return key["key"], tokens, grants, persona_ids


# a throwaway key-encryption key, the same for every server of the run (they share the signing keys)
KEY_ENCRYPTION_KEY = base64.b64encode(os.urandom(32)).decode()
WARM_UP_SCRIPTS = ("status.lua", "claim.lua", "claim_hot.lua", "get.lua", "cekura_read.lua", "list.lua")
WARM_UP_ROUNDS = 2  # of 10 s per read/claim scenario: 120 s of load before the first measurement
BASELINE_WARM_UP_S = 60
LIBRARIES_CEILING = "framework + server's libraries"

SCENARIOS = [
    # name, wrk script, ceiling, target ratio, p99 limit (ms), the database statements' own ceiling (for the bound)
    ("status read (random links)", "status.lua", "framework", 0.6, None, "pg status lookup"),
    ("claim (random links)", "claim.lua", "pg claim", 0.5, 50, "pg claim"),
    ("claim (one hot link)", "claim_hot.lua", "pg claim hot", 0.5, 50, "pg claim hot"),
    ("create link", "create.lua", "framework", 0.3, None, "pg create"),
    ("get link", "get.lua", "framework", None, None, None),
    ("Cekura token create", "cekura_create.lua", "framework", None, None, None),
    ("Cekura token read", "cekura_read.lua", "pg token lookup", None, None, "pg token lookup"),
    ("list (page of 20)", "list.lua", "framework", None, None, None),
]


def run_server(database, pg, args, work, results):
    """Starts the server on one database, provisions, runs every scenario; returns the measurements."""
    data_dir = os.path.join(work, f"data-{database}")
    os.makedirs(data_dir)
    if database == "postgresql":
        pg.recreate()
        db_args = pg.jdbc_args()
    else:
        db_args = [f"--spring.datasource.url=jdbc:h2:file:{os.path.join(work, 'h2', 'sharelinks')}"]
    server_args = db_args + [
        f"--sharelinks.admin-token={ADMIN}", "--sharelinks.demo-data=false",
        # a throwaway key-encryption key: PostgreSQL requires one (it seals the grants' signing keys)
        f"--sharelinks.key-encryption-key={KEY_ENCRYPTION_KEY}",
        # every request of the benchmark comes from one address: the per-client limits would refuse most
        "--sharelinks.rate-limit.enabled=false",
        # the webhook comparison's receiver listens on 127.0.0.1, over plain http
        "--sharelinks.webhooks.allow-loopback=true"]
    server = JavaProcess(SERVER_JAR, server_args, "/actuator/health/readiness", args.heap,
                         os.path.join(work, f"server-{database}.log"),
                         # e.g. a flight recording of the server alone: BENCH_SERVER_JVM_ARGS="-XX:StartFlightRecording=..."
                         os.environ.get("BENCH_SERVER_JVM_ARGS", "").split())
    log(f"server on {database} ready in {server.startup_seconds:.2f} s; provisioning {args.links} links")
    try:
        started = time.monotonic()
        key, tokens, grants, persona_ids = provision(server.base, args.links, args.personas, 200, 2000, data_dir)
        log(f"provisioned in {time.monotonic() - started:.0f} s")
        if database == "postgresql":
            pg.load_lists(tokens, grants, persona_ids, key)
        env = {"BENCH_DATA": data_dir, "BENCH_KEY": key}
        # On 2 cores the JIT needs about two minutes of load before the server runs at its steady rate (status
        # reads climbed from ~2,400/s to ~6,000/s over the first 120 s in one measurement; see bench/README.md):
        # warm every read and claim path up in rounds first (provisioning has already run creates 10,000 times).
        warm_up([server.base], args, env)
        for name, script, *_ in SCENARIOS:
            if args.scenarios and not any(part in name for part in args.scenarios):
                continue
            wrk(script, server.base, min(5, args.duration), args.connections, env)  # warm-up
            measured = wrk(script, server.base, args.duration, args.connections, env)
            results["scenarios"].append(dict(measured, name=name, database=database))
            log(f"{database:10} {name:28} {measured['rps']:9.0f} req/s  p50 {measured['p50_ms']:.1f} ms  "
                f"p99 {measured['p99_ms']:.1f} ms  errors {measured['errors']}")
        if wanted(args, "webhooks"):
            results.setdefault("webhooks", {})[database] = webhook_comparison(server, key, env, args, work)
        if database == "postgresql" and wanted(args, "variants"):
            results.update(variants_comparison(server, db_args, env, args, work))
        if database == "postgresql" and args.compare:
            results["builds"] = builds_comparison(server, server_args, env, args, work)
        time.sleep(2)  # let queued requests drain before reading the heap
        status, heap = http("GET", server.base + "/actuator/metrics/jvm.memory.used?tag=area:heap",
                            {"Authorization": f"Bearer {ADMIN}"}, timeout=60)
        results["memory"][database] = {"heap_used_mb": heap["measurements"][0]["value"] / 1024 / 1024
                                       if status == 200 else float("nan"), "rss_mb": server.rss_mb(), "xmx": args.heap}
        if database == "postgresql":
            out = subprocess.run([JAVA, "-cp", HARNESS_CLASSPATH, "dev.sharelinks.bench.ClientHarness", server.base,
                                  tokens[1], str(max(5, args.duration // 2)), "8"],
                                 check=True, capture_output=True, text=True).stdout
            line = next(l for l in out.splitlines() if l.startswith("CLIENT_JSON "))
            results["client"] = json.loads(line[len("CLIENT_JSON "):])
            log(f"generated client {results['client']['client_rps']:.0f}/s, raw java.net.http "
                f"{results['client']['raw_rps']:.0f}/s, pairs of rounds {results['client'].get('pair_ratios')}")
    finally:
        server.stop()
    return tokens, grants


def warm_up(bases, args, env):
    """Every read and claim scenario in rounds of 10 s, the servers taking turns (see WARM_UP_ROUNDS)."""
    for _ in range(WARM_UP_ROUNDS):
        for script in WARM_UP_SCRIPTS:
            for base in bases:
                wrk(script, base, 10, args.connections, env)


def wanted(args, name):
    return not args.scenarios or any(part in name for part in args.scenarios)


def variants_comparison(unlimited, db_args, env, args, work):
    """Settings that cost per request, each against the same server without it, all on the same PostgreSQL, equally
    warmed up, taking turns twice: the per-client limits shared in PostgreSQL against the same limits kept in each
    instance's memory (a limit no client reaches; and, for reference, no limits at all, the first server), from one
    client address as the other scenarios and from 10,000 (X-Forwarded-For through a trusted proxy: each client's
    first request, and one a second after that, settles with the database); and the claim with the use log (the first
    server) against the claim without it."""
    servers = {}
    common = db_args + [f"--sharelinks.admin-token={ADMIN}", "--sharelinks.demo-data=false",
                        f"--sharelinks.key-encryption-key={KEY_ENCRYPTION_KEY}"]
    limits = ["--sharelinks.rate-limit.public-requests-per-minute=100000000",
              "--sharelinks.rate-limit.trusted-proxies=127.0.0.1"]
    try:
        for kind, extra in (("memory", limits + ["--sharelinks.rate-limit.shared=false"]),
                            ("shared", limits + ["--sharelinks.rate-limit.shared=true"]),
                            ("no use log", ["--sharelinks.rate-limit.enabled=false",
                                            "--sharelinks.use-log.enabled=false"])):
            servers[kind] = JavaProcess(SERVER_JAR, common + extra, "/actuator/health/readiness", args.heap,
                                        os.path.join(work, f"server-{kind.replace(' ', '-')}.log"))
        # the same warm-up as the first server had before its scenarios: on 2 cores the JIT needs minutes
        warm_up([server.base for server in servers.values()], args, env)
        servers["off"] = unlimited
        measured_rounds = {}
        for label, script, clients, kinds in (
                ("status", "status.lua", "1", ("off", "memory", "shared")),
                ("claim", "claim.lua", "1", ("off", "memory", "shared")),
                ("status, 10,000 clients", "status.lua", "10000", ("off", "memory", "shared")),
                ("claim, 10,000 clients", "claim.lua", "10000", ("off", "memory", "shared")),
                ("claim, use log", "claim.lua", "1", ("off", "no use log"))):
            rounds = {kind: [] for kind in kinds}
            for kind in kinds * 2:
                run_env = dict(env, BENCH_CLIENTS=clients)
                wrk(script, servers[kind].base, min(5, args.duration), args.connections, run_env)
                measured = wrk(script, servers[kind].base, args.duration, args.connections, run_env)
                rounds[kind].append(measured)
                log(f"{label}, {kind}: {measured['rps']:.0f} req/s, p99 {measured['p99_ms']:.1f} ms, "
                    f"errors {measured['errors']}")
            measured_rounds[label] = rounds
        result = {"shared_limits": {}, "use_log": None}
        for label, rounds in measured_rounds.items():
            rps = {kind: statistics.mean(r["rps"] for r in runs) for kind, runs in rounds.items()}
            errors = sum(r["errors"] for runs in rounds.values() for r in runs)
            if label == "claim, use log":
                result["use_log"] = {"with_rps": rps["off"], "without_rps": rps["no use log"],
                                     "ratio": rps["off"] / rps["no use log"],
                                     "with_p99_ms": max(r["p99_ms"] for r in rounds["off"]), "errors": errors}
                log(f"use log: claims {result['use_log']['ratio']:.2f}x the rate without it")
                continue
            result["shared_limits"][label] = {
                "with_rps": rps["shared"], "without_rps": rps["memory"], "off_rps": rps["off"],
                "ratio": rps["shared"] / rps["memory"], "ratio_off": rps["shared"] / rps["off"],
                "with_p99_ms": max(r["p99_ms"] for r in rounds["shared"]), "errors": errors}
            log(f"shared limits, {label}: {rps['shared'] / rps['memory']:.2f}x the rate with limits in memory, "
                f"{rps['shared'] / rps['off']:.2f}x the rate without limits")
        return result
    finally:
        for kind, server in servers.items():
            if kind != "off":
                server.stop()


def builds_comparison(this_build, server_args, env, args, work):
    """One scenario (--compare-script, the claim over random links unless told) on this build against other builds of
    the server (--compare, e.g. the same code with one piece stubbed out, to measure what that piece costs), all on the
    same PostgreSQL and links, equally warmed up, taking turns twice so that drift hits all of them."""
    script = args.compare_script
    name = script.removesuffix(".lua")
    servers = {"this build": this_build}
    try:
        for jar in args.compare:
            servers[jar] = JavaProcess(jar, server_args, "/actuator/health/readiness", args.heap,
                                       os.path.join(work, f"server-{os.path.basename(jar)}.log"))
            warm_up([servers[jar].base], args, env)
        rounds = {label: [] for label in servers}
        for label in list(servers) * 2:
            wrk(script, servers[label].base, min(5, args.duration), args.connections, env)
            measured = wrk(script, servers[label].base, args.duration, args.connections, env)
            rounds[label].append(measured)
            log(f"{name}, {label}: {measured['rps']:.0f} req/s, p99 {measured['p99_ms']:.1f} ms, "
                f"errors {measured['errors']}")
        rps = {label: statistics.mean(r["rps"] for r in runs) for label, runs in rounds.items()}
        result = {label: {"rps": rps[label], "ratio": rps["this build"] / rps[label],
                          "p99_ms": max(r["p99_ms"] for r in rounds[label]),
                          "errors": sum(r["errors"] for r in rounds[label])} for label in servers}
        for label in args.compare:
            log(f"{name}: this build {result[label]['ratio']:.2f}x {label}")
        return result
    finally:
        for label, server in servers.items():
            if server is not this_build:
                server.stop()


def webhook_comparison(server, key, env, args, work):
    """The counted claim over random links with an endpoint subscribed to share_link.session_started (on a local
    receiver, bench/client-harness's WebhookSink) against the same without it (the endpoint disabled), taking turns
    twice so that drift hits both; and how fast the deliveries reach the receiver, during the load and after it."""
    sink = subprocess.Popen([JAVA, "-Xmx64m", "-cp", HARNESS_CLASSPATH, "dev.sharelinks.bench.WebhookSink"],
                            stdout=subprocess.PIPE, text=True)
    try:
        port = int(sink.stdout.readline().split()[1])
        count = lambda: int(urllib.request.urlopen(f"http://127.0.0.1:{port}/count", timeout=10).read().decode())
        api = {"Authorization": f"Bearer {key}"}
        status, endpoint = http("POST", server.base + "/v1/webhook-endpoints", api,
                                {"url": f"http://127.0.0.1:{port}/hooks", "description": "bench",
                                 "eventTypes": ["share_link.session_started"]})
        assert status == 201, endpoint
        rounds = {"with": [], "without": []}
        for enabled in (False, True, False, True):
            status, _ = http("PATCH", f"{server.base}/v1/webhook-endpoints/{endpoint['id']}", api, {"enabled": enabled})
            assert status == 200
            time.sleep(2)  # every instance's subscription cache (1 s) has seen the change
            wrk("claim.lua", server.base, min(5, args.duration), args.connections, env)
            before = count()
            measured = wrk("claim.lua", server.base, args.duration, args.connections, env)
            measured["deliveries_per_s"] = (count() - before) / args.duration
            rounds["with" if enabled else "without"].append(measured)
            log(f"claim {'with' if enabled else 'without'} a webhook endpoint: {measured['rps']:.0f} req/s, "
                f"p99 {measured['p99_ms']:.1f} ms, deliveries {measured['deliveries_per_s']:.0f}/s")
        # the backlog the last round left: how fast it drains without load
        started, delivered, last, idle = time.monotonic(), count(), count(), 0
        while idle < 3 and time.monotonic() - started < 300:
            time.sleep(1)
            now = count()
            idle = idle + 1 if now == last else 0
            last = now
        drain_s = max(time.monotonic() - started - idle, 1e-9)
        # the scenarios after this one measure claims without webhooks
        status, _ = http("PATCH", f"{server.base}/v1/webhook-endpoints/{endpoint['id']}", api, {"enabled": False})
        assert status == 200
        result = {"with": rounds["with"], "without": rounds["without"],
                  "with_rps": statistics.mean(r["rps"] for r in rounds["with"]),
                  "without_rps": statistics.mean(r["rps"] for r in rounds["without"]),
                  "deliveries_during_load_per_s": statistics.mean(r["deliveries_per_s"] for r in rounds["with"]),
                  "drained": last - delivered, "drain_per_s": (last - delivered) / drain_s,
                  "errors": sum(r["errors"] for r in rounds["with"] + rounds["without"])}
        result["ratio"] = result["with_rps"] / result["without_rps"]
        log(f"webhooks: claims {result['ratio']:.2f}x the rate without; deliveries {result['deliveries_during_load_per_s']:.0f}/s "
            f"during the load, {result['drain_per_s']:.0f}/s draining {result['drained']} afterwards")
        return result
    finally:
        sink.kill()


def startup_times(variants, heap, work, runs=5):
    """Start-up to first served request of each variant, median of `runs`. The variants take turns (one start
    of each per round), so that the machine's drift over the minutes of the measurement hits all of them."""
    times = {key: [] for key, *_ in variants}
    for i in range(runs):
        for key, program, args_for, ready_path, jvm_args, *java in variants:
            process = JavaProcess(program, args_for(i), ready_path, heap, os.path.join(work, f"startup-{key}-{i}.log"),
                                  jvm_args, *java)
            times[key].append(process.startup_seconds)
            process.stop()
    return {key: statistics.median(values) for key, values in times.items()}


def extract(jar, label, work):
    """Spring Boot's `extract`: the application jar next to a lib/ folder of plain jars (no nested jars to open
    at start-up). Returns the extracted application jar; its manifest's Class-Path names the libraries."""
    directory = os.path.join(work, f"extracted-{label}")
    subprocess.run([JAVA, "-Djarmode=tools", "-jar", jar, "extract", "--destination", directory], check=True,
                   capture_output=True)
    return os.path.join(directory, os.path.basename(jar))


def cds_archive(extracted, args, heap):
    """Spring Boot's documented CDS set-up on an extracted jar: one training run that stops after the context
    has started and writes the archive. Returns the JVM option that uses the archive."""
    archive = os.path.join(os.path.dirname(extracted), "application.jsa")
    subprocess.run([JAVA, f"-Xmx{heap}", f"-XX:ArchiveClassesAtExit={archive}", "-Dspring.context.exit=onRefresh",
                    "-jar", extracted, "--server.port=0"] + args, check=True, capture_output=True, timeout=300)
    return [f"-XX:SharedArchiveFile={archive}"]


def supports_aot_cache(java):
    """JDK 25 (JEP 483 and its successors: one-step -XX:AOTCacheOutput) has an ahead-of-time cache; JDK 17 has not."""
    if not java or (os.path.isabs(java) and not os.path.exists(java)):
        return False
    probe = subprocess.run([java, "-XX:+PrintFlagsFinal", "-version"], capture_output=True, text=True)
    return "AOTCacheOutput" in probe.stdout


def aot_java():
    """The JVM of the AOT-cache start-ups (#20 item 6 is on JDK 25): BENCH_AOT_JAVA, else the benchmark's own JVM
    when it has the cache, else this machine's JDK 25 when there is one; None without any."""
    for java in (os.environ.get("BENCH_AOT_JAVA"), JAVA, "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"):
        if supports_aot_cache(java):
            return java
    return None


def aot_cache(extracted, args, heap, java, name="application", jvm_args=()):
    """The README's AOT-cache recipe on an extracted jar: one training run that stops after the context has
    started (the classes it loads and links, and their profiles) and writes the cache. Returns the JVM options that
    use it (with `jvm_args`, which the training run had too)."""
    cache = os.path.join(os.path.dirname(extracted), f"{name}.aot")
    subprocess.run([java, f"-Xmx{heap}", *jvm_args, f"-XX:AOTCacheOutput={cache}", "-Dspring.context.exit=onRefresh",
                    "-jar", extracted, "--server.port=0"] + args, check=True, capture_output=True, timeout=600)
    return [*jvm_args, f"-XX:AOTCache={cache}"]


def libraries_only(extracted_server, work):
    """bench/libraries-only compiled against the extracted server jar: the server's libraries, auto-configuration
    and application.yml without any of its code. Returns the JVM arguments that start it."""
    classes = os.path.join(work, "libraries-only")
    javac = os.path.join(os.path.dirname(JAVA), "javac")
    classpath = os.pathsep.join([BASELINE_CLASSES, extracted_server])
    subprocess.run([javac if os.path.exists(javac) else "javac", "--release", "17", "-d", classes,
                    "-cp", classpath, LIBRARIES_ONLY_SOURCE], check=True, capture_output=True)
    return ["-cp", os.pathsep.join([classes, classpath]), "LibrariesOnlyApplication"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=15, help="seconds per measured scenario")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--personas", type=int, default=100)
    parser.add_argument("--heap", default="128m", help="-Xmx of the server and the baseline")
    parser.add_argument("--only", choices=["postgresql", "h2"], help="run one database only")
    parser.add_argument("--scenarios", type=lambda text: text.split(","), default=None,
                        help="measure only the scenarios whose names contain one of these comma-separated words "
                             "(development runs)")
    parser.add_argument("--report", metavar="RESULTS_JSON",
                        help="measure nothing: write the report of an earlier run (bench/results/<stamp>.json) again")
    parser.add_argument("--startup-only", action="store_true",
                        help="measure the start-ups only (no load, no database; #20 item 6)")
    parser.add_argument("--skip-ceilings", action="store_true",
                        help="skip the framework and start-up ceilings (development runs; the pgbench ceilings stay)")
    parser.add_argument("--compare", type=lambda text: text.split(","), default=[],
                        help="comma-separated server jars whose claim over random links is measured against this "
                             "build's in the same run, taking turns (e.g. the same code with one piece stubbed out)")
    parser.add_argument("--compare-script", default="claim.lua",
                        help="the bench/wrk script --compare measures (default: claim.lua, the claim over random links)")
    args = parser.parse_args()
    if args.report:
        with open(args.report) as f:
            report(json.load(f), os.path.basename(args.report).removesuffix(".json"))
        return

    work = tempfile.mkdtemp(prefix="sharelinks-bench-")
    os.chmod(work, 0o755)
    results = {"scenarios": [], "ceilings": {}, "memory": {}, "startup": {}, "client": None,
               "settings": vars(args), "machine": machine()}
    pg = None

    def on_each_database():
        """The server on PostgreSQL, then pgbench's ceilings with the server stopped, then the server on H2."""
        nonlocal pg
        databases = [args.only] if args.only else ["postgresql", "h2"]
        if "postgresql" in databases:
            pg = Postgres(work)
            results["postgresql"] = pg.kind
            run_server("postgresql", pg, args, work, results)
            pg_ceilings(pg, args, work, results)
        if "h2" in databases:
            run_server("h2", pg, args, work, results)

    try:
        if args.skip_ceilings:
            on_each_database()
            print(json.dumps({k: results[k] for k in ("scenarios", "ceilings", "webhooks", "shared_limits", "use_log",
                                                          "builds")
                              if k in results}, indent=2))
            return
        extracted_server = extract(SERVER_JAR, "server", work)
        extracted_baseline = extract(BASELINE_JAR, "baseline", work)
        libraries = libraries_only(extracted_server, work)
        h2_empty = lambda name: [f"--spring.datasource.url=jdbc:h2:file:{work}/{name}/sharelinks",
                                 "--sharelinks.demo-data=false"]
        # the framework ceiling, and the same endpoint with the server's libraries (what they cost per request):
        # both warmed up first, then measured one right after the other
        if not args.startup_only:  # --startup-only: no load, no database
            ceilings = {"framework": JavaProcess(BASELINE_JAR, [], "/constant", args.heap,
                                                 os.path.join(work, "baseline.log"))}
            try:
                ceilings[LIBRARIES_CEILING] = JavaProcess(libraries, h2_empty("libraries-only-load"), "/constant",
                                                          args.heap, os.path.join(work, "libraries-only.log"))
                env = {"BENCH_METHOD": "GET"}
                for process in ceilings.values():
                    wrk("baseline.lua", process.base, BASELINE_WARM_UP_S, args.connections, env)  # the chance to warm up
                for name, process in ceilings.items():
                    results["ceilings"][name] = wrk("baseline.lua", process.base, args.duration, args.connections, env)
                    log(f"constant JSON, {name}: {results['ceilings'][name]['rps']:.0f} req/s")
            finally:
                for process in ceilings.values():
                    process.stop()
        baseline_flags = cds_archive(extracted_baseline, [], args.heap)
        server_flags = cds_archive(extracted_server, h2_empty("cds-training"), args.heap)
        server_ready, bare_ready, none = "/actuator/health/readiness", "/constant", lambda i: []
        aot_variants = []
        jdk25 = aot_java()
        if jdk25:
            # bare Spring Boot's plain `java -jar` on the same JDK is the reference; the jar carries Spring AOT's
            # bean definitions too (server/pom.xml), used with -Dspring.aot.enabled=true
            spring_aot = ["-Dspring.aot.enabled=true"]
            aot_variants = [
                ("baseline_jdk25_s", BASELINE_JAR, none, bare_ready, (), jdk25),
                ("baseline_aot_s", extracted_baseline, none, bare_ready,
                 aot_cache(extracted_baseline, [], args.heap, jdk25), jdk25),
                ("server_h2_aot_s", extracted_server, lambda i: h2_empty(f"startup-aot-{i}"), server_ready,
                 aot_cache(extracted_server, h2_empty("aot-training"), args.heap, jdk25), jdk25),
                ("server_h2_spring_aot_s", extracted_server, lambda i: h2_empty(f"startup-spring-aot-{i}"),
                 server_ready, aot_cache(extracted_server, h2_empty("spring-aot-training"), args.heap, jdk25,
                                         "spring-aot", spring_aot), jdk25)]
        results["startup"] = startup_times(aot_variants + [
            ("baseline_s", BASELINE_JAR, none, bare_ready, ()),
            ("server_h2_s", SERVER_JAR, lambda i: h2_empty(f"startup-{i}"), server_ready, ()),
            # from the extracted jars: bare Spring Boot, the server, the server's libraries without its code
            ("baseline_extracted_s", extracted_baseline, none, bare_ready, ()),
            ("server_h2_extracted_s", extracted_server, lambda i: h2_empty(f"startup-extracted-{i}"), server_ready,
             ()),
            ("libraries_only_s", libraries, lambda i: h2_empty(f"startup-libraries-{i}"), server_ready, ()),
            ("baseline_cds_s", extracted_baseline, none, bare_ready, baseline_flags),
            ("server_h2_cds_s", extracted_server, lambda i: h2_empty(f"startup-cds-{i}"), server_ready, server_flags),
        ], args.heap, work)
        start = results["startup"]
        log(f"start-up to first served request (H2, empty): server {start['server_h2_s']:.2f} s, bare Spring Boot "
            f"{start['baseline_s']:.2f} s; extracted: server {start['server_h2_extracted_s']:.2f} s, its libraries "
            f"only {start['libraries_only_s']:.2f} s, bare {start['baseline_extracted_s']:.2f} s; with CDS: server "
            f"{start['server_h2_cds_s']:.2f} s, bare {start['baseline_cds_s']:.2f} s")

        if not args.startup_only:
            on_each_database()
    finally:
        if pg:
            pg.stop()
    report(results)


def pg_ceilings(pg, args, work, results):
    """PostgreSQL's own rates for the server's statements, with the server stopped so the two do not share the CPU."""
    links = args.links - 1
    results["ceilings"]["pg claim"] = pg.pgbench("claim_update.sql", args.duration, args.connections,
                                                 {"links": links}, work)
    results["ceilings"]["pg claim hot"] = pg.pgbench("claim_update_hot.sql", args.duration,
                                                     args.connections, {}, work)
    results["ceilings"]["pg token lookup"] = pg.pgbench("token_lookup.sql", args.duration,
                                                        args.connections, {"tokens": 2000}, work)
    results["ceilings"]["pg status lookup"] = pg.pgbench("status_lookup.sql", args.duration,
                                                         args.connections, {"links": links}, work)
    results["ceilings"]["pg create"] = pg.pgbench("create.sql", args.duration, args.connections,
                                                  {"personas": args.personas}, work)
    for name in ("pg claim", "pg claim hot", "pg token lookup", "pg status lookup", "pg create"):
        log(f"pgbench {name}: {results['ceilings'][name]['rps']:.0f} tps")


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    java = subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {"cpus": os.cpu_count(), "cpu": cpu, "kernel": platform.release(), "java": java,
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)}


def bound_rps(ceilings, framework_key, database_key):
    """The best rate a server could reach if it added nothing to the bare endpoint's work (or to that of the same
    endpoint with the server's libraries) and its database statements' work: both ceilings saturate the same
    cores, so their costs per request add up. None without both ceilings."""
    framework = ceilings.get(framework_key)
    database = ceilings.get(database_key) if database_key else None
    if not framework or not database:
        return None
    return 1 / (1 / framework["rps"] + 1 / database["rps"])


def bound(results, scenario, ceiling, framework_key="framework"):
    """bound_rps as a ratio to the scenario's ceiling, for the table."""
    best = bound_rps(results["ceilings"], framework_key, scenario[5])
    return f"{best / ceiling['rps']:.2f}" if best and ceiling else ""


def issue20_targets(results):
    """#20's targets 1 to 5, each against the ceiling it names, from the same run's figures: rows and verdicts."""
    scenarios = {s["name"]: s for s in results["scenarios"] if s["database"] == "postgresql"}
    ceilings, rows, verdicts = results["ceilings"], [], []

    for item, name, reference, reference_rps, target, p99_limit in (
            (1, "claim (one hot link)", "pgbench same row", (ceilings.get("pg claim hot") or {}).get("rps"), 3.0, 50),
            (2, "claim (random links)", "pgbench one claim per transaction", (ceilings.get("pg claim") or {}).get("rps"),
             1.0, 50),
            (3, "status read (random links)", "bound with the server's libraries",
             bound_rps(ceilings, LIBRARIES_CEILING, "pg status lookup"), 0.8,
             None),
            (3, "Cekura token read", "bound with the server's libraries",
             bound_rps(ceilings, LIBRARIES_CEILING, "pg token lookup"), 0.8, None),
            (4, "list (page of 20)", "status read, same run", (scenarios.get("status read (random links)") or {}).get("rps"),
             0.5, None),
            (5, "create link", "pgbench create statements", (ceilings.get("pg create") or {}).get("rps"), 0.7, None)):
        s = scenarios.get(name)
        if not s or not reference_rps:
            continue
        ratio = s["rps"] / reference_rps
        ok = ratio >= target and (p99_limit is None or s["p99_ms"] <= p99_limit) and s["errors"] == 0
        verdicts.append(ok)
        limit_text = f", p99 ≤ {p99_limit} ms" if p99_limit else ""
        rows.append(f"| {item} | {name} | {s['rps']:.0f} | {s['p99_ms']:.1f} | {reference} {reference_rps:.0f} | "
                    f"{ratio:.2f} | ≥ {target}×{limit_text} | {'yes' if ok else '**no**'} |")
    if rows:
        rows = ["", "#20's targets 1–5 on PostgreSQL (6 and 7 are the start-up and client rows above):", "",
                "| item | scenario | req/s | p99 ms | against (req/s) | ratio | target | met |",
                "| ---: | --- | ---: | ---: | --- | ---: | --- | --- |"] + rows
    return rows, verdicts


def report(results, stamp=None):
    """Writes bench/results/<stamp>.md and .json; given the stamp of an earlier run, writes that run's report
    again from its figures (--report)."""
    rows = ["| scenario | database | req/s | p50 ms | p99 ms | errors | ceiling (req/s) | ratio | bound "
            "| bound with the libraries | target | met |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | --- |"]
    verdicts = []
    for s in results["scenarios"]:
        scenario = next(x for x in SCENARIOS if x[0] == s["name"])
        ceiling_name = scenario[2]
        ceiling = results["ceilings"].get(ceiling_name)
        if ceiling is None and ceiling_name.startswith("pg"):
            ceiling_name, ceiling = "framework", results["ceilings"]["framework"]
        ratio = s["rps"] / ceiling["rps"] if ceiling else None
        target = scenario[3] if scenario[2] == ceiling_name and (s["database"] == "postgresql"
                                                                 or not ceiling_name.startswith("pg")) else None
        p99_limit = scenario[4] if s["database"] == "postgresql" else None
        met = ""
        if target is not None or p99_limit is not None:
            ok = (target is None or ratio >= target) and (p99_limit is None or s["p99_ms"] <= p99_limit) \
                and s["errors"] == 0
            met = "yes" if ok else "**no**"
            verdicts.append(ok)
        target_text = " ".join(filter(None, [f"≥ {target}×" if target else "",
                                             f"p99 ≤ {p99_limit} ms" if p99_limit else ""]))
        rows.append(f"| {s['name']} | {s['database']} | {s['rps']:.0f} | {s['p50_ms']:.1f} | {s['p99_ms']:.1f} | "
                    f"{s['errors']} | {ceiling_name} {ceiling['rps']:.0f} | {ratio:.2f} | "
                    f"{bound(results, scenario, ceiling) if s['database'] == 'postgresql' else ''} | "
                    f"{bound(results, scenario, ceiling, LIBRARIES_CEILING) if s['database'] == 'postgresql' else ''} | "
                    f"{target_text} | {met} |")
    for database, w in results.get("webhooks", {}).items():
        ok = w["ratio"] >= 0.9 and w["errors"] == 0
        verdicts.append(ok)
        last = w["with"][-1]
        rows.append(f"| claim (random links), an endpoint subscribed to `session_started` | {database} | "
                    f"{w['with_rps']:.0f} | {last['p50_ms']:.1f} | {last['p99_ms']:.1f} | {w['errors']} | "
                    f"same run without webhooks {w['without_rps']:.0f} | {w['ratio']:.2f} | | | ≥ 0.9× | "
                    f"{'yes' if ok else '**no**'} |")
    use_log = results.get("use_log")
    if use_log:
        ok = use_log["ratio"] >= 0.9 and use_log["errors"] == 0
        verdicts.append(ok)
        rows.append(f"| claim (random links) with the use log | postgresql | {use_log['with_rps']:.0f} | | "
                    f"{use_log['with_p99_ms']:.1f} | {use_log['errors']} | same run without it "
                    f"{use_log['without_rps']:.0f} | {use_log['ratio']:.2f} | | | ≥ 0.9× | {'yes' if ok else '**no**'} |")
    for label, w in results.get("shared_limits", {}).items():
        counted = "clients" not in label  # the target is the one-client benchmark; the other says what it costs
        ok = w["ratio"] >= 0.8 and w["errors"] == 0
        if counted:
            verdicts.append(ok)
        rows.append(f"| {label}, rate limits shared on PostgreSQL | postgresql | {w['with_rps']:.0f} | | "
                    f"{w['with_p99_ms']:.1f} | {w['errors']} | same run, limits in memory {w['without_rps']:.0f} "
                    f"(no limits {w['off_rps']:.0f}) | {w['ratio']:.2f} | | | {'≥ 0.8×' if counted else ''} | "
                    f"{('yes' if ok else '**no**') if counted else ''} |")
    client = results["client"]
    if client:
        ok = client["ratio"] >= 0.95  # #20 item 7
        verdicts.append(ok)
        rows.append(f"| generated Java client, status read | postgresql | {client['client_rps']:.0f} | | | 0 | "
                    f"raw java.net.http {client['raw_rps']:.0f} (pairs of rounds: "
                    f"{', '.join(f'{r:.2f}' for r in client.get('pair_ratios', []))}) | {client['ratio']:.2f} | | | ≥ 0.95× | "
                    f"{'yes' if ok else '**no**'} |")
    start = results["startup"]
    bare, libraries = "bare Spring Boot", "the server's libraries only"
    for label, key, reference_key, reference, counted in (
            ("start-up to first served request (H2, empty), `java -jar`", "server_h2_s", "baseline_s", bare, True),
            ("start-up, both with a CDS archive", "server_h2_cds_s", "baseline_cds_s", bare, True),
            ("start-up, server with CDS vs bare `java -jar`", "server_h2_cds_s", "baseline_s", bare, False),
            ("start-up, server with Spring AOT and an AOT cache (JDK 25) vs bare `java -jar` (JDK 25)",
             "server_h2_spring_aot_s", "baseline_jdk25_s", bare, "aot"),
            ("start-up, server with an AOT cache alone (JDK 25) vs bare `java -jar` (JDK 25)", "server_h2_aot_s",
             "baseline_jdk25_s", bare, False),
            ("start-up, both with an AOT cache (JDK 25)", "server_h2_aot_s", "baseline_aot_s", bare, False),
            ("start-up, both from the extracted jar", "server_h2_extracted_s", "baseline_extracted_s", bare, False),
            ("start-up, the server's libraries without its code (extracted)", "libraries_only_s",
             "baseline_extracted_s", bare, False),
            ("start-up, server vs its libraries without its code (extracted)", "server_h2_extracted_s",
             "libraries_only_s", libraries, False)):
        if key not in start or reference_key not in start:
            continue
        startup_ratio = start[key] / start[reference_key]
        met = ""
        limit = 1.0 if counted == "aot" else 1.5  # #20: with the AOT cache, on par with bare `java -jar`
        if counted:
            verdicts.append(startup_ratio <= limit)
            met = "yes" if startup_ratio <= limit else "**no**"
        rows.append(f"| {label} | h2 | {start[key]:.2f} s | | | | "
                    f"{reference} {start[reference_key]:.2f} s | {startup_ratio:.2f} | | | "
                    f"{f'≤ {limit}×' if counted else ''} | {met} |")
    targets, target_verdicts = issue20_targets(results)
    verdicts += target_verdicts
    errors = sum(s["errors"] for s in results["scenarios"])
    verdicts.append(errors == 0)
    ceilings = ["", "| ceiling | req/s | p50 ms | p99 ms | errors |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, c in results["ceilings"].items():
        ceilings.append(f"| {name} | {c['rps']:.0f} | {c['p50_ms']:.1f} | {c['p99_ms']:.1f} | {c['errors']} |")
    for database, w in results.get("webhooks", {}).items():
        ceilings.append("")
        ceilings.append(f"Webhook deliveries to a local receiver ({database}): {w['deliveries_during_load_per_s']:.0f}/s "
                        f"during the claims, {w['drain_per_s']:.0f}/s draining the {w['drained']} left afterwards.")
    memory = ["", "| after the load | heap used | RSS | -Xmx |", "| --- | ---: | ---: | --- |"]
    for name, m in results["memory"].items():
        memory.append(f"| server on {name} | {m['heap_used_mb']:.0f} MB | {m['rss_mb']:.0f} MB | {m['xmx']} |")
    m = results["machine"]
    rerun = stamp is not None
    ran = datetime.datetime.strptime(stamp, "%Y%m%dT%H%MZ") if rerun else datetime.datetime.now(datetime.timezone.utc)
    header = [f"Run {ran:%Y-%m-%d %H:%M} UTC on {m['cpus']} × {m['cpu']}, "
              f"{m['memory_gb']} GB, Linux {m['kernel']}, {m['java']}; load generator (wrk, "
              f"{results['settings']['connections']} connections), database and server on the same machine; "
              f"{results['settings']['duration']} s per scenario, {results['settings']['links']} links over "
              f"{results['settings']['personas']} personas; server and baseline with -Xmx{results['settings']['heap']}; "
              f"PostgreSQL: {results.get('postgresql', 'not run')}.", "",
              f"Targets met: {sum(verdicts)} of {len(verdicts)}; errors over the whole run: {errors}.", ""]
    text = "\n".join(header + rows + targets + ceilings + memory) + "\n"
    print("\n" + text)
    os.makedirs(os.path.join(ROOT, "bench/results"), exist_ok=True)
    stamp = stamp or ran.strftime("%Y%m%dT%H%MZ")
    with open(os.path.join(ROOT, "bench/results", f"{stamp}.md"), "w") as f:
        f.write(text)
    if not rerun:
        with open(os.path.join(ROOT, "bench/results", f"{stamp}.json"), "w") as f:
            json.dump(results, f, indent=2)
    log(f"results written to bench/results/{stamp}.md" + ("" if rerun else " and .json"))


if __name__ == "__main__":
    main()
