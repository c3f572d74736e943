#!/usr/bin/env python3
"""Fail when test text copies an evaluation article.

The articles under ../shared/eval (beside the project) are third-party text
kept for measurement only, so tests must use sentences of their own. This
lists every string literal of 30 characters or more in *_test.go files and
every line of a testdata file that shares a run of N words (default 6) with
one of those articles. The seed article (00-seed-*) is part of the project
by design and allowed.

usage: scripts/check-test-text.py [N]
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")
ALLOWED = "00-seed-"
SKIP_DIRS = {".git", "node_modules"}
# Shorter literals (names, short phrases) are not checked.
MIN_LITERAL = 30
# A Go file's comments, rune literals, interpreted and raw strings, in
# order, so a backtick in a comment does not open a raw string.
GO_TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|\'(?:[^\'\\\n]|\\.)*\'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`', re.S)


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def article_shingles(n):
    shingles = {}
    for split in sorted(os.listdir(EVAL)):
        folder = os.path.join(EVAL, split, "articles")
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt") or name.startswith(ALLOWED):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                w = words(f.read())
            for i in range(len(w) - n + 1):
                shingles.setdefault(tuple(w[i:i + n]), name)
    return shingles


def test_texts():
    """Yields (path, text) for each test literal and testdata line."""
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        in_testdata = "testdata" in os.path.relpath(dirpath, ROOT).split(os.sep)
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if not (name.endswith("_test.go") or in_testdata):
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            rel = os.path.relpath(path, ROOT)
            if name.endswith(".go"):
                for m in GO_TOKEN.finditer(text):
                    literal = m.group(1) if m.group(1) is not None else m.group(2)
                    if literal is not None and len(literal) >= MIN_LITERAL:
                        yield rel, literal
            else:
                for line in text.splitlines():
                    yield rel, line


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    if not os.path.isdir(EVAL):
        print(f"check-test-text: {EVAL} is absent, checked nothing")
        print("0 passed, 0 failed")
        return 0
    shingles = article_shingles(n)
    offenders = 0
    for rel, text in test_texts():
        w = words(text)
        hits = [shingles[tuple(w[i:i + n])] for i in range(len(w) - n + 1) if tuple(w[i:i + n]) in shingles]
        if hits:
            offenders += 1
            print(f"{rel}: {len(hits)} runs of {n} words from {hits[0]}: {text[:120]!r}")
    if offenders:
        print(f"check-test-text: {offenders} test texts copy an evaluation article; write sentences of your own")
        print("0 passed, 1 failed")
        return 1
    print("check-test-text: no test text copies an evaluation article")
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
