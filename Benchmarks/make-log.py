#!/usr/bin/env python3
"""Write a realistic DeepSeek usage log (JSON Lines) for the ingestion benchmark.

    python3 Benchmarks/make-log.py OUT.jsonl [LINES] [SEED]

Each line is one request as an application logs it: the ISO 8601 timestamp, the model,
the provider, DeepSeek's raw usage object and tags. Dates fall in October-December 2025
(DeepSeek V3.2), where every line has a price in force.
"""
import json
import random
import sys

out = sys.argv[1]
lines = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
teams = ["search", "ads", "support", "growth"]
with open(out, "w") as f:
    for _ in range(lines):
        model = random.choice(["deepseek-chat", "deepseek-reasoner"])
        prompt = random.randint(200, 60_000)
        hit = random.randint(0, prompt)
        reasoning = random.randint(0, 3_000) if model == "deepseek-reasoner" else 0
        completion = random.randint(20, 2_000) + reasoning
        month = random.choice([10, 11, 12])
        stamp = (f"2025-{month:02d}-{random.randint(1, 28):02d}T{random.randint(0, 23):02d}:"
                 f"{random.randint(0, 59):02d}:{random.randint(0, 59):02d}Z")
        usage = {"prompt_tokens": prompt, "completion_tokens": completion,
                 "total_tokens": prompt + completion, "prompt_cache_hit_tokens": hit,
                 "prompt_cache_miss_tokens": prompt - hit}
        if reasoning:
            usage["completion_tokens_details"] = {"reasoning_tokens": reasoning}
        record = {"timestamp": stamp, "model": model, "provider": "deepseek", "usage": usage,
                  "tags": {"team": random.choice(teams), "customer": f"c{random.randint(1, 500)}"}}
        f.write(json.dumps(record, separators=(", ", ": ")) + "\n")
