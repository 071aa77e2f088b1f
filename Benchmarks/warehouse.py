"""Times the warehouse view: SUM(cost) by model and day over N generated usage rows.

    bash Scripts/warehouse/check.sh   # once, to make Scripts/warehouse/.venv
    Scripts/warehouse/.venv/bin/python Benchmarks/warehouse.py LLM_COST [ROWS]

Generates the rows inside each engine (DuckDB, ClickHouse through chDB): DeepSeek and
OpenAI models, October-December 2026, every hour, a tenth of them batch; then times the
aggregate over `llm_usage_priced` and over `llm_usage` alone (the price of reading the rows
and summing tokens), best of three.
"""

import os
import subprocess
import sys
import tempfile
import time

MODELS = "['deepseek-flash', 'deepseek-v4-pro', 'gpt-5', 'gpt-5-mini', 'qwen3-max', 'claude-sonnet-4-5']"
START = 1790812800  # 2026-10-01T00:00:00Z
SPAN = 92 * 86400


def statements():
    """The statements of the generated SQL files, in order, without comment-only parts."""
    for name in ("01-tables.sql", "02-view.sql"):
        for statement in open(name).read().split(";\n"):
            lines = [line for line in statement.splitlines()
                     if line.strip() and not line.startswith("--")]
            if lines:
                yield "\n".join(lines)


def best(run):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def duckdb_bench(directory, rows):
    import duckdb
    os.chdir(directory)
    db = duckdb.connect()
    db.execute(f"""CREATE TABLE llm_usage AS SELECT
        to_timestamp({START} + (i * 7919) % {SPAN})::TIMESTAMP AS ts, NULL::VARCHAR AS provider,
        {MODELS}[1 + i % 6] AS model, NULL::VARCHAR AS currency,
        (1000 + i % 50000)::BIGINT AS input_tokens, (i % 700)::BIGINT AS cached_tokens,
        0::BIGINT AS cache_write_tokens, 0::BIGINT AS cache_write_1h_tokens,
        (10 + i % 3000)::BIGINT AS output_tokens, 0::BIGINT AS reasoning_tokens,
        i % 10 = 0 AND i % 6 >= 2 AS batch
      FROM range({rows}) t(i)""")
    for statement in statements():
        db.execute(statement)
    priced = best(lambda: db.execute(
        "SELECT model, CAST(ts AS DATE), currency, SUM(cost), COUNT(*) FILTER (cost IS NULL) "
        "FROM llm_usage_priced GROUP BY 1, 2, 3").fetchall())
    raw = best(lambda: db.execute(
        "SELECT model, CAST(ts AS DATE), SUM(input_tokens), SUM(output_tokens) "
        "FROM llm_usage GROUP BY 1, 2").fetchall())
    unpriced = db.execute("SELECT COUNT(*) FROM llm_usage_priced WHERE cost IS NULL").fetchone()[0]
    return priced, raw, unpriced


def clickhouse_bench(directory, rows):
    from chdb import session
    os.chdir(directory)
    db = session.Session(os.path.join(directory, "chdb"))
    db.query("CREATE DATABASE IF NOT EXISTS bench")
    db.query("USE bench")
    db.query(f"""CREATE TABLE llm_usage ENGINE = MergeTree ORDER BY ts AS SELECT
        toDateTime64({START} + (number * 7919) % {SPAN}, 3, 'UTC') AS ts,
        CAST(NULL AS Nullable(String)) AS provider, {MODELS}[1 + number % 6] AS model,
        CAST(NULL AS Nullable(String)) AS currency,
        toInt64(1000 + number % 50000) AS input_tokens, toInt64(number % 700) AS cached_tokens,
        toInt64(0) AS cache_write_tokens, toInt64(0) AS cache_write_1h_tokens,
        toInt64(10 + number % 3000) AS output_tokens, toInt64(0) AS reasoning_tokens,
        number % 10 = 0 AND number % 6 >= 2 AS batch
      FROM numbers({rows})""")
    for statement in statements():
        db.query(statement)
    priced = best(lambda: db.query(
        "SELECT model, toDate(ts), currency, SUM(cost), countIf(cost IS NULL) "
        "FROM llm_usage_priced GROUP BY 1, 2, 3", "CSV"))
    raw = best(lambda: db.query(
        "SELECT model, toDate(ts), SUM(input_tokens), SUM(output_tokens) "
        "FROM llm_usage GROUP BY 1, 2", "CSV"))
    unpriced = int(db.query("SELECT count() FROM llm_usage_priced WHERE cost IS NULL", "CSV")
                   .bytes().decode().strip())
    return priced, raw, unpriced


def main():
    llm_cost = os.path.abspath(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    for engine, bench in (("duckdb", duckdb_bench), ("clickhouse", clickhouse_bench)):
        directory = tempfile.mkdtemp(prefix=f"llm-warehouse-bench-{engine}-")
        subprocess.run([llm_cost, "warehouse", "--dialect", engine, "--out", directory],
                       check=True, capture_output=True)
        priced, raw, unpriced = bench(directory, rows)
        print(f"{engine}: {rows:,} rows, SUM(cost) by model, day and currency in {priced:.2f} s "
              f"({rows / priced / 1e6:.1f} M rows/s); the same GROUP BY over llm_usage alone "
              f"{raw:.2f} s; {unpriced:,} rows without a cost")


if __name__ == "__main__":
    main()
