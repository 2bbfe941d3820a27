"""W5: multi-join ETL shaped like TPC-H Q5: lineitem x orders x customer x supplier x nation x
region, with date/region filters and a revenue aggregation (five joins)."""
from pyspark.sql import functions as F
from _common import parse, session, rows, run

a = parse(__doc__)
spark = session("w5_etl_multijoin", a)
sf = a.scale
n_li, n_o, n_c, n_s = rows(5_000_000, sf), rows(1_250_000, sf), rows(200_000, sf), rows(10_000, sf)
h = lambda c, seed, m: F.pmod(F.xxhash64(c, F.lit(seed)), F.lit(m))
region = spark.range(0, 5).select(F.col("id").alias("r_regionkey"),
                                  F.element_at(F.array(*[F.lit(x) for x in
                                               ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"]]),
                                               (F.col("id") + 1).cast("int")).alias("r_name"))
nation = spark.range(0, 25).select(F.col("id").alias("n_nationkey"), (F.col("id") % 5).alias("n_regionkey"),
                                   F.concat(F.lit("NATION"), F.col("id")).alias("n_name"))
customer = spark.range(0, n_c, 1, 2).select(F.col("id").alias("c_custkey"), h("id", 51, 25).alias("c_nationkey"))
supplier = spark.range(0, n_s, 1, 2).select(F.col("id").alias("s_suppkey"), h("id", 52, 25).alias("s_nationkey"))
orders = spark.range(0, n_o, 1, 4).select(
    F.col("id").alias("o_orderkey"), h("id", 53, n_c).alias("o_custkey"),
    F.date_add(F.lit("1992-01-01").cast("date"), h("id", 54, 2400).cast("int")).alias("o_orderdate"))
lineitem = spark.range(0, n_li, 1, 8).select(
    h("id", 55, n_o).alias("l_orderkey"), h("id", 56, n_s).alias("l_suppkey"),
    (h("id", 57, 100000) / 10.0 + 900).alias("l_extendedprice"), (h("id", 58, 11) / 100.0).alias("l_discount"))
q = (lineitem.join(orders, lineitem.l_orderkey == orders.o_orderkey)
     .where((F.col("o_orderdate") >= "1994-01-01") & (F.col("o_orderdate") < "1996-01-01"))
     .join(customer, F.col("o_custkey") == F.col("c_custkey"))
     .join(supplier, (F.col("l_suppkey") == F.col("s_suppkey")) & (F.col("c_nationkey") == F.col("s_nationkey")))
     .join(nation, F.col("s_nationkey") == F.col("n_nationkey"))
     .join(region, F.col("n_regionkey") == F.col("r_regionkey"))
     .where(F.col("r_name").isin("ASIA", "EUROPE"))
     .groupBy("n_name").agg(F.sum(F.col("l_extendedprice") * (1 - F.col("l_discount"))).alias("revenue"))
     .orderBy(F.desc("revenue")))
run(spark, "w5 tpch-q5-like etl", lambda: q.collect())
spark.stop()
