"""Shared bits for the harness workloads (driver side only; no Python UDFs, so executors run JVM code only)."""
import argparse
import time

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def parse(description, extra=None):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies the row counts (1.0 = grid size)")
    ap.add_argument("--name", default=None, help="application name (default: the workload name)")
    ap.add_argument("--explain", action="store_true",
                    help="print the planned query instead of running it")
    if extra:
        extra(ap)
    return ap.parse_args()


def session(default_name, args):
    # Every config comes from spark-submit --conf; the workload sets nothing that the grid varies.
    return SparkSession.builder.appName(args.name or default_name).getOrCreate()


def hashed(column, seed, modulus):
    """A deterministic pseudo-random column in [0, modulus): xxhash64 of `column` with `seed`."""
    return F.pmod(F.xxhash64(column, F.lit(seed)), F.lit(modulus))


def rows(n, scale):
    return max(1000, int(n * scale))


def run(spark, label, fn, plan=None, args=None):
    """Runs fn() as the job `label`; with --explain prints `plan`'s physical plan instead."""
    if args is not None and args.explain and plan is not None:
        plan.explain()
        return None
    spark.sparkContext.setJobDescription(label)
    t = time.time()
    out = fn()
    print(f"[workload] {label}: {time.time() - t:.1f}s", flush=True)
    return out
