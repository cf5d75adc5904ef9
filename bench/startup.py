"""Times exec -> handshake line of a go-plugin provider and reads its peak RSS; see startup.sh."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"


def client_certificate(directory):
    key, cert = os.path.join(directory, "client.key"), os.path.join(directory, "client.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521",
                    "-keyout", key, "-out", cert, "-days", "1", "-nodes", "-subj", "/CN=localhost/O=HashiCorp",
                    "-addext", "subjectAltName=DNS:localhost",
                    "-addext", "extendedKeyUsage=clientAuth,serverAuth"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(cert) as f:
        return f.read()


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def launch(binary, env):
    started = time.perf_counter()
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = proc.stdout.readline()
    elapsed_ms = (time.perf_counter() - started) * 1000
    rss = peak_rss_mb(proc.pid)
    proc.terminate()
    proc.wait(timeout=10)
    if not line.startswith(b"1|6|"):
        raise SystemExit(f"unexpected handshake line: {line!r}")
    return elapsed_ms, rss


def wait_for_training(timeout_s=120):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        found = subprocess.run(["pgrep", "-f", "terraform-provider-pyvider.jar --train"],
                               stdout=subprocess.DEVNULL).returncode == 0
        if not found:
            return
        time.sleep(0.5)


def main():
    binary, launches = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, TF_PLUGIN_MAGIC_COOKIE=COOKIE, PLUGIN_PROTOCOL_VERSIONS="5,6",
                   PLUGIN_MIN_PORT="10000", PLUGIN_MAX_PORT="25000", PLUGIN_CLIENT_CERT=client_certificate(scratch))
        launch(binary, env)  # first start: the launcher builds the class-data archive in the background
        wait_for_training()
        launch(binary, env)  # discarded warm-up
        times, rss = zip(*(launch(binary, env) for _ in range(launches)))
    ordered = sorted(times)
    p90 = ordered[max(0, int(round(0.9 * len(ordered))) - 1)]
    print(f"launches: {launches}  binary: {binary}")
    print(f"exec->handshake ms: median {statistics.median(times):.0f}  p90 {p90:.0f}  "
          f"min {ordered[0]:.0f}  max {ordered[-1]:.0f}")
    print(f"peak RSS at handshake MB: median {statistics.median(rss):.1f}  max {max(rss):.1f}")


if __name__ == "__main__":
    main()
