#!/usr/bin/env python3
"""What the machine does besides the Spark run: the idle gate and the foreign-CPU meter.

Used by run_grid.py; on its own it prints one probe:
`python3 tests/spark/machine_load.py [SECONDS]`.

The run's process tree is this Python process and every descendant of it: the standalone Master and
Worker, the executor JVMs the Worker forks, spark-submit and the driver. Everything else on the
machine is foreign. Linux only (reads /proc).

* CPU the tree used = the sum over its live processes of utime + stime + cutime + cstime from
  /proc/PID/stat. A child that exits and is reaped by a tree process moves its whole lifetime into
  the reaper's cutime/cstime, so nothing the tree did is lost between samples.
* Foreign CPU = the machine's busy CPU from /proc/stat (user + nice + system + irq + softirq, all
  CPUs) minus the tree's. It therefore includes short-lived foreign processes (a compiler that
  starts and ends between two samples), which per-process sampling alone would miss. Steal time (a
  hypervisor giving the CPU to other guests) is kept apart as `steal`.
* Shares are of the whole machine: foreign ticks / (elapsed ticks x CPUs); 0.05 on 2 cores means a
  tenth of one core on average.
* Runnable tasks (state R or D, every thread) are counted separately for the tree and for the rest
  at each sample: their means are the own and foreign parts of what the kernel's load average
  smooths over one minute.

Thread safety: a Meter samples from its own thread; read its result only after stop().
"""

import os
import sys
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
NCPU = os.cpu_count() or 1


def loadavg():
    """The kernel's 1-, 5- and 15-minute load averages."""
    with open("/proc/loadavg") as f:
        one, five, fifteen = f.read().split()[:3]
    return float(one), float(five), float(fifteen)


def machine_ticks():
    """(busy, steal, total) clock ticks over all CPUs since boot ('cpu' line of /proc/stat)."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    v = [int(x) for x in fields[1:]]
    v += [0] * (8 - len(v))
    user, nice, system, idle, iowait, irq, softirq, steal = v[:8]
    busy = user + nice + system + irq + softirq
    return busy, steal, busy + idle + iowait + steal


def _read_stat(pid):
    """(ppid, state, self ticks, reaped-children ticks, comm) of one process; None if gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read().decode("latin-1")
    except OSError:
        return None
    # comm is in parentheses and may hold spaces or parentheses: split after the last ')'.
    close = raw.rfind(")")
    comm = raw[raw.find("(") + 1 : close]
    rest = raw[close + 2 :].split()
    state, ppid = rest[0], int(rest[1])
    utime, stime, cutime, cstime = (int(x) for x in rest[11:15])
    return ppid, state, utime + stime, cutime + cstime, comm


def _runnable_threads(pid):
    """Threads of `pid` in state R or D (what the load average counts)."""
    n = 0
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", "rb") as f:
                raw = f.read().decode("latin-1")
        except OSError:
            continue
        state = raw[raw.rfind(")") + 2 : raw.rfind(")") + 3]
        if state in ("R", "D"):
            n += 1
    return n


class Snapshot:
    """One look at every process: the tree's CPU ticks, foreign ticks per process, runnable
    thread counts."""

    def __init__(self, root_pid):
        self.time = time.monotonic()
        self.busy, self.steal, self.total = machine_ticks()
        procs = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                st = _read_stat(int(name))
                if st is not None:
                    procs[int(name)] = st
        children = {}
        for pid, (ppid, *_rest) in procs.items():
            children.setdefault(ppid, []).append(pid)
        tree, todo = set(), [root_pid]
        while todo:
            pid = todo.pop()
            if pid in tree:
                continue
            tree.add(pid)
            todo.extend(children.get(pid, []))
        self.tree_ticks = sum(procs[p][2] + procs[p][3] for p in tree if p in procs)
        # Foreign processes' own ticks by pid (for naming the top consumers), not their children's.
        self.foreign = {p: (st[2], st[4]) for p, st in procs.items() if p not in tree}
        self.own_runnable = self.foreign_runnable = 0
        for pid, (_ppid, state, *_r) in procs.items():
            if state not in ("R", "D", "S") or pid == os.getpid():
                continue  # zombies, stopped, idle kernel threads; the sampler itself
            n = _runnable_threads(pid)
            if pid in tree:
                self.own_runnable += n
            else:
                self.foreign_runnable += n


def share(ticks, seconds):
    """Ticks as a share of the whole machine's CPU over `seconds`."""
    return max(0.0, ticks / (seconds * CLK_TCK * NCPU)) if seconds > 0 else 0.0


class Meter:
    """Samples /proc every `interval` seconds from start() to stop() in a background thread."""

    def __init__(self, root_pid=None, interval=2.0):
        self.root_pid = root_pid or os.getpid()
        self.interval = interval
        self._stop = threading.Event()
        self._thread = None
        self.samples = []

    def start(self):
        self.load_start = loadavg()[0]
        self.samples = [Snapshot(self.root_pid)]
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def _loop(self):
        while not self._stop.wait(self.interval):
            self.samples.append(Snapshot(self.root_pid))

    def stop(self):
        self._stop.set()
        if self._thread:
            self._thread.join()
        self.samples.append(Snapshot(self.root_pid))
        self.load_end = loadavg()[0]
        return self.result()

    def result(self, window_s=10.0):
        """Shares over the whole span and the worst `window_s` window; the top foreign processes."""
        first, last = self.samples[0], self.samples[-1]
        seconds = last.time - first.time
        machine = last.busy - first.busy
        own = last.tree_ticks - first.tree_ticks
        peak = 0.0
        j = 0
        for i in range(1, len(self.samples)):
            while self.samples[i].time - self.samples[j].time > window_s and j < i - 1:
                j += 1
            a, b = self.samples[j], self.samples[i]
            if b.time - a.time >= min(window_s, seconds) * 0.5:
                f = (b.busy - a.busy) - (b.tree_ticks - a.tree_ticks)
                peak = max(peak, share(f, b.time - a.time))
        top = {}
        for pid, (ticks, comm) in last.foreign.items():
            before = first.foreign.get(pid, (0, comm))[0]
            if ticks - before > 0:
                top[comm] = top.get(comm, 0) + ticks - before
        names = sorted(top.items(), key=lambda kv: -kv[1])[:5]
        n = len(self.samples)
        return {
            "seconds": round(seconds, 1),
            "foreignCpuShare": round(share(machine - own, seconds), 4),
            "foreignCpuPeak": round(max(peak, share(machine - own, seconds)), 4),
            "ownCpuShare": round(share(own, seconds), 4),
            "stealShare": round(share(last.steal - first.steal, seconds), 4),
            "ownRunnable": round(sum(s.own_runnable for s in self.samples) / n, 2),
            "foreignRunnable": round(sum(s.foreign_runnable for s in self.samples) / n, 2),
            "foreignTop": [f"{name} {ticks / CLK_TCK:.1f}s" for name, ticks in names],
            "loadavgStart": self.load_start,
            "loadavgEnd": getattr(self, "load_end", loadavg()[0]),
        }


def probe(seconds, interval=0.5, root_pid=None):
    """Measures the machine for `seconds` (blocking) and returns Meter.result()."""
    m = Meter(root_pid, interval).start()
    time.sleep(seconds)
    return m.stop()


class IdleGate:
    """Waits until the machine is quiet enough to start a run.

    Quiet = the 1-minute load average below `max_load` AND, over a probe of `probe_s` seconds, the
    CPU of processes outside the run's tree below `max_foreign` of the machine. Between attempts it
    sleeps `poll_s`. It never gives up on its own (the grid is meant to be left running);
    `max_wait_s` > 0 makes it return after that long with quiet=False.
    """

    def __init__(self, max_load, max_foreign, probe_s=5.0, poll_s=20.0, max_wait_s=0.0, log=print):
        self.max_load = max_load
        self.max_foreign = max_foreign
        self.probe_s = probe_s
        self.poll_s = poll_s
        self.max_wait_s = max_wait_s
        self.log = log

    def wait(self):
        """Blocks until quiet; returns {quiet, waitedS, loadavg, foreignCpuShare, foreignTop}."""
        t0 = time.monotonic()
        reported = False
        while True:
            load = loadavg()[0]
            p = probe(self.probe_s) if load < self.max_load else None
            if (
                p is not None
                and p["foreignCpuShare"] < self.max_foreign
                and p["stealShare"] < self.max_foreign
            ):
                return {
                    "quiet": True,
                    "waitedS": round(time.monotonic() - t0, 1),
                    "loadavg": loadavg()[0],
                    "foreignCpuShare": p["foreignCpuShare"],
                    "foreignTop": p["foreignTop"],
                }
            waited = time.monotonic() - t0
            if p is None:
                why = f"load average {load:.2f} >= {self.max_load}"
            else:
                top = ", ".join(p["foreignTop"]) or "short-lived"
                why = (
                    f"foreign CPU {100 * p['foreignCpuShare']:.1f}% / steal "
                    f"{100 * p['stealShare']:.1f}% of the machine >= "
                    f"{100 * self.max_foreign:.0f}% ({top})"
                )
            if not reported or int(waited) % 300 < self.poll_s:
                self.log(f"idle gate: waiting ({why}; waited {waited:.0f}s)")
                reported = True
            if self.max_wait_s and waited >= self.max_wait_s:
                return {
                    "quiet": False,
                    "waitedS": round(waited, 1),
                    "loadavg": load,
                    "foreignCpuShare": p["foreignCpuShare"] if p else None,
                    "foreignTop": p["foreignTop"] if p else [],
                }
            time.sleep(self.poll_s)


if __name__ == "__main__":
    secs = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    import json

    print(json.dumps(probe(secs), indent=1))
