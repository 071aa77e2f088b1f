"""Prices generated usage inside real SQL engines with `llm-cost warehouse` and checks it.

    python check.py --llm-cost PATH --engine duckdb|clickhouse|spark [--rows N] [--keep DIR]

For each engine: writes a usage log (as the llm_usage table, CSV, and as JSON Lines for
`llm-cost ingest`), generates the warehouse SQL, loads both into the engine and reads
llm_usage_priced. Three checks, each exact to the last digit (Python Decimal):

1. SUM(cost) by model, day and currency equals `llm-cost ingest --group-by model,day`
   (its per-currency totals), and the rows without a cost are the lines ingest rejects;
2. every DeepSeek row of October-December 2026 costs what an independent computation
   here gives: DeepSeek's published prices, peak hours 09:00-12:00 and 14:00-18:00
   Beijing time on Monday to Friday except the statutory holidays (2026-10-01..07);
3. every row costs what `llm-cost ingest` gives its line (grouped by a tag per line), with
   the same provisional calendar years: the DeepSeek rows, and rows of a test offering
   (rules-catalog.json, laid over the built-in catalog with --catalog) whose windows wrap
   past midnight on weekdays except holidays, on rest days and on working days (make-up
   Saturdays included), whose tiers have exclusive bounds, and whose price changes at a
   given second, around the 2026 National Day holidays and the provisional 2027 New Year;
4. batch rows cost what `llm-cost quote --batch` says, and rows the SQL cannot price carry
   the expected reason.
"""

import argparse
import csv
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from decimal import Decimal

UTC = dt.timezone.utc
COLUMNS = [
    "request_id", "ts", "provider", "model", "currency", "input_tokens", "cached_tokens",
    "cache_write_tokens", "cache_write_1h_tokens", "output_tokens", "reasoning_tokens", "batch",
]


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


# --- The independent DeepSeek computation ------------------------------------------------

# DeepSeek's published prices per million tokens (api-docs.deepseek.com/quick_start/pricing),
# (cache hit, cache miss, output), off-peak and peak, in force through October-December 2026.
DEEPSEEK = {
    ("deepseek-flash", "CNY"): ((Decimal("0.02"), Decimal("1"), Decimal("4")),
                                (Decimal("0.04"), Decimal("2"), Decimal("8"))),
    ("deepseek-flash", "USD"): ((Decimal("0.003"), Decimal("0.15"), Decimal("0.6")),
                                (Decimal("0.006"), Decimal("0.3"), Decimal("1.2"))),
    ("deepseek-v4-pro", "CNY"): ((Decimal("0.15"), Decimal("4.5"), Decimal("13.5")),
                                 (Decimal("0.3"), Decimal("9"), Decimal("27"))),
}
# The State Council's 2026 arrangement: National Day and Mid-Autumn, 1-7 October.
HOLIDAYS_2026_Q4 = {dt.date(2026, 10, day) for day in range(1, 8)}
BEIJING = dt.timezone(dt.timedelta(hours=8))


def deepseek_cost(row):
    local = row["ts"].astimezone(BEIJING)
    minutes = local.hour * 60 + local.minute
    peak = (local.weekday() < 5 and local.date() not in HOLIDAYS_2026_Q4
            and (9 * 60 <= minutes < 12 * 60 or 14 * 60 <= minutes < 18 * 60))
    hit, miss, output = DEEPSEEK[(row["model"], row["currency"] or "CNY")][1 if peak else 0]
    cached = row["cached_tokens"]
    total = (Decimal(row["input_tokens"] - cached) * miss + Decimal(cached) * hit
             + Decimal(row["output_tokens"]) * output)
    return total / Decimal(1_000_000)


# --- The usage --------------------------------------------------------------------------

def read_prices(directory):
    with open(os.path.join(directory, "llm_prices.csv"), newline="") as f:
        return list(csv.DictReader(f))


def pick_offerings(directory):
    """Offerings in force through October-December 2026 that exercise each rule, by the
    shape of their rows in the price table."""
    with open(os.path.join(directory, "llm_entries.csv"), newline="") as f:
        entries = list(csv.DictReader(f))
    first = dt.datetime(2026, 10, 1, tzinfo=UTC).timestamp()
    last = dt.datetime(2027, 1, 1, tzinfo=UTC).timestamp()
    starts = defaultdict(lambda: float("inf"))
    ends = defaultdict(float)
    for entry in entries:
        starts[entry["offering"]] = min(starts[entry["offering"]], int(entry["from_second"]))
        ends[entry["offering"]] = max(ends[entry["offering"]], int(entry["to_second"]))
    in_force = {o for o in starts if starts[o] <= first and ends[o] >= last}
    by_offering = defaultdict(list)
    for row in read_prices(directory):
        if row["offering"] in in_force:
            by_offering[row["offering"]].append(row)
    features = defaultdict(list)
    for offering, rows in sorted(by_offering.items()):
        latest = max(int(r["entry"]) for r in rows)
        rows = [r for r in rows if int(r["entry"]) == latest]
        if any(r["batch"] == "1" for r in rows):
            features["batch"].append(offering)
        if len({r["input_min"] for r in rows}) > 1:
            features["input tiers"].append(offering)
        if any(r["output_max"] != str(2**63 - 1) for r in rows):
            features["output tiers"].append(offering)
        if any(r["thinking_output_per_token"] for r in rows):
            features["thinking"].append(offering)
        if any(r["cache_write_1h_per_token"] != r["input_per_token"] for r in rows):
            features["cache writes"].append(offering)
        if any(r["variant"] != "0" for r in rows):
            features["windows"].append(offering)
    return features


def generate(rows, seed, offerings_by_feature):
    rng = random.Random(seed)
    start = dt.datetime(2026, 10, 1, tzinfo=UTC)
    span = int((dt.datetime(2027, 1, 1, tzinfo=UTC) - start).total_seconds())
    usage = []

    def add(ts, provider, model, currency, total_in, cached=0, write=0, write1h=0,
            total_out=0, reasoning=0, batch=False, expect=None):
        usage.append({
            "request_id": len(usage) + 1, "ts": ts, "provider": provider, "model": model,
            "currency": currency, "input_tokens": total_in, "cached_tokens": cached,
            "cache_write_tokens": write, "cache_write_1h_tokens": write1h,
            "output_tokens": total_out, "reasoning_tokens": reasoning, "batch": batch,
            "expect": expect,
        })

    def instant():
        return start + dt.timedelta(seconds=rng.randrange(span), milliseconds=rng.randrange(1000))

    # DeepSeek, every hour of October to December: peak and off-peak, weekends, holidays.
    for _ in range(rows):
        model, currency = rng.choice(list(DEEPSEEK))
        total_in = rng.randrange(1, 200_000)
        cached = rng.randrange(0, total_in + 1)
        total_out = rng.randrange(1, 9_000)
        reasoning = rng.randrange(0, total_out + 1) if rng.random() < 0.3 else 0
        add(instant(), rng.choice(["deepseek", None]), model, currency, total_in, cached,
            total_out=total_out, reasoning=reasoning, expect="deepseek")
    # Every hour boundary of the peak windows, on a Friday, a holiday and a make-up Saturday.
    for day in (dt.date(2026, 10, 9), dt.date(2026, 10, 5), dt.date(2026, 10, 10)):
        for hour, minute, second in [(9, 0, 0), (11, 59, 59), (12, 0, 0), (13, 59, 59),
                                     (14, 0, 0), (17, 59, 59), (18, 0, 0), (8, 59, 59)]:
            local = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=BEIJING)
            add(local.astimezone(UTC), "deepseek", "deepseek-flash", "CNY", 1_000_000, 250_000,
                total_out=100_000, expect="deepseek")
    # Other offerings, chosen by the rule they exercise.
    for feature, offerings in sorted(offerings_by_feature.items()):
        for offering in offerings[:4]:
            provider, rest = offering.split("/", 1)
            model, currency = rest.rsplit("@", 1)
            for _ in range(max(rows // 20, 20)):
                total_in = rng.choice([rng.randrange(1, 40_000), rng.randrange(100_000, 300_000)])
                write = rng.randrange(0, total_in // 4 + 1)
                write1h = rng.randrange(0, total_in // 4 + 1)
                cached = rng.randrange(0, total_in // 4 + 1)
                total_out = rng.choice([rng.randrange(1, 300), rng.randrange(300, 20_000)])
                reasoning = rng.randrange(0, total_out + 1) if rng.random() < 0.5 else 0
                batch = feature == "batch" and rng.random() < 0.5
                add(instant(), provider, model, currency, total_in, cached, write, write1h,
                    total_out, reasoning, batch, expect="quote" if batch else None)
    # The test offering's rules, around the National Day holidays and into a provisional 2027.
    periods = [(dt.datetime(2026, 9, 25, tzinfo=UTC), 18), (dt.datetime(2026, 12, 28, tzinfo=UTC), 8)]
    for _ in range(rows // 2):
        begin, days = rng.choice(periods)
        ts = begin + dt.timedelta(seconds=rng.randrange(days * 86_400))
        if rng.random() < 0.3:  # on a window's edge, in Beijing time
            ts = ts.replace(minute=0, second=rng.choice([0, 59]), microsecond=0)
        total_in = rng.choice([999, 1000, rng.randrange(1, 5_000)])
        cached = rng.randrange(0, total_in // 3 + 1)
        write = rng.randrange(0, total_in // 3 + 1)
        write1h = rng.randrange(0, total_in // 3 + 1)
        total_out = rng.randrange(1, 3_000)
        reasoning = rng.randrange(0, total_out + 1) if rng.random() < 0.4 else 0
        provider, model = rng.choice([("ruletest", "rules-test"), (None, "rules-alias"),
                                      (None, "RuleTest/Rules-Test")])
        add(ts, provider, model, rng.choice(["CNY", None]), total_in, cached, write, write1h,
            total_out, reasoning)
    # Rows the library refuses: the view must give no cost and say why.
    late = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    add(late, "deepseek", "deepseek-chatt", "CNY", 10, total_out=1, expect="unknown model")
    add(late, "deepseek", "deepseek-chat", "CNY", 10, total_out=1, expect="was retired at")
    add(dt.datetime(2020, 5, 1, tzinfo=UTC), "deepseek", "deepseek-flash", "CNY", 10,
        total_out=1, expect="the first price takes effect at")
    add(late, "deepseek", "deepseek-flash", "CNY", 10, total_out=1, batch=True,
        expect="batch not offered")
    add(dt.datetime(2250, 3, 4, 3, 0, tzinfo=UTC), "deepseek", "deepseek-flash", "CNY", 10,
        total_out=1, expect="holiday calendar")
    add(late, "deepseek", "deepseek-flash", "CNY", 10, 11, total_out=1, expect="exceed input")
    # Spellings the library accepts: provider in the model, case, a dated snapshot id.
    add(late, None, "DeepSeek/DeepSeek-Flash", None, 1000, total_out=10)
    add(late, "deepseek", "deepseek-flash-20261101", "CNY", 1000, total_out=10)
    # A provisional calendar year: peak on a 2027 weekday.
    add(dt.datetime(2027, 3, 3, 2, 0, tzinfo=UTC), "deepseek", "deepseek-flash", "CNY", 1000,
        total_out=10, expect="provisional")
    return usage


def write_usage(usage, directory):
    with open(os.path.join(directory, "usage.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for row in usage:
            values = []
            for column in COLUMNS:
                value = row[column]
                if column == "ts":
                    value = value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
                elif column == "batch":
                    value = "true" if value else "false"
                values.append("" if value is None else value)
            writer.writerow(values)


def ingest_line(row):
    usage = {
        "uncachedInput": row["input_tokens"] - row["cached_tokens"] - row["cache_write_tokens"]
        - row["cache_write_1h_tokens"],
        "cacheRead": row["cached_tokens"], "cacheWrite": row["cache_write_tokens"],
        "cacheWrite1h": row["cache_write_1h_tokens"],
        "output": row["output_tokens"] - row["reasoning_tokens"],
        "reasoning": row["reasoning_tokens"],
    }
    line = {"timestamp": row["ts"].astimezone(UTC).isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"), "model": row["model"], "usage": usage,
            "tags": {"id": str(row["request_id"])}}
    if row["provider"] is not None:
        line["provider"] = row["provider"]
    return json.dumps(line)


# --- The engines ------------------------------------------------------------------------

def statements(path):
    with open(path) as f:
        text = f.read()
    return [s.strip() for s in text.split(";\n") if s.strip() and not
            all(line.startswith("--") or not line.strip() for line in s.strip().splitlines())]


def run_duckdb(directory):
    import duckdb
    connection = duckdb.connect()
    connection.execute("""CREATE TABLE llm_usage (request_id BIGINT, ts TIMESTAMP, provider VARCHAR,
        model VARCHAR, currency VARCHAR, input_tokens BIGINT, cached_tokens BIGINT,
        cache_write_tokens BIGINT, cache_write_1h_tokens BIGINT, output_tokens BIGINT,
        reasoning_tokens BIGINT, batch BOOLEAN)""")
    connection.execute("COPY llm_usage FROM 'usage.csv' (HEADER)")
    for name in ("01-tables.sql", "02-view.sql"):
        for statement in statements(name):
            connection.execute(statement)
    assert connection.execute(
        "SELECT typeof(cost) FROM llm_usage_priced LIMIT 1").fetchone()[0] == "DECIMAL(38,18)"
    return [dict(zip([d[0] for d in cursor.description], values))
            for cursor in [connection.execute(QUERY.replace("{day}", "CAST(ts AS DATE)").replace("{text}", "VARCHAR"))]
            for values in cursor.fetchall()]


def run_clickhouse(directory):
    from chdb import session
    db = session.Session(os.path.join(directory, "chdb"))
    db.query("CREATE DATABASE IF NOT EXISTS check_db")
    db.query("USE check_db")
    db.query("""CREATE TABLE llm_usage (request_id Int64, ts DateTime64(3, 'UTC'),
        provider Nullable(String), model Nullable(String), currency Nullable(String),
        input_tokens Nullable(Int64), cached_tokens Nullable(Int64),
        cache_write_tokens Nullable(Int64), cache_write_1h_tokens Nullable(Int64),
        output_tokens Nullable(Int64), reasoning_tokens Nullable(Int64), batch Nullable(Bool))
        ENGINE = MergeTree ORDER BY request_id""")
    db.query("INSERT INTO llm_usage FROM INFILE 'usage.csv' FORMAT CSVWithNames")
    for name in ("01-tables.sql", "02-view.sql"):
        for statement in statements(name):
            db.query(statement)
    kind = db.query("SELECT toTypeName(cost) FROM llm_usage_priced LIMIT 1", "CSV").bytes()
    assert b"Decimal(38, 18)" in kind, kind
    result = db.query(QUERY.replace("{day}", "toDate(ts)").replace("{text}", "Nullable(String)"), "JSONCompact")
    data = json.loads(result.bytes())
    names = [column["name"] for column in data["meta"]]
    return [dict(zip(names, values)) for values in data["data"]]


def run_spark(directory):
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.warehouse.dir", os.path.join(directory, "spark-warehouse"))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    spark.sql(f"""CREATE TABLE llm_usage (request_id BIGINT, ts TIMESTAMP, provider STRING,
        model STRING, currency STRING, input_tokens BIGINT, cached_tokens BIGINT,
        cache_write_tokens BIGINT, cache_write_1h_tokens BIGINT, output_tokens BIGINT,
        reasoning_tokens BIGINT, batch BOOLEAN) USING csv OPTIONS (path '{directory}/usage.csv',
        header 'true')""")
    for name in ("01-tables.sql", "02-view.sql"):
        for statement in statements(name):
            spark.sql(statement)
    kind = dict(spark.table("llm_usage_priced").dtypes)["cost"]
    assert kind == "decimal(38,18)", kind
    return [row.asDict() for row in spark.sql(QUERY.replace("{day}", "CAST(ts AS DATE)").replace("{text}", "STRING")).collect()]


QUERY = """SELECT request_id, model, currency, requested_currency, offering,
  CAST({day} AS {text}) AS day, CAST(cost AS {text}) AS cost, reason, price_window, tier,
  provisional_year FROM llm_usage_priced ORDER BY request_id"""


# --- The checks -------------------------------------------------------------------------

def ingest(llm_cost, rows, currency, directory, group_by):
    path = os.path.join(directory, f"usage-{currency or 'native'}.jsonl")
    with open(path, "w") as f:
        for row in rows:
            f.write(ingest_line(row) + "\n")
    command = [llm_cost, "ingest", path, "--group-by", group_by, "--json", "--catalog",
               os.path.join(directory, CATALOG)]
    if currency:
        command += ["--currency", currency]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def ingest_totals(llm_cost, rows, currency, directory):
    report = ingest(llm_cost, rows, currency, directory, "model,day")
    totals = {}
    for group in report["groups"]:
        for code, amount in group["totalsByCurrency"].items():
            totals[(group["key"]["model"], group["key"]["day"], code)] = Decimal(amount)
    return totals, report["rejected"]


def ingest_lines(llm_cost, rows, currency, directory):
    """Each line's own total and currency, and the provisional years, from llm-cost ingest."""
    report = ingest(llm_cost, rows, currency, directory, "tag:id")
    lines = {}
    for group in report["groups"]:
        (code, amount), = group["totalsByCurrency"].items()
        lines[int(group["key"]["tag:id"])] = (Decimal(amount), code)
    return lines, {entry["year"] for entry in report["provisionalYears"]}


def quote(llm_cost, row):
    command = [llm_cost, "quote", "--model", row["model"], "--provider", row["provider"],
               "--input", str(row["input_tokens"]), "--cached-input", str(row["cached_tokens"]),
               "--cache-write", str(row["cache_write_tokens"]),
               "--cache-write-1h", str(row["cache_write_1h_tokens"]),
               "--output", str(row["output_tokens"]), "--reasoning", str(row["reasoning_tokens"]),
               "--at", row["ts"].astimezone(UTC).isoformat().replace("+00:00", "Z"), "--batch",
               "--json"]
    if row["currency"]:
        command += ["--currency", row["currency"]]
    command += ["--catalog", CATALOG]
    return Decimal(json.loads(
        subprocess.run(command, check=True, capture_output=True, text=True).stdout)["total"])


CATALOG = "rules-catalog.json"


def check(engine, llm_cost, rows, directory):
    shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), CATALOG), directory)
    subprocess.run([llm_cost, "warehouse", "--dialect", engine, "--out", directory,
                    "--catalog", os.path.join(directory, CATALOG)], check=True, capture_output=True)
    usage = generate(rows, 2026, pick_offerings(directory))
    write_usage(usage, directory)
    os.chdir(directory)
    priced = {"duckdb": run_duckdb, "clickhouse": run_clickhouse, "spark": run_spark}[engine](directory)
    if len(priced) != len(usage):
        fail(f"{engine}: llm_usage_priced has {len(priced)} rows for {len(usage)} usage rows")
    by_id = {int(row["request_id"]): row for row in priced}

    # 1. Against llm-cost ingest, by requested currency (ingest takes one per run).
    compared = 0
    lines_compared = 0
    for currency in ("CNY", "USD", None):
        rows_in = [r for r in usage if r["currency"] == currency and not r["batch"]]
        if not rows_in:
            continue
        expected, rejected = ingest_totals(llm_cost, rows_in, currency, directory)
        sums = defaultdict(Decimal)
        unpriced = 0
        for r in rows_in:
            row = by_id[r["request_id"]]
            if row["cost"] is None:
                unpriced += 1
                continue
            sums[(r["model"], row["day"], row["currency"])] += Decimal(row["cost"])
        if dict(sums) != expected:
            keys = sorted(set(sums) | set(expected), key=str)
            diff = [(k, sums.get(k), expected.get(k)) for k in keys if sums.get(k) != expected.get(k)]
            fail(f"{engine}: SUM(cost) by model, day and currency differs from llm-cost ingest "
                 f"(currency {currency}) in {len(diff)} groups, first: {diff[:3]}; "
                 f"a row of the view: {by_id[rows_in[0]['request_id']]}")
        if unpriced != rejected:
            fail(f"{engine}: {unpriced} rows without a cost, but ingest rejected {rejected} lines")
        compared += len(expected)
        lines, provisional = ingest_lines(llm_cost, rows_in, currency, directory)
        for r in rows_in:
            row = by_id[r["request_id"]]
            want = lines.get(r["request_id"])
            got = None if row["cost"] is None else (Decimal(row["cost"]), row["currency"])
            if got != want:
                fail(f"{engine}: row {r['request_id']} ({r['model']} at {r['ts']}) costs {got}, "
                     f"llm-cost ingest prices its line at {want}; the view's row: {row}")
        flagged = {int(by_id[r["request_id"]]["provisional_year"]) for r in rows_in
                   if by_id[r["request_id"]]["provisional_year"] is not None}
        if flagged != provisional:
            fail(f"{engine}: provisional years {flagged} in the view, {provisional} in ingest")
        lines_compared += len(lines)

    # 2. Against the independent DeepSeek computation, row by row.
    deepseek = [r for r in usage if r["expect"] == "deepseek"]
    for r in deepseek:
        got = by_id[r["request_id"]]["cost"]
        want = deepseek_cost(r)
        if got is None or Decimal(got) != want:
            fail(f"{engine}: row {r['request_id']} ({r['model']} at {r['ts']}) costs {got}, "
                 f"the independent computation gives {want}")

    # 3. Batch rows against llm-cost quote --batch, and the reasons.
    batch = [r for r in usage if r["expect"] == "quote"]
    for r in batch[:12]:
        got = by_id[r["request_id"]]["cost"]
        want = quote(llm_cost, r)
        if got is None or Decimal(got) != want:
            fail(f"{engine}: batch row {r['request_id']} ({r['model']}) costs {got}, "
                 f"llm-cost quote --batch gives {want}")
    for r in usage:
        expect = r["expect"]
        row = by_id[r["request_id"]]
        if expect in (None, "deepseek", "quote", "provisional"):
            if row["cost"] is None:
                fail(f"{engine}: row {r['request_id']} ({r['model']}) has no cost: {row['reason']}")
            if expect == "provisional" and int(row["provisional_year"] or 0) != 2027:
                fail(f"{engine}: the 2027 row is not flagged provisional: {row}")
        elif row["cost"] is not None or expect not in (row["reason"] or ""):
            fail(f"{engine}: row {r['request_id']} should have no cost and a reason with "
                 f"'{expect}', got {row['cost']} / {row['reason']}")
    print(f"{engine}: {len(usage)} rows; SUM(cost) equals llm-cost ingest in {compared} "
          f"(model, day, currency) groups and cost equals it in {lines_compared} rows; "
          f"{len(deepseek)} DeepSeek rows equal the independent "
          f"computation; {min(len(batch), 12)} batch rows equal llm-cost quote --batch; "
          f"every unpriced row says why")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--llm-cost", required=True)
    parser.add_argument("--engine", required=True, choices=["duckdb", "clickhouse", "spark"])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--keep")
    arguments = parser.parse_args()
    llm_cost = os.path.abspath(arguments.llm_cost)
    if arguments.keep and os.path.isdir(arguments.keep) and os.listdir(arguments.keep):
        fail(f"--keep {arguments.keep}: the directory is not empty")
    directory = arguments.keep or tempfile.mkdtemp(prefix=f"llm-warehouse-{arguments.engine}-")
    os.makedirs(directory, exist_ok=True)
    directory = os.path.abspath(directory)
    try:
        check(arguments.engine, llm_cost, arguments.rows, directory)
    finally:
        if not arguments.keep:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
