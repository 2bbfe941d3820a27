#!/usr/bin/env python3
"""The real Spark History Server (from the harness's pyspark package) over a log folder, on 127.0.0.1.

    tests/spark/history_server.sh LOGDIR                 # serve until Ctrl-C (prints the URL)
    tests/spark/history_server.sh LOGDIR --list          # start, print /api/v1/applications, stop
    tests/spark/history_server.sh LOGDIR --expect-index data/groundtruth/index.json
                                                         # start, check every indexed app is listed, stop

Started with bin/spark-class org.apache.spark.deploy.history.HistoryServer (SPARK_LOCAL_IP=127.0.0.1,
spark.history.ui.port, spark.history.fs.logDirectory); the process group is killed on exit, error,
timeout or signal. As a library: `with HistoryServer(logdir) as hs: hs.get("/api/v1/applications")`.
"""
import argparse
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cluster import HOST, HarnessError, ProcessGroup, base_env, find_spark_home, install_cleanup, pick_port  # noqa: E402


class HistoryServer:
    def __init__(self, logdir, port=18080, spark_home=None, start_timeout=120, extra_conf=None):
        if not os.path.isdir(logdir):
            raise HarnessError(f"log folder {logdir} does not exist")
        self.logdir = os.path.abspath(logdir)
        self.spark_home = spark_home or find_spark_home()
        self.port = pick_port(port)
        self.start_timeout = start_timeout
        self.extra_conf = extra_conf or {}
        self.group = ProcessGroup()
        install_cleanup(self.group)
        self.workdir = tempfile.mkdtemp(prefix="sparktune-shs-")

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"

    def get(self, path, timeout=120):
        with urllib.request.urlopen(self.url + path, timeout=timeout) as r:
            return json.loads(r.read().decode())

    def start(self):
        env = base_env(self.spark_home)
        env["SPARK_LOG_DIR"] = self.workdir
        env["SPARK_DAEMON_MEMORY"] = env.get("SPARK_DAEMON_MEMORY", "2g")
        conf = {
            "spark.history.fs.logDirectory": "file://" + self.logdir,
            "spark.history.ui.port": str(self.port),
            "spark.history.fs.update.interval": "2s",
            "spark.history.fs.cleaner.enabled": "false",
            "spark.history.store.path": "",  # in-memory store: nothing written outside the temp dir
        }
        conf.update(self.extra_conf)
        opts = " ".join(f"-D{k}={v}" for k, v in conf.items() if v != "")
        env["SPARK_HISTORY_OPTS"] = opts
        self.log_path = os.path.join(self.workdir, "history-server.out")
        self.proc = self.group.start([os.path.join(self.spark_home, "bin", "spark-class"),
                                      "org.apache.spark.deploy.history.HistoryServer"], self.log_path, env)
        deadline = time.time() + self.start_timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise HarnessError(f"History Server exited with {self.proc.returncode}:\n"
                                   + open(self.log_path, errors="replace").read()[-2000:])
            try:
                self.get("/api/v1/applications", timeout=5)
                return self
            except (urllib.error.URLError, ConnectionError, OSError, ValueError):
                time.sleep(0.5)
        raise HarnessError(f"History Server did not answer /api/v1/applications within {self.start_timeout}s; "
                           f"see {self.log_path}")

    def wait_for_apps(self, app_ids, timeout=300):
        """Waits until every app id is listed (the provider scans the folder asynchronously)."""
        want = set(app_ids)
        deadline = time.time() + timeout
        seen = set()
        while time.time() < deadline:
            seen = {a["id"] for a in self.get("/api/v1/applications?status=completed&limit=100000")} | \
                   {a["id"] for a in self.get("/api/v1/applications?status=running&limit=100000")}
            if want <= seen:
                return seen
            time.sleep(1)
        raise HarnessError(f"History Server lists {len(want & seen)}/{len(want)} apps after {timeout}s; "
                           f"missing {sorted(want - seen)[:10]}")

    def stop(self):
        self.group.stop_all()
        import shutil
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
    ap.add_argument("logdir")
    ap.add_argument("--port", type=int, default=18080)
    ap.add_argument("--list", action="store_true", help="print the application list and stop")
    ap.add_argument("--expect-index", default=None, help="index.json whose appIds must all be listed")
    ap.add_argument("--timeout", type=float, default=0, help="serve for at most this many seconds")
    a = ap.parse_args()
    try:
        with HistoryServer(a.logdir, a.port) as hs:
            print(f"History Server up at {hs.url} over {hs.logdir}", flush=True)
            if a.expect_index:
                ids = [e["appId"] for e in json.load(open(a.expect_index))]
                t = time.time()
                hs.wait_for_apps(ids)
                apps = hs.get("/api/v1/applications?limit=100000")
                print(f"all {len(ids)} indexed apps listed after {time.time() - t:.1f}s "
                      f"({len(apps)} apps in total)", flush=True)
                return 0
            if a.list:
                time.sleep(3)
                apps = hs.get("/api/v1/applications?limit=100000")
                for app in apps:
                    att = app["attempts"][0]
                    print(f"{app['id']}  completed={att.get('completed')}  duration={att.get('duration')}ms  "
                          f"name={app['name']!r}")
                print(f"{len(apps)} applications")
                return 0
            end = time.time() + a.timeout if a.timeout else None
            while end is None or time.time() < end:
                time.sleep(1)
    except HarnessError as e:
        print(f"history_server: ERROR: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
