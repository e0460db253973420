#!/usr/bin/env python3
"""Answers the notice's own exclusions in a company list made by scripts/gen-companies.py.

The generator leaves `status.notice_exclusion` unknown, so no company would be eligible. This adds the
column, answered "false" (not excluded) for all but every tenth company, which stays unknown and so
possible. usage: answer_notice_exclusion.py FILE.csv   (rewritten in place)
"""
import csv
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    rows = list(csv.reader(f))
rows[0].append("status.notice_exclusion")
for i, r in enumerate(rows[1:]):
    r.append("" if i % 10 == 0 else "false")
with open(path, "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows(rows)
