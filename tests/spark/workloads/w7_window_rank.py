"""W7 (test split): TPC-DS-like ranking over a sorted fact. store_sales (12M rows): each customer's
sales in date order get a running total and a row number (Window partitionBy(customer)
orderBy(day, ticket): a shuffle by customer and a sort of the whole fact); repeat purchases are
summed per (store, item) (an aggregation with about as many groups as rows); the sums are joined to
an item dimension (800k rows, planned at ~50 MB, filtered to 1 of 40 categories at run time: ~2 MB)
and the items of each store are ranked by revenue (partitionBy(store) orderBy(revenue desc)), top
20 kept. The window sort and the aggregation spill at small executor memory, the shuffles follow
spark.sql.shuffle.partitions (AQE coalesces them), and the dimension join is a broadcast or a
sort-merge join depending on the thresholds and AQE."""

from pyspark.sql import Window
from pyspark.sql import functions as F
from _common import hashed as h, parse, session, rows, run

a = parse(__doc__)
spark = session("w7_window_rank", a)
n = rows(12_000_000, a.scale)
n_items = rows(800_000, a.scale)
n_cust = rows(600_000, a.scale)
sales = (
    spark.range(0, n, 1, 8)
    .select(
        F.col("id").alias("ticket"),
        h("id", 71, n_items).alias("item"),
        h("id", 72, 40).alias("store"),
        h("id", 73, n_cust).alias("customer"),
        h("id", 74, 730).alias("day"),
        (h("id", 75, 20000) / 100.0).alias("price"),
        (h("id", 76, 9) + 1).alias("qty"),
        F.concat(F.lit("ticket "), F.hex(F.xxhash64("id", F.lit(70)))).alias("memo"),
    )
    .withColumn("amount", F.col("price") * F.col("qty"))
)
by_customer = Window.partitionBy("customer").orderBy("day", "ticket")
running = sales.withColumn(
    "running",
    F.sum("amount").over(by_customer.rowsBetween(Window.unboundedPreceding, Window.currentRow)),
).withColumn("nth", F.row_number().over(by_customer))
repeat_buys = (
    running.where(F.col("nth") > 1)
    .groupBy("store", "item")
    .agg(
        F.sum("amount").alias("revenue"),
        F.max("running").alias("top_running"),
        F.max("memo").alias("last_memo"),
        F.count(F.lit(1)).alias("buys"),
    )
)
item = spark.range(0, n_items, 1, 4).select(
    F.col("id").alias("item"),
    h("id", 77, 40).alias("category"),
    F.concat(F.lit("brand-"), F.hex(F.xxhash64("id", F.lit(78)))).alias("brand"),
    F.concat(F.lit("item description "), F.hex(F.xxhash64("id", F.lit(79)))).alias("descr"),
)
chosen = item.where(F.col("category") == 17).select("item", "category", "brand", "descr")
by_store = Window.partitionBy("store").orderBy(F.desc("revenue"), "item")
top = (
    repeat_buys.join(chosen, "item")
    .withColumn("descr_len", F.length("descr"))
    .withColumn("rank", F.rank().over(by_store))
    .where(F.col("rank") <= 20)
)
run(spark, "w7 window ranking", lambda: top.write.format("noop").mode("overwrite").save(), top, a)
spark.stop()
