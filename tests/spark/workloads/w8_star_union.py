"""W8 (test split): star join with several aggregations and a union. Two fact tables (store sales
9M rows, web sales 6M rows) each joined to date (730 rows), store (50) and promotion (1k) dimensions
(always broadcast) and to a customer dimension (800k rows whose name and address reach the output:
planned at ~24 MB, ~80 MB at run time, so a sort-merge join unless the static threshold is raised
above it); each channel aggregated by (customer segment, month) and by customer (800k groups with
a count of distinct days: the aggregation that spills at small memory), the two channels unioned
and aggregated again. Partition count, AQE coalescing and broadcast thresholds all change the
plan's shuffles."""

from pyspark.sql import functions as F
from _common import hashed as h, parse, session, rows, run

a = parse(__doc__)
spark = session("w8_star_union", a)
n_store_sales = rows(9_000_000, a.scale)
n_web_sales = rows(6_000_000, a.scale)
n_cust = rows(800_000, a.scale)
date_dim = spark.range(0, 730).select(
    F.col("id").alias("d_day"), (F.col("id") / 30).cast("int").alias("month")
)
store = spark.range(0, 50).select(F.col("id").alias("s_store"), (F.col("id") % 5).alias("s_region"))
promo = spark.range(0, 1000).select(
    F.col("id").alias("p_promo"), (F.col("id") % 7 == 0).alias("p_tv")
)
customer = spark.range(0, n_cust, 1, 4).select(
    F.col("id").alias("c_cust"),
    h("id", 81, 12).alias("segment"),
    F.concat(F.lit("customer "), F.hex(F.xxhash64("id", F.lit(82)))).alias("c_name"),
    F.concat(F.lit("street "), F.hex(F.xxhash64("id", F.lit(83)))).alias("c_address"),
)


def channel(name, n, seed):
    fact = spark.range(0, n, 1, 8).select(
        h("id", seed, 730).alias("day"),
        h("id", seed + 1, 50).alias("store"),
        h("id", seed + 2, 1000).alias("promo"),
        h("id", seed + 3, n_cust).alias("cust"),
        (h("id", seed + 4, 50000) / 100.0).alias("net"),
    )
    j = (
        fact.join(date_dim, fact.day == date_dim.d_day)
        .join(store, fact.store == store.s_store)
        .join(promo, fact.promo == promo.p_promo)
        .join(customer, fact.cust == customer.c_cust)
        .where(~F.col("p_tv") | (F.col("s_region") < 4))
    )
    # The customer's name and address reach the output (the planner would prune them otherwise),
    # so the customer side of the join is planned at its full width in both branches.
    text = F.length("c_name") + F.length("c_address")
    by_month = j.groupBy("segment", "month").agg(
        F.sum("net").alias("net"), F.count(F.lit(1)).alias("n"), F.sum(text).alias("chars")
    )
    by_cust = j.groupBy("cust").agg(
        F.sum("net").alias("net"),
        F.countDistinct("day").alias("days"),
        F.max(text).alias("chars"),
    )
    top_cust = (
        by_cust.where(F.col("days") >= 3)
        .groupBy((F.col("cust") % 12).alias("segment"))
        .agg(F.sum("net").alias("net"), F.count(F.lit(1)).alias("n"), F.sum("chars").alias("chars"))
    )
    columns = ["segment", "net", "n", "chars"]
    return by_month.select(F.lit(name).alias("channel"), *columns).unionByName(
        top_cust.select(F.lit(name + "-loyal").alias("channel"), *columns)
    )


both = channel("store", n_store_sales, 84).unionByName(channel("web", n_web_sales, 90))
q = (
    both.groupBy("channel", "segment")
    .agg(F.sum("net").alias("net"), F.sum("n").alias("n"), F.sum("chars").alias("chars"))
    .orderBy("channel", "segment")
)
run(spark, "w8 star join union", lambda: q.collect(), q, a)
spark.stop()
