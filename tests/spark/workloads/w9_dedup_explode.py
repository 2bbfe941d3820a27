"""W9 (test split): dedup + explode ETL. 5M raw events, each delivered 1-3 times (explode of a
sequence: ~10M rows with duplicates), each carrying 4 tags (explode: ~40M tag rows); the duplicates
are removed (dropDuplicates on event and tag: a shuffle aggregation over ~20M keys that spills at
small memory), the users dimension (1M rows, planned at ~22 MB, 2.5% kept at run time: ~1.5 MB)
is joined, and distinct (user, tag) pairs are counted per country and tag. Partition count, AQE
coalescing and the broadcast thresholds change the shuffles and the join."""

from pyspark.sql import functions as F
from _common import hashed as h, parse, session, rows, run

a = parse(__doc__)
spark = session("w9_dedup_explode", a)
n = rows(5_000_000, a.scale)
n_users = rows(1_000_000, a.scale)
raw = spark.range(0, n, 1, 8).select(
    F.xxhash64("id", F.lit(95)).alias("event"),  # not id: range-partitioned, no shuffle
    h("id", 91, n_users).alias("user"),
    h("id", 92, 2000).alias("page"),
    F.concat(F.lit("agent "), F.hex(F.xxhash64("id", F.lit(96)))).alias("agent"),
    F.array(*[h("id", 93 + i, 500) for i in range(4)]).alias("tags"),
    F.explode(F.sequence(F.lit(1), (h("id", 97, 3) + 1).cast("int"))).alias("delivery"),
)
tagged = raw.select("event", "user", "page", "agent", F.explode("tags").alias("tag"))
unique = tagged.dropDuplicates(["event", "tag"])
users = spark.range(0, n_users, 1, 4).select(
    F.col("id").alias("user"),
    h("id", 98, 60).alias("country"),
    h("id", 99, 40).alias("tier"),
    F.concat(F.lit("user-"), F.hex(F.xxhash64("id", F.lit(100)))).alias("handle"),
)
paying = users.where(F.col("tier") == 7)
q = (
    unique.join(paying, "user")
    .select("country", "tag", "user", (F.length("agent") + F.length("handle")).alias("text_len"))
    .distinct()
    .groupBy("country", "tag")
    .agg(F.count(F.lit(1)).alias("users"), F.sum("text_len").alias("text_chars"))
)
run(spark, "w9 dedup explode", lambda: q.write.format("noop").mode("overwrite").save(), q, a)
spark.stop()
