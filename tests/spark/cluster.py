#!/usr/bin/env python3
"""A standalone Spark cluster (one Master, one Worker) bound to 127.0.0.1.

Used as a library by run_grid.py and history_server.py, or on its own:

    .venv-spark/bin/python tests/spark/cluster.py            # start, print master URL, wait for Ctrl-C

Everything it starts runs in its own process group and is killed on exit, on an exception, on
SIGINT/SIGTERM/SIGHUP, and (via atexit) when the interpreter ends. The PyPI pyspark package has
no sbin/start-master.sh, so the daemons are started with bin/spark-class directly.
"""
import argparse
import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HOST = "127.0.0.1"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class HarnessError(RuntimeError):
    pass


def find_spark_home(venv=None):
    """SPARK_HOME = the installed pyspark package directory in the harness venv."""
    if os.environ.get("SPARK_HOME") and os.path.exists(os.path.join(os.environ["SPARK_HOME"], "bin", "spark-class")):
        return os.environ["SPARK_HOME"]
    default = ".venv-spark-3.5" if os.environ.get("SPARK_LINE", "4").startswith("3.5") else ".venv-spark"
    venv = venv or os.environ.get("VENV") or os.path.join(REPO, default)
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        raise HarnessError(f"no venv at {venv}: run tests/spark/setup_venv.sh first")
    out = subprocess.run([py, "-c", "import os,pyspark;print(os.path.dirname(pyspark.__file__))"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise HarnessError(f"pyspark does not import in {venv}: {out.stderr.strip()}")
    home = out.stdout.strip()
    if not os.path.exists(os.path.join(home, "bin", "spark-class")):
        raise HarnessError(f"{home}/bin/spark-class missing")
    return home


def spark_version(spark_home):
    py = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(spark_home)))), "bin", "python")
    if os.path.exists(py):
        out = subprocess.run([py, "-c", "import pyspark;print(pyspark.__version__)"], capture_output=True, text=True)
        if out.returncode == 0:
            return out.stdout.strip()
    for j in os.listdir(os.path.join(spark_home, "jars")):
        if j.startswith("spark-core_"):
            return j.rsplit("-", 1)[1][:-4]
    return "unknown"


def port_free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
            return True
        except OSError:
            return False


def pick_port(preferred):
    for p in list(range(preferred, preferred + 50)):
        if port_free(p):
            return p
    raise HarnessError(f"no free port near {preferred} on {HOST}")


def wait_port(port, timeout, proc=None, what="service"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise HarnessError(f"{what} exited early with code {proc.returncode}")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(0.5)
            if s.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.3)
    raise HarnessError(f"{what} did not listen on {HOST}:{port} within {timeout}s")


def base_env(spark_home):
    env = dict(os.environ)
    env["SPARK_HOME"] = spark_home
    env["SPARK_LOCAL_IP"] = HOST
    env["SPARK_LOCAL_HOSTNAME"] = "localhost"
    env["SPARK_MASTER_HOST"] = HOST
    env.pop("PYSPARK_DRIVER_PYTHON", None)
    venv_bin = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(spark_home)))), "bin")
    if os.path.exists(os.path.join(venv_bin, "python")):
        env["PYSPARK_PYTHON"] = os.path.join(venv_bin, "python")
        env["PATH"] = venv_bin + os.pathsep + env.get("PATH", "")
    return env


class ProcessGroup:
    """Tracks child processes started with start_new_session=True; kills whole groups."""

    def __init__(self):
        self.procs = []
        self._handlers_installed = False

    def start(self, args, log_path, env, cwd=None):
        logf = open(log_path, "ab")
        p = subprocess.Popen(args, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                             env=env, cwd=cwd, start_new_session=True)
        logf.close()
        self.procs.append(p)
        return p

    @staticmethod
    def kill(p, sig_first=signal.SIGTERM, grace=8.0):
        if p.poll() is not None:
            # The leader is gone; children in its group may still live.
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            return
        try:
            os.killpg(p.pid, sig_first)
        except ProcessLookupError:
            return
        try:
            p.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def stop_all(self):
        for p in reversed(self.procs):
            self.kill(p)
        self.procs = []


_ALL_GROUPS = []


def _cleanup_all():
    for g in list(_ALL_GROUPS):
        try:
            g.stop_all()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass


def _on_signal(signum, _frame):
    _cleanup_all()
    sys.stderr.write(f"\n{os.path.basename(sys.argv[0])}: stopped by signal {signum}; cluster processes killed\n")
    os._exit(128 + signum)


def install_cleanup(group):
    """Register a ProcessGroup for atexit and signal cleanup."""
    _ALL_GROUPS.append(group)
    if len(_ALL_GROUPS) == 1:
        atexit.register(_cleanup_all)
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(s, _on_signal)


class Cluster:
    """Standalone Master + Worker on 127.0.0.1. Use as a context manager."""

    def __init__(self, spark_home=None, workdir=None, master_port=7177, master_ui_port=8180,
                 worker_port=7178, worker_ui_port=8181, cores=2, memory="12g", start_timeout=90):
        self.spark_home = spark_home or find_spark_home()
        self.own_workdir = workdir is None
        self.workdir = workdir or tempfile.mkdtemp(prefix="sparktune-cluster-")
        os.makedirs(self.workdir, exist_ok=True)
        self.master_port = pick_port(master_port)
        self.master_ui_port = pick_port(master_ui_port)
        self.worker_port = pick_port(max(worker_port, self.master_port + 1))
        self.worker_ui_port = pick_port(max(worker_ui_port, self.master_ui_port + 1))
        self.cores = cores
        self.memory = memory
        self.start_timeout = start_timeout
        self.group = ProcessGroup()
        install_cleanup(self.group)
        self.env = base_env(self.spark_home)
        self.env["SPARK_WORKER_DIR"] = os.path.join(self.workdir, "worker")
        self.env["SPARK_LOG_DIR"] = os.path.join(self.workdir, "logs")
        # Daemon heap: small, the executors get their own JVMs.
        self.env["SPARK_DAEMON_MEMORY"] = "512m"
        # Worker: clean finished app dirs quickly; Master: no recovery, loopback-only UI.
        self.env["SPARK_WORKER_OPTS"] = ("-Dspark.worker.cleanup.enabled=true -Dspark.worker.cleanup.interval=60 "
                                         "-Dspark.worker.cleanup.appDataTtl=120")
        self.env["SPARK_MASTER_OPTS"] = "-Dspark.deploy.retainedApplications=20"
        os.makedirs(self.env["SPARK_WORKER_DIR"], exist_ok=True)
        os.makedirs(self.env["SPARK_LOG_DIR"], exist_ok=True)

    @property
    def master_url(self):
        return f"spark://{HOST}:{self.master_port}"

    def start(self):
        sc = os.path.join(self.spark_home, "bin", "spark-class")
        self.master = self.group.start(
            [sc, "org.apache.spark.deploy.master.Master", "--host", HOST, "--port", str(self.master_port),
             "--webui-port", str(self.master_ui_port)],
            os.path.join(self.env["SPARK_LOG_DIR"], "master.out"), self.env)
        wait_port(self.master_port, self.start_timeout, self.master, "Spark Master")
        self.worker = self.group.start(
            [sc, "org.apache.spark.deploy.worker.Worker", self.master_url, "--host", HOST,
             "--port", str(self.worker_port), "--webui-port", str(self.worker_ui_port),
             "--cores", str(self.cores), "--memory", self.memory,
             "--work-dir", self.env["SPARK_WORKER_DIR"]],
            os.path.join(self.env["SPARK_LOG_DIR"], "worker.out"), self.env)
        wait_port(self.worker_port, self.start_timeout, self.worker, "Spark Worker")
        # Wait until the master has registered the worker (log line), so the first app gets executors.
        deadline = time.time() + self.start_timeout
        mlog = os.path.join(self.env["SPARK_LOG_DIR"], "master.out")
        while time.time() < deadline:
            with open(mlog, errors="replace") as f:
                if "Registering worker" in f.read():
                    return self
            if self.worker.poll() is not None:
                raise HarnessError(f"Spark Worker exited with {self.worker.returncode}; see {mlog}")
            time.sleep(0.3)
        raise HarnessError(f"worker did not register with the master within {self.start_timeout}s; see {mlog}")

    def stop(self):
        self.group.stop_all()
        if self.own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--master-port", type=int, default=7177)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--memory", default="12g")
    ap.add_argument("--timeout", type=float, default=0, help="stop after this many seconds (0 = until Ctrl-C)")
    a = ap.parse_args()
    try:
        with Cluster(master_port=a.master_port, cores=a.cores, memory=a.memory) as c:
            print(f"master {c.master_url}  (UI http://{HOST}:{c.master_ui_port}); logs in {c.env['SPARK_LOG_DIR']}",
                  flush=True)
            end = time.time() + a.timeout if a.timeout else None
            while end is None or time.time() < end:
                time.sleep(1)
    except HarnessError as e:
        print(f"cluster.py: ERROR: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
