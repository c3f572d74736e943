#!/usr/bin/env python3
"""Writes N synthetic news articles into DIR for load benchmarks: varied
actors, places, verbs and dates from small fixed lists, deterministic."""
import os, random, sys

ACTORS = [("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("China", "Chinese"), ("Japan", "Japanese"),
          ("France", "French"), ("Germany", "German"), ("Iran", "Iranian"), ("Israel", "Israeli"),
          ("India", "Indian"), ("Pakistan", "Pakistani"), ("Turkey", "Turkish"), ("Brazil", "Brazilian")]
LEADERS = ["Vladimir Putin", "Volodymyr Zelenskyy", "Xi Jinping", "Emmanuel Macron", "Narendra Modi", "Recep Tayyip Erdogan"]
CITIES = ["Kyiv", "Kharkiv", "Odesa", "Istanbul", "Geneva", "Doha", "Cairo", "Beijing", "Tokyo", "Berlin", "Paris", "Ankara"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "{a} accused {b} of violating the ceasefire on {day}, officials said.",
    "{la} will meet {lb} in {city} on {day} to discuss a peace plan.",
    "{adj} forces struck {city} overnight, killing {k} people and injuring {i}.",
    "{a} condemned the attack and demanded that {b} withdraw its troops.",
    "The {adj} foreign ministry said talks with {b} had failed.",
    "{a} and {b} agreed to exchange prisoners after talks in {city} on {day}.",
    "{la} thanked {b} for its support and praised the agreement.",
    "{a} imposed new sanctions on {b} on {day}, the government announced.",
]

def main(n, out):
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(42)
    for k in range(n):
        (a, adj), (b, _) = rnd.sample(ACTORS, 2)
        la, lb = rnd.sample(LEADERS, 2)
        lines = []
        for _ in range(rnd.randint(6, 14)):
            t = rnd.choice(TEMPLATES)
            lines.append(t.format(a=a, b=b, adj=adj, la=la, lb=lb, city=rnd.choice(CITIES),
                                  day=rnd.choice(DAYS), k=rnd.randint(1, 40), i=rnd.randint(1, 90)))
        day = 1 + k % 28
        body = " ".join(lines)
        with open(os.path.join(out, f"{k:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: Synthetic report {k}\npublished: 2025-05-{day:02d}\n---\n{body}\n")

if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
