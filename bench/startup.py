"""Start-up benchmark of terraform-provider-pyvider against the Go reference provider; see startup.sh.

Every launch is timed the way go-plugin sees it: exec -> first stdout line (the handshake line), with
time.perf_counter around subprocess.Popen + reading that line; the launched process is killed right after.
Progress goes to stderr, the report to stdout. Exit status: 0 = measured, 1 = something broke (no handshake line,
a daemon that does not start or stop, a failed conformance check), 2 = usage.
"""
import argparse
import glob
import json
import os
import re
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"
PLUGIN_KEYS = ("TF_PLUGIN_MAGIC_COOKIE", "PLUGIN_PROTOCOL_VERSIONS", "PLUGIN_MIN_PORT", "PLUGIN_MAX_PORT",
               "PLUGIN_CLIENT_CERT")
HANDSHAKE = re.compile(rb"^1\|[56]\|(tcp|unix)\|[^|]+\|grpc(\|[A-Za-z0-9+/=]*)?\r?\n?$")
LINE_TIMEOUT_S = 120
CONCURRENT = 10


class Breakage(Exception):
    """Something did not work (as opposed to being slow)."""


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# /proc


def proc_status(pid):
    """Fields of /proc/PID/status (kB for Vm*); {} when the process is gone."""
    fields = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                name, _, value = line.partition(":")
                fields[name] = value.strip()
    except OSError:
        return {}
    return fields


def kb(fields, name):
    try:
        return int(fields[name].split()[0])
    except (KeyError, ValueError, IndexError):
        return None


def mb(kilobytes):
    return None if kilobytes is None else kilobytes / 1024


def alive(pid):
    """Running and not a zombie (a detached daemon is no child of ours; its zombie must not count)."""
    state = proc_status(pid).get("State", "")
    return bool(state) and not state.startswith(("Z", "X"))


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


def java_child(pid):
    """The JVM a launcher that stayed as its parent started (it does while a class-data archive is mapped), or None."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            children = [int(c) for c in f.read().split()]
    except OSError:
        return None
    return next((c for c in children if comm(c) == "java"), None)


def cpu_ms(pid):
    """utime + stime of one process, ms (USER_HZ = 100)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 10
    except (OSError, IndexError, ValueError):
        return None


def fd_count(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


def pids_mentioning(text):
    """PIDs whose command line contains text (our unique scratch path): what we started, found by id."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid() and text in cmdline(int(entry)):
            found.append(int(entry))
    return found


# ---------------------------------------------------------------------------------------------------------------
# statistics and formatting


def p90(values):
    ordered = sorted(values)
    return ordered[max(0, int(round(0.9 * len(ordered))) - 1)]


def summary(values):
    if not values:
        return None
    return {"median": statistics.median(values), "p90": p90(values), "min": min(values), "max": max(values),
            "n": len(values)}


def fmt(value, digits=0, unit=""):
    if value is None:
        return "n/a"
    return f"{value:.{digits}f}{unit}"


def ratio(ours, theirs):
    if ours is None or theirs in (None, 0):
        return "n/a"
    return f"{ours / theirs:.2f}x"


# ---------------------------------------------------------------------------------------------------------------
# launching


class Launch:
    """One launch: Popen -> first stdout line, timed; the process stays alive until stop()."""

    def __init__(self, argv, env, registry):
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        registry.append(self.proc)
        self.line = self._first_line()
        self.ms = (time.perf_counter() - self.started) * 1000
        status = proc_status(self.proc.pid)  # at the handshake line, before the kill
        self.hwm_kb = kb(status, "VmHWM")
        self.rss_kb = kb(status, "VmRSS")
        self.comm = comm(self.proc.pid)
        jvm = java_child(self.proc.pid) if self.comm != "java" else None
        if jvm is not None:  # the launcher stayed as the JVM's parent: count both
            jvm_status = proc_status(jvm)
            self.hwm_kb = (self.hwm_kb or 0) + (kb(jvm_status, "VmHWM") or 0)
            self.rss_kb = (self.rss_kb or 0) + (kb(jvm_status, "VmRSS") or 0)
            self.comm = "java"
        if self.line is None or not HANDSHAKE.match(self.line):
            try:
                exited = self.proc.wait(timeout=1) if self.line is None else self.proc.poll()
            except subprocess.TimeoutExpired:
                exited = None
            self.stop()
            if self.line is not None:
                shown = repr(self.line[:200])
            elif exited is not None:
                shown = f"exited with status {exited} after {self.ms:.0f} ms without printing one"
            else:
                shown = f"nothing on stdout within {LINE_TIMEOUT_S} s"
            raise Breakage(f"{argv[0]}: no valid handshake line ({shown})")

    def _first_line(self):
        fd, buf = self.proc.stdout.fileno(), b""
        deadline = time.monotonic() + LINE_TIMEOUT_S
        while b"\n" not in buf:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return buf or None
            buf += chunk
        return buf.split(b"\n", 1)[0] + b"\n"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc.stdout.close()


def timed_launches(argv, env, count, registry, label):
    """One discarded launch, then count timed ones, each stopped before the next."""
    Launch(argv, env, registry).stop()
    launches = []
    for _ in range(count):
        launch = Launch(argv, env, registry)
        launch.stop()
        launches.append(launch)
    log(f"{label}: median {statistics.median(l.ms for l in launches):.1f} ms over {count} launches")
    return launches


def concurrent_launches(argv, env, count, registry):
    """count launches started at once (one thread each); returns them alive, with their line times."""
    results, errors = [None] * count, []

    def one(i):
        try:
            results[i] = Launch(argv, env, registry)
        except Exception as failed:  # reported below, in the main thread
            errors.append(failed)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall_ms = (time.perf_counter() - started) * 1000
    if errors:
        for launch in results:
            if launch:
                launch.stop()
        raise Breakage(f"{len(errors)} of {count} concurrent launches failed: {errors[0]}")
    return results, wall_ms


# ---------------------------------------------------------------------------------------------------------------
# the daemon


class Daemons:
    """Daemons living under one PYVIDER_DAEMON_DIR; the archive cache's locks tell when a training run is done."""

    def __init__(self, base, cache):
        self.base, self.cache, self.seen = base, cache, set()

    def port_file(self):
        for path in glob.glob(os.path.join(self.base, "*", "port")):
            try:
                with open(path) as f:
                    port, pid = f.read().split()[:2]
                return path, int(port), int(pid)
            except (OSError, ValueError):
                continue
        return None

    def running(self):
        """PID of the running daemon (checked to be our daemon), or None."""
        found = self.port_file()
        if found and alive(found[2]) and "--daemon" in cmdline(found[2]) and self.base in cmdline(found[2]):
            self.seen.add(found[2])
            return found[2]
        return None

    def wait_running(self, timeout_s=10):
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            pid = self.running()
            if pid:
                return pid
            time.sleep(0.05)
        raise Breakage(f"no running daemon under {self.base} (port file: {self.port_file()})")

    def stop(self, pid, timeout_s=60):
        """SIGTERM; waits for the JVM to exit and for any archive it writes at exit; returns ms to exit."""
        started = time.perf_counter()
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return 0.0
        deadline = time.monotonic() + timeout_s
        while alive(pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                raise Breakage(f"daemon {pid} still running {timeout_s} s after SIGTERM (killed)")
            time.sleep(0.02)
        exit_ms = (time.perf_counter() - started) * 1000
        self.wait_archives()
        return exit_ms

    def wait_archives(self, timeout_s=300):
        """Waits until no archive is being written (the launcher's <archive>.lock directories are gone)."""
        deadline = time.monotonic() + timeout_s
        while glob.glob(os.path.join(self.cache, "*.lock")):
            if time.monotonic() > deadline:
                raise Breakage(f"class-data archive still being written after {timeout_s} s")
            time.sleep(0.2)

    def archives(self):
        return sorted(os.path.basename(p) for p in glob.glob(os.path.join(self.cache, "pyvider-*"))
                      if p.endswith((".jsa", ".aot")))

    def stop_all(self):
        for path in glob.glob(os.path.join(self.base, "*", "port")):
            try:
                with open(path) as f:
                    self.seen.add(int(f.read().split()[1]))
            except (OSError, ValueError, IndexError):
                pass
        for pid in self.seen:
            if alive(pid) and "--daemon" in cmdline(pid) and self.base in cmdline(pid):
                try:
                    self.stop(pid, timeout_s=30)
                except Breakage as failed:
                    log(f"cleanup: {failed}")


def warm_up_state(binary, env):
    """The daemon's own word on its JIT warm-up (daemon status --json): pending, running, done, none, ..."""
    try:
        out = subprocess.run([binary, "daemon", "status", "--json"], env=env, capture_output=True, timeout=30).stdout
        return json.loads(out).get("warm_up")
    except (subprocess.SubprocessError, ValueError, AttributeError):
        return None


def daemon_log_problems(base):
    """warn/error lines of the daemons' logs (hclog JSON), counted and the first few kept."""
    lines = []
    for path in glob.glob(os.path.join(base, "*", "daemon.log")):
        try:
            with open(path, errors="replace") as f:
                lines += [l.strip() for l in f if re.search(r'"@level":"(warn|error)', l) or
                          (not l.startswith("{") and l.strip())]
        except OSError:
            pass
    return lines


def archive_mode(pid):
    line = cmdline(pid)
    if "ArchiveClassesAtExit" in line or "AOTCacheOutput" in line:
        return "writes archive at exit"
    if "SharedArchiveFile" in line or "AOTCache=" in line:
        return "archive"
    return "no archive"


def daemon_snapshot(pid):
    status = proc_status(pid)
    return {"rss_kb": kb(status, "VmRSS"), "hwm_kb": kb(status, "VmHWM"), "threads": kb(status, "Threads"),
            "fds": fd_count(pid), "cpu_ms": cpu_ms(pid)}


# ---------------------------------------------------------------------------------------------------------------
# conformance harness (../shared/conformance/run.sh, optional)

PERCALL = [
    ("plan_throughput", "plan throughput", "tokens/s", 0),
    ("apply_throughput", "apply throughput", "tokens/s", 0),
    ("many_PlanResourceChange_p50_ms", "PlanResourceChange p50", "ms", 2),
    ("many_ApplyResourceChange_p50_ms", "ApplyResourceChange p50", "ms", 2),
    ("many_ReadResource_p50_ms", "ReadResource p50", "ms", 2),
]
WANTED = [
    ("handshake_ms_median", "exec -> healthy, median of 5 (go-plugin client)", "ms", 1),
    ("handshake_ms", "exec -> healthy, first launch", "ms", 1),
    ("handshake_line_ms", "exec -> handshake line (raw launch)", "ms", 1),
    ("kill_ms_median", "Kill() median", "ms", 1),
    ("many_PlanResourceChange_p50_ms", "PlanResourceChange p50", "ms", 3),
    ("many_PlanResourceChange_p99_ms", "PlanResourceChange p99", "ms", 3),
    ("many_ApplyResourceChange_p50_ms", "ApplyResourceChange p50", "ms", 3),
    ("many_ApplyResourceChange_p99_ms", "ApplyResourceChange p99", "ms", 3),
    ("plan_throughput", "plan throughput (200 tokens, 10 workers)", "tokens/s", 1),
    ("apply_throughput", "apply throughput", "tokens/s", 1),
    ("apply_walk_ms", "apply walk (200 applies)", "ms", 1),
    ("provider_rss_kb", "provider RSS after apply walk (tfdrive: process tree)", "kB", 0),
    ("provider_peak_rss_kb", "provider peak RSS (tfdrive: process tree)", "kB", 0),
    ("provider_cpu_ms_apply_walk", "provider CPU, apply process (tfdrive: process tree)", "ms", 0),
]


def run_conformance(run_sh, provider, env, scratch, label, registry, scenarios=("handshake", "timed_token_many")):
    argv = [run_sh, provider] + [a for scenario in scenarios for a in ("--scenario", scenario)]
    err_path = os.path.join(scratch, f"conformance-{label}.stderr")
    log(f"conformance ({label}): {' '.join(shlex.quote(a) for a in argv)}")
    started = time.perf_counter()
    with open(err_path, "wb") as err:
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=err, start_new_session=True)
        registry.append(proc)
        try:
            out, _ = proc.communicate(timeout=1200)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise Breakage(f"conformance run ({label}) did not finish in 20 min")
    metrics, failures, verdict = {}, [], None
    for line in out.decode(errors="replace").splitlines():
        parts = line.split()
        if line.startswith("METRIC ") and len(parts) >= 3:
            try:
                metrics[parts[1]] = float(parts[2])
            except ValueError:
                pass
        elif line.startswith("FAIL "):
            failures.append(line)
        elif re.match(r"^\d+ passed, \d+ failed$", line.strip()):
            verdict = line.strip()
    result = {"label": label, "metrics": metrics, "failures": failures, "verdict": verdict, "rc": proc.returncode,
              "wall_s": time.perf_counter() - started, "stderr": err_path}
    log(f"conformance ({label}): {verdict or 'no verdict'} (exit {proc.returncode}), {len(metrics)} metrics")
    if not metrics:
        with open(err_path, errors="replace") as f:
            tail = f.read()[-1500:]
        raise Breakage(f"conformance run ({label}) printed no METRIC lines (exit {proc.returncode}):\n{tail}")
    return result


# ---------------------------------------------------------------------------------------------------------------
# the benchmark


def client_certificate(directory):
    key, cert = os.path.join(directory, "client.key"), os.path.join(directory, "client.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521",
                    "-keyout", key, "-out", cert, "-days", "1", "-nodes", "-subj", "/CN=localhost/O=HashiCorp",
                    "-addext", "subjectAltName=DNS:localhost",
                    "-addext", "extendedKeyUsage=clientAuth,serverAuth"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(cert) as f:
        return f.read()


def parse_args(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(prog="bench/startup.sh", description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?",
                        default=os.path.join(here, "..", "bootstrap", "target", "dist", "terraform-provider-pyvider"))
    parser.add_argument("launches", nargs="?", type=int, default=20)
    parser.add_argument("refprovider", nargs="?", default=None)
    parser.add_argument("--idle-check", action="store_true",
                        help="check that a daemon started with PYVIDER_DAEMON_IDLE=5s is gone ~8 s after its session")
    parser.add_argument("--reps", type=int, default=3, help="launches that start the daemon (default 3)")
    parser.add_argument("--warmup", type=float, default=120.0,
                        help="at most this many seconds for the daemon's JIT warm-up to finish (its status says "
                             "warm_up done) before warm launches are timed (default 120)")
    parser.add_argument("--percall-rounds", type=int, default=5,
                        help="rounds of timed_token_many through the warm daemon, each followed by one of the Go "
                             "provider's, for the per-call medians (default 5; 0: none)")
    parser.add_argument("--no-conformance", action="store_true", help="skip ../shared/conformance/run.sh")
    parser.add_argument("--keep", action="store_true",
                        help="keep the scratch directory (daemon logs, conformance stderr) and print its path")
    args = parser.parse_intermixed_args(argv)
    if args.launches < 1 or args.reps < 1:
        parser.error("launches and --reps must be at least 1")
    args.binary = os.path.abspath(args.binary)
    args.root = os.path.dirname(here)
    if not os.access(args.binary, os.X_OK):
        parser.error(f"not an executable: {args.binary}")
    if args.refprovider is None:
        build = os.environ.get("BUILD") or os.path.join(os.environ.get("TMPDIR") or "/tmp", "tfdrive-build")
        args.refprovider_default = os.path.join(build, "bin", "refprovider")
    else:
        args.refprovider = os.path.abspath(args.refprovider)
        if not os.access(args.refprovider, os.X_OK):
            parser.error(f"not an executable: {args.refprovider}")
    return args


def java_version(env):
    java_home = env.get("PYVIDER_JAVA_HOME") or env.get("JAVA_HOME")
    java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java", path=env.get("PATH"))
    if not java:
        return "no java found"
    try:
        out = subprocess.run([java, "-version"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=30).stderr
        return out.decode(errors="replace").splitlines()[0] + f" ({java})"
    except (OSError, subprocess.SubprocessError, IndexError):
        return f"unknown ({java})"


def build_fingerprint(binary):
    """The launcher's build digest and the size/mtime of it and its jar: tells a rebuild during the run."""
    digest = None
    try:
        with open(binary, errors="replace") as f:
            for line in f:
                if line.startswith("_pv_build="):
                    digest = line.split("=", 1)[1].strip()[:16]
                    break
    except OSError:
        pass
    stamps = []
    for path in (binary, os.path.join(os.path.dirname(binary), "terraform-provider-pyvider.jar")):
        try:
            st = os.stat(path)
            stamps.append((st.st_size, st.st_mtime_ns))
        except OSError:
            stamps.append(None)
    return digest, tuple(stamps)


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "n/a"


def bench(args, scratch, registry, results, daemons):
    binary = [args.binary]
    results["build_changes"] = []

    def phase_done(name):
        """Notes a phase during which the binary or its jar was replaced (a concurrent build): its figures may mix."""
        now = build_fingerprint(args.binary)
        if now != results["build_seen"]:
            results["build_changes"].append(name)
            results["build_seen"] = now

    base = {k: v for k, v in os.environ.items()
            if k not in PLUGIN_KEYS and not k.startswith("PYVIDER_DAEMON") and k != "PYVIDER_CACHE_DIR"}
    base.update(PYVIDER_DAEMON_DIR=daemons.base, PYVIDER_CACHE_DIR=daemons.cache,
                PYVIDER_DAEMON_IDLE="300s")  # a daemon our cleanup missed still goes within 5 minutes
    plugin = dict(TF_PLUGIN_MAGIC_COOKIE=COOKIE, PLUGIN_PROTOCOL_VERSIONS="5,6", PLUGIN_MIN_PORT="10000",
                  PLUGIN_MAX_PORT="25000", PLUGIN_CLIENT_CERT=client_certificate(scratch))
    env_on = dict(base, **plugin)
    env_off = dict(env_on, PYVIDER_DAEMON="off")
    results["build_start"] = results["build_seen"] = build_fingerprint(args.binary)
    results["java"] = java_version(base)
    results["load_start"] = loadavg()
    n = args.launches

    # cold: the direct JVM start, after its class-data archive is trained
    log("cold: first direct start (trains the class-data archive in the background)")
    first = Launch(binary, env_off, registry)
    first.stop()
    started = time.perf_counter()
    daemons.wait_archives()
    results["cold_untrained_ms"] = first.ms
    results["train_s"] = time.perf_counter() - started
    results["archives_after_training"] = daemons.archives()
    cold = timed_launches(binary, env_off, n, registry, "cold (PYVIDER_DAEMON=off)")
    results["cold"] = cold
    results["cold_not_java"] = sum(1 for l in cold if l.comm != "java")
    phase_done("direct start")

    # the launch that starts the daemon. The very first one (no daemon archive yet: the daemon writes it at exit) is
    # reported apart; then args.reps starts with the archive, as after every idle exit. Each daemon is stopped before
    # the next start; the last one stays for the warm launches.
    reps = []
    for rep in range(args.reps + 1):
        if daemons.running():
            raise Breakage("a daemon is running before a first-launch repetition")
        launch = Launch(binary, env_on, registry)
        first_line_at = time.monotonic()
        pid = daemons.wait_running()
        snap = daemon_snapshot(pid)
        mode = archive_mode(pid)
        launch.stop()
        entry = {"ms": launch.ms, "pid": pid, "mode": mode, "rss_kb": snap["rss_kb"], "launcher": launch.comm}
        log(f"daemon start {rep}/{args.reps}: {launch.ms:.0f} ms, daemon {pid} ({mode})")
        if rep < args.reps:
            entry["stop_ms"] = daemons.stop(pid)
        reps.append(entry)
    results["first_ever"], results["first"] = reps[0], reps[1:]
    phase_done("daemon starts")
    daemon_pid = reps[-1]["pid"]

    # warm launches through the running daemon, once its JIT warm-up (which works only while no session is open) is over
    log(f"waiting up to {args.warmup:.0f} s for the daemon's warm-up")
    state = None
    while time.monotonic() - first_line_at < args.warmup:
        state = warm_up_state(args.binary, env_on)
        if state not in ("pending", "running", "successor"):
            break
        time.sleep(0.5)
    # The C1 daemon that served the first launch hands over to a successor with the full tiered compiler.
    successor = daemons.running()
    results["warm_up"] = {"state": state, "s": time.monotonic() - first_line_at,
                          "successor": successor if successor and successor != daemon_pid else None}
    daemon_pid = successor or daemon_pid
    log(f"warm-up: {state} {results['warm_up']['s']:.1f} s after the daemon's first launch"
        + (f"; daemon {results['warm_up']['successor']} took over" if results['warm_up']['successor'] else ""))
    cpu_before = cpu_ms(daemon_pid)
    time.sleep(1)
    results["daemon_idle"] = daemon_snapshot(daemon_pid)
    results["daemon_last_second_cpu_ms"] = results["daemon_idle"]["cpu_ms"] - cpu_before
    warm = timed_launches(binary, env_on, n, registry, "warm (through the daemon)")
    results["warm"] = warm
    results["warm_direct_fallbacks"] = sum(1 for l in warm if l.comm == "java")
    if daemons.running() != daemon_pid:
        raise Breakage(f"the daemon changed during the warm launches ({daemon_pid} -> {daemons.running()})")
    phase_done("warm launches")

    # the daemon with CONCURRENT sessions open, and after they end
    time.sleep(1)
    results["daemon_before_concurrent"] = daemon_snapshot(daemon_pid)
    sessions, wall_ms = concurrent_launches(binary, env_on, CONCURRENT, registry)
    results["concurrent"] = {
        "wall_ms": wall_ms, "line_ms": [s.ms for s in sessions],
        "launchers_rss_kb": sum(s.rss_kb or 0 for s in sessions),
        "direct_fallbacks": sum(1 for s in sessions if s.comm == "java"),
        "daemon": daemon_snapshot(daemon_pid), "keys": sorted(os.listdir(daemons.base))}
    for session in sessions:
        session.stop()
    time.sleep(3)
    results["daemon_after_concurrent"] = daemon_snapshot(daemon_pid)
    phase_done("concurrent sessions")

    # conformance harness, ours: through the warmed daemon, then the direct start
    run_sh = os.path.join(args.root, "..", "shared", "conformance", "run.sh")
    conformance = os.path.isfile(run_sh) and not args.no_conformance
    results["conformance_skipped"] = ("--no-conformance" if args.no_conformance else
                                      None if conformance else f"{os.path.normpath(run_sh)} not found")
    if conformance:
        run_sh = os.path.normpath(run_sh)
        env_harness = dict(base)  # go-plugin's client sets the plugin variables itself
        before = daemon_snapshot(daemon_pid)
        result = run_conformance(run_sh, args.binary, env_harness, scratch, "daemon", registry)
        after = daemon_snapshot(daemon_pid)
        result["daemon_cpu_ms"] = (after["cpu_ms"] - before["cpu_ms"]) if after["cpu_ms"] is not None else None
        result["daemon_rss_kb"], result["daemon_hwm_kb"] = after["rss_kb"], after["hwm_kb"]
        result["daemon_same"] = daemons.running() == daemon_pid
        results["conf_daemon"] = result
        phase_done("conformance, daemon")
    ref = args.refprovider or (args.refprovider_default if os.access(args.refprovider_default, os.X_OK) else None)
    if conformance and ref and args.percall_rounds > 0:
        env_go = dict(base, REFPROVIDER_PRIVATE_STATE_SECRET=os.environ.get("REFPROVIDER_PRIVATE_STATE_SECRET",
                                                                              "bench-startup-secret"))
        rounds = []
        for n_round in range(args.percall_rounds):
            ours = run_conformance(run_sh, args.binary, env_harness, scratch, f"percall-daemon-{n_round}", registry,
                                   ["timed_token_many"])
            go = run_conformance(run_sh, ref, env_go, scratch, f"percall-go-{n_round}", registry,
                                 ["timed_token_many"])
            rounds.append({"daemon": ours["metrics"], "go": go["metrics"]})
        results["percall"] = rounds
        results["percall_daemon_same"] = daemons.running() == daemon_pid
        phase_done("per-call rounds")
    results["daemon_stop_mode"] = archive_mode(daemon_pid)
    results["daemon_log"] = daemon_log_problems(daemons.base)
    results["daemon_stop_ms"] = daemons.stop(daemon_pid)
    if conformance:
        results["conf_direct"] = run_conformance(run_sh, args.binary, dict(base, PYVIDER_DAEMON="off"), scratch,
                                                 "direct", registry)
        phase_done("conformance, direct")

    # the Go reference provider
    ref = args.refprovider or (args.refprovider_default if os.access(args.refprovider_default, os.X_OK) else None)
    results["refprovider"] = ref
    if ref:
        env_go = dict(env_on, REFPROVIDER_PRIVATE_STATE_SECRET=os.environ.get("REFPROVIDER_PRIVATE_STATE_SECRET",
                                                                                   "bench-startup-secret"))
        results["go"] = timed_launches([ref], env_go, n, registry, "Go refprovider")
        sessions, wall_ms = concurrent_launches([ref], env_go, CONCURRENT, registry)
        results["go_concurrent"] = {"wall_ms": wall_ms, "line_ms": [s.ms for s in sessions],
                                    "rss_kb": sum(s.rss_kb or 0 for s in sessions)}
        for session in sessions:
            session.stop()
        if conformance:
            results["conf_go"] = run_conformance(run_sh, ref, dict(base, REFPROVIDER_PRIVATE_STATE_SECRET=env_go[
                "REFPROVIDER_PRIVATE_STATE_SECRET"]), scratch, "go", registry)

    # optional: the idle timeout really ends the daemon
    if args.idle_check:
        idle_base = os.path.join(scratch, "idle-daemon")
        os.mkdir(idle_base, 0o700)
        idle = Daemons(idle_base, daemons.cache)
        try:
            launch = Launch(binary, dict(env_on, PYVIDER_DAEMON_DIR=idle_base, PYVIDER_DAEMON_IDLE="5s"), registry)
            pid = idle.wait_running()
            mode = archive_mode(pid)
            launch.stop()
            ended = time.monotonic()
            stopped_s = None
            while alive(pid) and time.monotonic() - ended < 8:
                if stopped_s is None and not idle.port_file():
                    stopped_s = time.monotonic() - ended
                time.sleep(0.05)
            if stopped_s is None and not idle.port_file():
                stopped_s = time.monotonic() - ended
            if alive(pid) and stopped_s is not None and mode == "writes archive at exit":
                while alive(pid) and time.monotonic() - ended < 60:  # a class-data archive is being dumped
                    time.sleep(0.1)
            gone_s = time.monotonic() - ended
            leftovers = [os.path.relpath(p, idle_base) for p in glob.glob(os.path.join(idle_base, "*", "*"))
                         if os.path.basename(p) in ("port", "auth")]
            results["idle_check"] = {"pid": pid, "gone": not alive(pid), "gone_s": gone_s, "stopped_s": stopped_s,
                                     "leftovers": leftovers, "mode": mode}
            if alive(pid):
                raise Breakage(f"daemon {pid} still running {gone_s:.0f} s after its last session with "
                               f"PYVIDER_DAEMON_IDLE=5s (port file {'removed' if stopped_s is not None else 'still there'})")
            if leftovers:
                raise Breakage(f"daemon {pid} exited on idle but left {leftovers}")
            log(f"idle check: daemon {pid} gone {gone_s:.1f} s after its session ended")
            phase_done("idle check")
        finally:
            idle.stop_all()
    results["load_end"] = loadavg()


# ---------------------------------------------------------------------------------------------------------------
# the report


def report(args, results, command):
    out = []
    w = out.append
    w("=" * 100)
    w("pyvider start-up benchmark (exec -> handshake line, as go-plugin launches a provider)")
    w(f"command:     {command}")
    w(f"binary:      {args.binary}")
    if "build_start" in results:
        changed = results["build_start"] != results["build_end"]
        phases = results.get("build_changes") or []
        w(f"build:       {results['build_start'][0] or 'unknown'}"
          + ("  WARNING: the binary or its jar was replaced during the run (a concurrent build?)"
             + (f" during: {', '.join(phases)}" if phases else "")
             + f"; figures may mix builds (now {results['build_end'][0]})" if changed or phases else ""))
    w(f"refprovider: {results.get('refprovider') or 'none (pass its path as 3rd argument)'}")
    w(f"java:        {results.get('java', 'n/a')}")
    w(f"host:        {os.cpu_count()} CPUs, load average {results.get('load_start', 'n/a')} at start, "
      f"{results.get('load_end', 'n/a')} at end; {args.launches} timed launches per row (+1 discarded)")
    w("")

    rows = []  # (label, summary of ms, rss text)

    def launch_row(label, launches, rss_label):
        s = summary([l.ms for l in launches])
        hwm = statistics.median([l.hwm_kb for l in launches if l.hwm_kb]) if launches else None
        rows.append((label, s, f"{fmt(mb(hwm), 1)} ({rss_label})"))

    if "cold" in results:
        w(f"direct start, class-data archive: trained in {results['train_s']:.1f} s after the first start "
          f"({results['cold_untrained_ms']:.0f} ms without it); archives: {', '.join(results['archives_after_training']) or 'none'}")
        launch_row("pyvider direct JVM (PYVIDER_DAEMON=off)", results["cold"], "JVM (+ launcher) VmHWM")
    if "first" in results:
        reps = results["first"]
        s = summary([r["ms"] for r in reps])
        rss = statistics.median([r["rss_kb"] for r in reps if r["rss_kb"]]) if reps else None
        rows.append((f"pyvider launch that starts the daemon ({len(reps)} reps)", s,
                     f"{fmt(mb(rss), 1)} (daemon VmRSS)"))
    if "warm" in results:
        launch_row("pyvider warm, through the daemon", results["warm"], "bash launcher VmHWM")
    if "go" in results:
        launch_row("Go refprovider", results["go"], "VmHWM")

    if rows:
        w(f"{'exec -> handshake line, ms':<50}{'median':>8} {'p90':>8} {'min':>8} {'max':>8}   RSS MB at the line")
        for label, s, rss in rows:
            w(f"  {label:<48}"[:50] + f"{fmt(s['median'], 1):>8} {fmt(s['p90'], 1):>8} {fmt(s['min'], 1):>8} "
              f"{fmt(s['max'], 1):>8}   {rss}")
        if "go" in results:
            go = summary([l.ms for l in results["go"]])["median"]
            w("  ratio of medians, ours/Go:  " + ", ".join(
                f"{name} {ratio(s['median'], go)}" for name, s in
                (("direct", summary([l.ms for l in results.get('cold', [])]) or {"median": None}),
                 ("daemon start", summary([r['ms'] for r in results.get('first', [])]) or {"median": None}),
                 ("warm", summary([l.ms for l in results.get('warm', [])]) or {"median": None}))))
    if "first" in results:
        def one(r):
            return (f"{r['ms']:.0f} ms ({r['mode']}"
                    + (f"; SIGTERM->exit {r['stop_ms']:.0f} ms" if "stop_ms" in r else "; kept running") + ")")
        w(f"  daemon starts: very first {one(results['first_ever'])}; then " +
          ", ".join(one(r) for r in results["first"]))
    if results.get("cold_not_java"):
        w(f"  NOTE: {results['cold_not_java']} direct launches were not a java process at the line")
    if results.get("warm_direct_fallbacks"):
        w(f"  NOTE: {results['warm_direct_fallbacks']} warm launches fell back to the direct JVM start")
    w("")

    if "daemon_idle" in results:
        def snap(label, d):
            return (f"  {label:<44}"[:46] + f"VmRSS {fmt(mb(d['rss_kb']), 1):>6} MB  VmHWM {fmt(mb(d['hwm_kb']), 1):>6} MB"
                    f"  threads {d['threads']}  fds {d['fds']}  CPU total {fmt(d['cpu_ms'] / 1000 if d['cpu_ms'] is not None else None, 1)} s")
        w("daemon memory")
        wu = results.get("warm_up") or {}
        w(snap(f"idle, warm-up {wu.get('state')} at {fmt(wu.get('s'), 0)} s", results["daemon_idle"]))
        if "concurrent" in results:
            c = results["concurrent"]
            w(snap(f"with {CONCURRENT} concurrent sessions open", c["daemon"]))
            w(snap("3 s after those sessions ended", results["daemon_after_concurrent"]))
            w(f"  {CONCURRENT} concurrent launches: all lines in {c['wall_ms']:.0f} ms, per launch median "
              f"{statistics.median(c['line_ms']):.0f} ms, max {max(c['line_ms']):.0f} ms; their {CONCURRENT} bash "
              f"launchers {c['launchers_rss_kb'] / 1024:.1f} MB RSS in total"
              + (f"; {c['direct_fallbacks']} FELL BACK to the direct start (daemon directories: "
                 f"{', '.join(c['keys'])})" if c["direct_fallbacks"] else ""))
            total = (c["daemon"]["rss_kb"] or 0) + c["launchers_rss_kb"]
            w(f"  total for {CONCURRENT} sessions (daemon + launchers): {total / 1024:.1f} MB")
        if "go_concurrent" in results:
            g = results["go_concurrent"]
            w(f"  Go refprovider, {CONCURRENT} concurrent processes: {g['rss_kb'] / 1024:.1f} MB RSS in total, "
              f"all lines in {g['wall_ms']:.0f} ms")
        if "daemon_last_second_cpu_ms" in results:
            w(f"  daemon CPU in the last second before the warm launches: {results['daemon_last_second_cpu_ms']} ms"
              " (warm-up still running if well above 0)")
        if "daemon_stop_ms" in results:
            w(f"  SIGTERM -> daemon exit: {results['daemon_stop_ms']:.0f} ms ({results['daemon_stop_mode']})")
        if results.get("daemon_log"):
            problems = results["daemon_log"]
            kinds = {}
            for p in problems:  # grouped: JVM lines by tag and the words before the class name, hclog by message
                m = re.match(r"^\[[^]]*\]\[(\w+)\]\[([\w,]+)\s*\] *(.*)", p)
                key = (f"JVM {m.group(1)} [{m.group(2)}] {m.group(3).split(' for ')[0][:60]}" if m else
                       re.sub(r'.*"@level":"(\w+)","@message":"([^"]*)".*', r"\1: \2", p)[:120])
                kinds[key] = kinds.get(key, 0) + 1
            w(f"  daemon.log: {len(problems)} warn/error/non-JSON lines: "
              + "; ".join(f"{count}x {kind}" for kind, count in sorted(kinds.items(), key=lambda i: -i[1])[:5]))
        elif "daemon_log" in results:
            w("  daemon.log: no warn/error lines")
        w("")

    if "idle_check" in results:
        i = results["idle_check"]
        w(f"idle check (PYVIDER_DAEMON_IDLE=5s): daemon {i['pid']} ({i['mode']}) "
          + (f"removed its port file {i['stopped_s']:.1f} s and " if i["stopped_s"] is not None else "")
          + (f"exited {i['gone_s']:.1f} s after its session ended" if i["gone"] else
             f"was STILL RUNNING {i['gone_s']:.0f} s after its session ended")
          + (f"; left files: {i['leftovers']}" if i["leftovers"] else "; port and auth files removed"))
        w("")

    conf = [(k, results[k]) for k in ("conf_daemon", "conf_direct", "conf_go") if k in results]
    if conf:
        names = {"conf_daemon": "ours daemon", "conf_direct": "ours direct", "conf_go": "Go"}
        w("conformance harness (../shared/conformance/run.sh --scenario handshake --scenario timed_token_many)")
        for key, r in conf:
            w(f"  {names[key]:<12} {r['verdict'] or 'no verdict'} (exit {r['rc']}, {r['wall_s']:.0f} s)"
              + "".join(f"\n    {f}" for f in r["failures"][:10]))
        if "conf_daemon" in results:
            r = results["conf_daemon"]
            w(f"  daemon mode: tfdrive's RSS/CPU figures cover the launcher's process tree (bash), not the daemon. "
              f"Daemon over the whole run: CPU {fmt(r['daemon_cpu_ms'], 0)} ms, VmRSS after "
              f"{fmt(mb(r['daemon_rss_kb']), 1)} MB, VmHWM {fmt(mb(r['daemon_hwm_kb']), 1)} MB"
              + ("" if r["daemon_same"] else "; the DAEMON CHANGED during the run"))
        w("")
    elif results.get("conformance_skipped"):
        w(f"conformance harness: skipped ({results['conformance_skipped']})")
        w("")

    if results.get("percall"):
        rounds = results["percall"]
        w(f"per-call figures, timed_token_many through the warm daemon alternating with the Go provider "
          f"({len(rounds)} rounds each; medians)" + ("" if results.get("percall_daemon_same", True)
                                                     else "; the DAEMON CHANGED during the rounds"))
        for metric, label, unit, digits in PERCALL:
            ours = [r["daemon"].get(metric) for r in rounds if r["daemon"].get(metric) is not None]
            go = [r["go"].get(metric) for r in rounds if r["go"].get(metric) is not None]
            if ours and go:
                w(f"  {label:<32} daemon {fmt(statistics.median(ours), digits):>8}  Go {fmt(statistics.median(go), digits):>8}"
                  f"  ratio {ratio(statistics.median(ours), statistics.median(go))}   (daemon rounds: "
                  + ", ".join(fmt(v, digits) for v in ours) + ")")
        w("")

    # Markdown for the README
    w("```markdown")
    w(f"<!-- {command} -->")
    w(f"| exec → handshake line ({args.launches} launches) | median ms | p90 ms | min ms | RSS MB |")
    w("|---|---:|---:|---:|---|")
    for label, s, rss in rows:
        w(f"| {label} | {fmt(s['median'], 1)} | {fmt(s['p90'], 1)} | {fmt(s['min'], 1)} | {rss} |")
    if "cold_untrained_ms" in results and "first_ever" in results:
        w("")
        w(f"First use on an install, before the class-data archives exist (one launch each): direct "
          f"{results['cold_untrained_ms']:.0f} ms, daemon start {results['first_ever']['ms']:.0f} ms.")
    if "daemon_idle" in results and "concurrent" in results:
        c = results["concurrent"]
        w("")
        w("| daemon | VmRSS MB |")
        w("|---|---:|")
        w(f"| idle, after warm-up | {fmt(mb(results['daemon_idle']['rss_kb']), 1)} |")
        w(f"| {CONCURRENT} concurrent sessions (+ {c['launchers_rss_kb'] / 1024:.1f} MB for their bash launchers) | "
          f"{fmt(mb(c['daemon']['rss_kb']), 1)} |")
        w(f"| after those sessions ended | {fmt(mb(results['daemon_after_concurrent']['rss_kb']), 1)} |")
        if "go_concurrent" in results:
            w(f"| Go refprovider: {CONCURRENT} processes, in total | "
              f"{results['go_concurrent']['rss_kb'] / 1024:.1f} |")
    if conf:
        cols = [k for k, _ in conf]
        w("")
        w("| go-plugin client (tfdrive) | " + " | ".join(names[k] for k in cols)
          + "".join(f" | {names[k]}/Go" for k in ("conf_daemon", "conf_direct") if k in cols and "conf_go" in cols)
          + " |")
        w("|---|" + "---:|" * (len(cols) + sum(1 for k in ("conf_daemon", "conf_direct")
                                                  if k in cols and "conf_go" in cols)))
        for metric, label, unit, digits in WANTED:
            values = {k: results[k]["metrics"].get(metric) for k in cols}
            if all(v is None for v in values.values()):
                continue
            shown = dict(values)
            if unit == "kB":
                shown = {k: (v / 1024 if v is not None else None) for k, v in values.items()}
                unit_shown = "MB"
            else:
                unit_shown = unit
            cells = []
            for k in cols:
                text = fmt(shown[k], 1 if unit == "kB" else digits)
                if k == "conf_daemon" and (unit == "kB" or "cpu" in metric):
                    text += " ¹"
                cells.append(text)
            launcher_only = unit == "kB" or "cpu" in metric
            ratios = [("—" if k == "conf_daemon" and launcher_only else ratio(values[k], values.get("conf_go")))
                      for k in ("conf_daemon", "conf_direct") if k in cols and "conf_go" in cols]
            w(f"| {label} ({unit_shown}) | " + " | ".join(cells) + "".join(f" | {r}" for r in ratios) + " |")
        if "conf_daemon" in results:
            r = results["conf_daemon"]
            w("")
            w(f"¹ daemon mode: tfdrive measures the launcher's process tree (bash); the daemon itself used "
              f"{fmt(r['daemon_cpu_ms'], 0)} ms CPU over the whole run (both scenarios) and had "
              f"{fmt(mb(r['daemon_rss_kb']), 1)} MB VmRSS after it.")
    if results.get("percall"):
        rounds = results["percall"]
        w("")
        w(f"| timed_token_many, warm daemon vs Go, alternating ({len(rounds)} rounds, medians) | daemon | Go | daemon ÷ Go |")
        w("|---|---:|---:|---:|")
        for metric, label, unit, digits in PERCALL:
            ours = [r["daemon"].get(metric) for r in rounds if r["daemon"].get(metric) is not None]
            go = [r["go"].get(metric) for r in rounds if r["go"].get(metric) is not None]
            if ours and go:
                w(f"| {label} ({unit}) | {fmt(statistics.median(ours), digits)} | {fmt(statistics.median(go), digits)}"
                  f" | {ratio(statistics.median(ours), statistics.median(go))} |")
    w("```")
    print("\n".join(out), flush=True)


def main():
    args = parse_args(sys.argv[1:])
    entry = os.environ.pop("PYVIDER_BENCH_ENTRY", "bench/startup.sh")
    command = " ".join(shlex.quote(a) for a in [entry] + sys.argv[1:])
    for tool in ("openssl",):
        if not shutil.which(tool):
            raise SystemExit(f"bench: {tool} is needed")
    scratch = tempfile.mkdtemp(prefix="pyvider-bench-")  # 0700
    daemons = Daemons(os.path.join(scratch, "daemon"), os.path.join(scratch, "cache"))
    os.mkdir(daemons.base, 0o700)
    os.mkdir(daemons.cache, 0o700)
    registry, results, broken = [], {}, None
    try:
        bench(args, scratch, registry, results, daemons)
    except Breakage as failed:
        broken = str(failed)
    except KeyboardInterrupt:
        broken = "interrupted"
    finally:
        for proc in registry:
            if proc.poll() is None:
                try:
                    if proc.args and proc.args[0].endswith("run.sh"):
                        os.killpg(proc.pid, signal.SIGKILL)
                    else:
                        proc.kill()
                except ProcessLookupError:
                    pass
                proc.wait()
        daemons.stop_all()
        try:
            daemons.wait_archives(timeout_s=60)
        except Breakage as failed:
            log(f"cleanup: {failed}")
        for pid in pids_mentioning(scratch):  # detached helpers of ours: archive training, the daemon's wrapper
            log(f"cleanup: killing leftover {pid}: {cmdline(pid)[:120]}")
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if args.keep:
            log(f"kept {scratch} (daemon logs under daemon/*/daemon.log)")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    results["build_end"] = build_fingerprint(args.binary)
    report(args, results, command)
    failures = [r for k in ("conf_daemon", "conf_direct", "conf_go") if k in results
                for r in [results[k]] if r["failures"] or r["rc"] != 0]
    if broken:
        print(f"\nBROKEN: {broken}", flush=True)
        sys.exit(1)
    if failures:
        print(f"\nBROKEN: conformance checks failed in: {', '.join(r['label'] for r in failures)}", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
