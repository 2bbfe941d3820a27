"""W6: partitioned Parquet write. --mode small: every shuffle partition writes one file per
day it holds (shuffle.partitions x 16 days small files); --mode repartitioned: repartition by the
partition column first (16 files). Output goes under a temp dir that is deleted afterwards."""
import os
import shutil
import tempfile

from pyspark.sql import functions as F
from _common import parse, session, rows, run

a = parse(__doc__, lambda ap: (ap.add_argument("--mode", choices=["small", "repartitioned"], default="small"),
                                ap.add_argument("--out", default=None)))
spark = session("w6_small_files", a)
n = rows(2_500_000, a.scale)
df = (spark.range(0, n, 1, 8)
      .withColumn("day", F.pmod(F.xxhash64("id", F.lit(61)), F.lit(16)))
      .withColumn("user", F.pmod(F.xxhash64("id", F.lit(62)), F.lit(500_000)))
      .withColumn("v", F.pmod(F.xxhash64("id", F.lit(63)), F.lit(1000))))
agg = df.groupBy("day", "user").agg(F.sum("v").alias("v"), F.count(F.lit(1)).alias("n"))
if a.mode == "repartitioned":
    agg = agg.repartition("day")
out = a.out or tempfile.mkdtemp(prefix="sparktune-w6-")
target = os.path.join(out, "events")
try:
    run(spark, f"w6 write ({a.mode})", lambda: agg.write.mode("overwrite").partitionBy("day").parquet(target))
    nfiles = sum(len([f for f in fs if f.endswith(".parquet")]) for _, _, fs in os.walk(target))
    print(f"[workload] w6 wrote {nfiles} parquet files", flush=True)
finally:
    spark.stop()
    shutil.rmtree(out, ignore_errors=True)
