#!/usr/bin/env python3
"""Price the benchmark's usage records with peer Python libraries and time them.

    python peers.py RECORDS.csv [--limit N] [--json]

RECORDS.csv is the file the Swift benchmark writes:

    timestamp,model,input_tokens,cached_input_tokens,output_tokens
    2025-03-01T17:05:00Z,deepseek-chat,12000,3000,800

input_tokens is the TOTAL input, cached tokens included.

Peers (each through its public API, each in its own child process so that
import times are cold and a crash in one peer cannot take the others down):

  genai-prices  genai_prices.calc_price(Usage(...), model_ref=, provider_id='deepseek',
                genai_request_timestamp=)       1 call per record
  litellm       litellm.cost_per_token(model='deepseek/<model>', prompt_tokens=,
                completion_tokens=, cache_read_input_tokens=)   1 call per record
  tokencost     tokencost.calculate_cost_by_tokens(n, model, token_type)
                input(uncached) + cached + output = 3 calls per record, or
                input(total) + output = 2 calls where the model has no cached price

Timing: the records are parsed before timing; each distinct model is resolved
once (the first, cold calls: check_seconds), then one warm-up call on the
first record (warmup_seconds), then time.perf_counter() around the pricing
loop only.
The import of the peer is timed separately. Network access is blocked inside
each child (and every attempt is reported): all peers price from the data
they ship.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone

PEERS = ("genai-prices", "litellm", "tokencost")
# None = all records in the file.
DEFAULT_LIMITS = {"genai-prices": 20_000, "litellm": 20_000, "tokencost": None}
DIST_NAMES = {"genai-prices": "genai-prices", "litellm": "litellm", "tokencost": "tokencost"}


# --------------------------------------------------------------------------- records

def read_jsonl(path: str, limit: int | None):
    """Parse a JSON Lines usage log (DeepSeek raw usage) the way an ingestion job would.

    Returns (records, bytes_read, parse_seconds): parsing is timed too, so that the
    benchmark can report end-to-end MB/s (read + json.loads + extract + price).
    """
    records = []
    size = 0
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        for raw in f:
            if limit is not None and len(records) >= limit:
                break
            size += len(raw)
            line = json.loads(raw)
            usage = line["usage"]
            ts = line["timestamp"]
            when = datetime.fromisoformat(ts[:-1] + "+00:00" if ts.endswith("Z") else ts)
            prompt = usage["prompt_tokens"]
            cached = usage.get("prompt_cache_hit_tokens", 0)
            records.append((when, line["model"], prompt, cached, usage["completion_tokens"]))
    return records, size, time.perf_counter() - t0


def read_records(path: str, limit: int | None):
    """Return a list of (datetime_utc, model, input_total, cached, output)."""
    if path.endswith(".jsonl"):
        return read_jsonl(path, limit)[0]
    records = []
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        expected = ["timestamp", "model", "input_tokens", "cached_input_tokens", "output_tokens"]
        if header is None or [h.strip() for h in header] != expected:
            raise ValueError(f"{path}: header must be {','.join(expected)}, got {header!r}")
        for lineno, row in enumerate(reader, start=2):
            if not row:
                continue
            if limit is not None and len(records) >= limit:
                break
            if len(row) != 5:
                raise ValueError(f"{path}:{lineno}: expected 5 fields, got {len(row)}")
            ts, model, inp, cached, out = row
            ts = ts.strip()
            if ts.endswith("Z"):
                ts = ts[:-1] + "+00:00"
            when = datetime.fromisoformat(ts)
            if when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)
            inp_i, cached_i, out_i = int(inp), int(cached), int(out)
            if not (0 <= cached_i <= inp_i) or out_i < 0:
                raise ValueError(f"{path}:{lineno}: need 0 <= cached_input_tokens <= input_tokens")
            records.append((when, model.strip(), inp_i, cached_i, out_i))
    return records


def count_records(path: str) -> int:
    with open(path, newline="") as f:
        return max(0, sum(1 for line in f if line.strip()) - 1)


# --------------------------------------------------------------------------- network guard

class NetworkGuard:
    """Block and record any DNS lookup or socket connect made inside the worker."""

    def __init__(self):
        self.attempts: list[str] = []

    def install(self):
        import socket

        guard = self
        real_connect = socket.socket.connect
        real_connect_ex = socket.socket.connect_ex

        def getaddrinfo(host, *args, **kwargs):
            guard.attempts.append(f"getaddrinfo {host}")
            raise OSError(f"network blocked by peers.py (getaddrinfo {host})")

        def _blocked(sock, address):
            return sock.family in (socket.AF_INET, socket.AF_INET6)

        def connect(sock, address):
            if _blocked(sock, address):
                guard.attempts.append(f"connect {address}")
                raise OSError(f"network blocked by peers.py (connect {address})")
            return real_connect(sock, address)

        def connect_ex(sock, address):
            if _blocked(sock, address):
                guard.attempts.append(f"connect {address}")
                return 111  # ECONNREFUSED
            return real_connect_ex(sock, address)

        socket.getaddrinfo = getaddrinfo
        socket.socket.connect = connect
        socket.socket.connect_ex = connect_ex


# --------------------------------------------------------------------------- peers
# Each peer: import_fn() -> module-ish handle; setup(handle, models) -> (price_one, loop, info)
#   price_one(record) -> cost in the library's own number type
#   loop(records) -> total cost (the timed loop; calls the public API exactly as price_one)


def _errmsg(e: BaseException, width: int = 160) -> str:
    """First line of an exception's message (KeyError's str() would add quotes and escapes)."""
    text = e.args[0] if len(e.args) == 1 and isinstance(e.args[0], str) else str(e)
    lines = text.strip().splitlines()
    return f"{type(e).__name__}: {lines[0].strip()[:width] if lines else ''}"


def _nonzero(x) -> bool:
    return float(x) > 0.0


def peer_genai_prices(models):
    t0 = time.perf_counter()
    import genai_prices
    from genai_prices import Usage, calc_price
    import_s = time.perf_counter() - t0

    info = {"api": "genai_prices.calc_price(Usage(input_tokens=total, cache_read_tokens=cached, "
                   "output_tokens=out), model_ref=model, provider_id='deepseek', "
                   "genai_request_timestamp=ts).total_price",
            "calls_per_record": 1, "model_ids": {}, "notes": []}

    def price_one(rec):
        ts, model, inp, cached, out = rec
        return calc_price(Usage(input_tokens=inp, cache_read_tokens=cached, output_tokens=out),
                          model_ref=model, provider_id="deepseek",
                          genai_request_timestamp=ts).total_price

    def check(models_):
        probe_ts = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)
        for m in models_:
            r = calc_price(Usage(input_tokens=1_000_000, cache_read_tokens=500_000, output_tokens=1_000_000),
                           model_ref=m, provider_id="deepseek", genai_request_timestamp=probe_ts)
            if not _nonzero(r.total_price):
                raise RuntimeError(f"genai-prices priced {m!r} at 0")
            full = calc_price(Usage(input_tokens=1_000_000, output_tokens=0), model_ref=m,
                              provider_id="deepseek", genai_request_timestamp=probe_ts)
            info["model_ids"][m] = f"{r.provider.id}/{r.model.id}"
            if r.input_price >= full.total_price:
                info["notes"].append(f"{m}: cache_read_tokens not discounted")

    def loop(records):
        total = 0
        for ts, model, inp, cached, out in records:
            total += calc_price(Usage(input_tokens=inp, cache_read_tokens=cached, output_tokens=out),
                                model_ref=model, provider_id="deepseek",
                                genai_request_timestamp=ts).total_price
        return total

    return genai_prices.__version__, import_s, price_one, check, loop, info


def peer_litellm(models):
    # Use the model cost map that ships in the wheel; without this LiteLLM fetches
    # model_prices_and_context_window.json from GitHub at import time.
    os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
    t0 = time.perf_counter()
    import litellm
    import_s = time.perf_counter() - t0
    from importlib.metadata import version
    litellm.suppress_debug_info = True

    info = {"api": "litellm.cost_per_token(model=<resolved>, prompt_tokens=total, "
                   "completion_tokens=out, cache_read_input_tokens=cached) -> (prompt_cost, completion_cost)",
            "calls_per_record": 1, "model_ids": {}, "notes": []}
    resolved: dict[str, str] = {}
    cost_per_token = litellm.cost_per_token

    def check(models_):
        for m in models_:
            errors = []
            for cand in ("deepseek/" + m, m):
                try:
                    p, c = cost_per_token(model=cand, prompt_tokens=1_000_000, completion_tokens=1_000_000,
                                          cache_read_input_tokens=500_000)
                except Exception as e:  # noqa: BLE001 - report and try the next spelling
                    errors.append(f"{cand}: {_errmsg(e)}")
                    continue
                if _nonzero(p) and _nonzero(c):
                    resolved[m] = cand
                    info["model_ids"][m] = cand
                    p_full, _ = cost_per_token(model=cand, prompt_tokens=1_000_000, completion_tokens=0)
                    if p >= p_full:
                        info["notes"].append(f"{m}: cache_read_input_tokens not discounted")
                    break
                errors.append(f"{cand}: zero cost ({p}, {c})")
            else:
                raise RuntimeError(f"litellm cannot price {m!r}: " + "; ".join(errors))
            if resolved[m] != "deepseek/" + m:
                info["notes"].append(f"{m}: resolved as {resolved[m]!r}")

    def price_one(rec):
        ts, model, inp, cached, out = rec
        p, c = cost_per_token(model=resolved.get(model, "deepseek/" + model), prompt_tokens=inp,
                              completion_tokens=out, cache_read_input_tokens=cached)
        return p + c

    def loop(records):
        total = 0.0
        res = resolved
        for ts, model, inp, cached, out in records:
            p, c = cost_per_token(model=res[model], prompt_tokens=inp, completion_tokens=out,
                                  cache_read_input_tokens=cached)
            total += p + c
        return total

    return version("litellm"), import_s, price_one, check, loop, info


def peer_tokencost(models):
    t0 = time.perf_counter()
    import tokencost
    from tokencost import calculate_cost_by_tokens
    import_s = time.perf_counter() - t0
    from importlib.metadata import version

    info = {"api": "tokencost.calculate_cost_by_tokens(n, model=<resolved>, token_type) for "
                   "'input' (uncached), 'cached', 'output'",
            "calls_per_record": 3, "model_ids": {}, "notes": []}
    resolved: dict[str, str] = {}
    has_cached: dict[str, bool] = {}

    def check(models_):
        for m in models_:
            errors = []
            for cand in ("deepseek/" + m, m):
                try:
                    i = calculate_cost_by_tokens(1_000_000, cand, "input")
                    o = calculate_cost_by_tokens(1_000_000, cand, "output")
                except Exception as e:  # noqa: BLE001
                    errors.append(f"{cand}: {_errmsg(e)}")
                    continue
                if _nonzero(i) and _nonzero(o):
                    resolved[m] = cand
                    break
                errors.append(f"{cand}: zero cost ({i}, {o})")
            else:
                raise RuntimeError(f"tokencost cannot price {m!r}: " + "; ".join(errors))
            cand = resolved[m]
            try:
                calculate_cost_by_tokens(1_000_000, cand, "cached")
                has_cached[m] = True
            except KeyError as e:
                has_cached[m] = False
                info["notes"].append(f"{m} ({cand}): no 'cached' price ({_errmsg(e)}); "
                                     "cached tokens priced as full-price input")
            info["model_ids"][m] = cand
            if cand != "deepseek/" + m:
                info["notes"].append(f"{m}: resolved as {cand!r}")
        if not all(has_cached.get(m, True) for m in models_):
            info["calls_per_record"] = "3 (2 for models without a cached price)"

    def price_one(rec):
        ts, model, inp, cached, out = rec
        m = resolved.get(model, "deepseek/" + model)
        if has_cached.get(model, True):
            return (calculate_cost_by_tokens(inp - cached, m, "input")
                    + calculate_cost_by_tokens(cached, m, "cached")
                    + calculate_cost_by_tokens(out, m, "output"))
        return calculate_cost_by_tokens(inp, m, "input") + calculate_cost_by_tokens(out, m, "output")

    def loop(records):
        total = 0
        res, hc = resolved, has_cached
        cc = calculate_cost_by_tokens
        for ts, model, inp, cached, out in records:
            m = res[model]
            if hc[model]:
                total += cc(inp - cached, m, "input") + cc(cached, m, "cached") + cc(out, m, "output")
            else:
                total += cc(inp, m, "input") + cc(out, m, "output")
        return total

    return version("tokencost"), import_s, price_one, check, loop, info


PEER_FUNCS = {"genai-prices": peer_genai_prices, "litellm": peer_litellm, "tokencost": peer_tokencost}


# --------------------------------------------------------------------------- worker

def run_worker(peer: str, path: str, limit: int | None) -> dict:
    import logging
    import warnings

    result = {"name": peer, "ok": False, "version": None, "records": 0, "seconds": None,
              "records_per_second": None, "ns_per_record": None, "cost_sum_usd": None,
              "mean_cost_usd": None, "import_seconds": None, "check_seconds": None,
              "warmup_seconds": None,
              "error": None, "warnings": [], "network_attempts": []}
    guard = NetworkGuard()
    guard.install()
    logging.basicConfig(level=logging.WARNING)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stage = "reading records"
        try:
            if path.endswith(".jsonl"):
                records, size, parse_s = read_jsonl(path, limit)
                result.update(bytes=size, parse_seconds=parse_s)
            else:
                records = read_records(path, limit)
            if not records:
                raise ValueError("no records")
            models = sorted({r[1] for r in records})
            stage = "import"
            version, import_s, price_one, check, loop, info = PEER_FUNCS[peer](models)
            result.update(version=version, import_seconds=import_s, api=info["api"])
            # Resolve each distinct model (which model string the peer knows, non-zero
            # prices, cached-token support); these are the first, cold calls.
            stage = "model check"
            t0 = time.perf_counter()
            check(models)
            result["check_seconds"] = time.perf_counter() - t0
            stage = "warm-up"
            t0 = time.perf_counter()
            price_one(records[0])
            result["warmup_seconds"] = time.perf_counter() - t0
            stage = "pricing"
            t0 = time.perf_counter()
            total = loop(records)
            secs = time.perf_counter() - t0
            n = len(records)
            result.update(ok=True, records=n, seconds=secs,
                          records_per_second=n / secs if secs > 0 else None,
                          ns_per_record=secs * 1e9 / n,
                          cost_sum_usd=float(total), mean_cost_usd=float(total) / n,
                          calls_per_record=info["calls_per_record"],
                          model_ids=info["model_ids"], notes=info["notes"])
        except BaseException as e:  # noqa: BLE001 - a failing peer is reported, never fatal
            result["error"] = f"{stage}: {_errmsg(e, 300)}"
    seen = {}
    for w in caught:
        key = f"{w.category.__name__}: {(str(w.message).splitlines() or [''])[0][:200]}"
        seen[key] = seen.get(key, 0) + 1
    result["warnings"] = [f"{k} (x{v})" if v > 1 else k for k, v in seen.items()]
    result["network_attempts"] = sorted(set(guard.attempts))
    return result


# --------------------------------------------------------------------------- parent

def run_peer_subprocess(peer: str, path: str, limit: int | None, timeout: float) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--_worker", peer, path,
           "--limit", str(limit if limit is not None else 0)]
    env = dict(os.environ)
    env.setdefault("PYTHONWARNINGS", "")
    t0 = time.perf_counter()
    base = {"name": peer, "ok": False, "version": None, "records": 0, "error": None,
            "warnings": [], "network_attempts": []}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        base["error"] = f"timed out after {timeout:g} s"
        base["wall_seconds"] = time.perf_counter() - t0
        return base
    wall = time.perf_counter() - t0
    result = None
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("{"):
            try:
                result = json.loads(line)
                break
            except json.JSONDecodeError:
                pass
    if result is None:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        base["error"] = f"worker exited with {proc.returncode}: {tail[:300]}"
        result = base
    stderr_lines = [ln.rstrip() for ln in proc.stderr.splitlines() if ln.strip()]
    if stderr_lines:
        uniq = list(dict.fromkeys(ln[:200] for ln in stderr_lines))
        result["stderr"] = uniq[:20] + ([f"... {len(uniq) - 20} more lines"] if len(uniq) > 20 else [])
    result["wall_seconds"] = wall
    return result


def fmt_line(r: dict) -> str:
    name = f"{r['name']:<13}"
    ver = f"{(r.get('version') or '?'):<9}"
    if not r.get("ok"):
        return f"{name} {ver} FAILED: {r.get('error')}"
    return (f"{name} {ver} records={r['records']:>7}  {r['seconds']:8.3f} s  "
            f"{r['records_per_second']:>12,.0f} rec/s  {r['ns_per_record']:>10,.0f} ns/rec  "
            f"cost_sum=${r['cost_sum_usd']:.6f}  mean=${r['mean_cost_usd']:.8f}  "
            f"import={r['import_seconds']:.3f} s  warmup={r['warmup_seconds'] * 1e3:.2f} ms")


def parse_limit(s: str) -> int | None:
    v = int(s)
    if v < 0:
        raise argparse.ArgumentTypeError("limit must be >= 0 (0 = all records)")
    return None if v == 0 else v


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", help="records CSV written by the Swift benchmark")
    ap.add_argument("--limit", type=parse_limit, default=None,
                    help="cap on records for every peer (0 = no cap); combined with the per-peer "
                         "limits by taking the smaller")
    for p in PEERS:
        d = DEFAULT_LIMITS[p]
        ap.add_argument(f"--{p}-limit", dest=f"limit_{p}", type=parse_limit, default=d, metavar="N",
                        help=f"records for {p} (default {d if d else 'all'}; 0 = all)")
    ap.add_argument("--peers", default=",".join(PEERS),
                    help=f"comma-separated subset of {','.join(PEERS)} (default all)")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds allowed per peer, import included (default 300)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    ap.add_argument("--_worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args._worker:
        print(json.dumps(run_worker(args._worker, args.records, args.limit)), flush=True)
        return 0

    path = os.path.abspath(args.records)
    if not os.path.isfile(path):
        ap.error(f"no such file: {args.records}")
    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    unknown = [p for p in peers if p not in PEERS]
    if unknown:
        ap.error(f"unknown peer(s): {', '.join(unknown)}")
    total_records = count_records(path)

    results = []
    for p in peers:
        lim = getattr(args, f"limit_{p}")
        if args.limit is not None:
            lim = args.limit if lim is None else min(lim, args.limit)
        r = run_peer_subprocess(p, path, lim, args.timeout)
        r["limit"] = lim
        results.append(r)
        if not args.json:
            print(fmt_line(r), flush=True)
            for k in ("notes", "warnings", "network_attempts", "stderr"):
                for item in r.get(k) or []:
                    print(f"    {k}: {item}", flush=True)

    if args.json:
        out = {"records_file": path, "records_in_file": total_records,
               "python": platform.python_version(), "platform": platform.platform(),
               "cpu_count": os.cpu_count(),
               "timing": "perf_counter around the pricing loop only, after a per-model check "
                         "(check_seconds) and one warm-up call (warmup_seconds); import timed "
                         "separately (import_seconds) in a fresh process per peer",
               "peers": results}
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
