#!/usr/bin/env python3
"""Every output sfgrant writes, on a broad corpus, against stored hashes.

Runs the real binary on the examples, 100 generated profiles (tests/golden/corpus-profiles.jsonl), every
year, every program and track, the score sheets, the broken program gallery and the company list, in
every format (table, JSON, csv, jsonl) and both languages, and compares a SHA-256 of each run's exit
status, standard output and standard error with tests/golden/corpus.sha256.

The hashes were first written by the build whose SPEC §7 JSON went through an nlohmann tree, so this
test holds the streaming JSON writer (and every other renderer) to the bytes of that build. After a
deliberate change to an output, rewrite the hashes and say in the commit which outputs changed and why:

    tests/output_corpus.py build/sfgrant . --update

usage: output_corpus.py SFGRANT SOURCE_DIR [--update] [-k TEXT] [--show N]
"""
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys
import tempfile

AS_OF = "2026-02-15"
YEARS = ["2021", "2023", "2024", "2026"]


def cases(source, work):
    """(name, args, stdin, env) for every run, in a fixed order."""
    programs = os.path.join(source, "programs")
    out = []

    def add(name, args, stdin=None, env=None):
        own = args[0] == "schema" or "--programs" in args
        out.append((name, args + ([] if own else ["--programs", programs]), stdin, env or {}))

    examples = sorted(f for f in os.listdir(os.path.join(source, "examples")) if f.endswith(".yaml"))
    check_modes = [
        ("table", ["--all"]),
        ("table-explain", ["--all", "--explain", "--next-steps"]),
        ("table-en", ["--lang", "en", "--all", "--explain"]),
        ("table-whatif", ["--set", "smart_factory.target_level=intermediate2", "--set", "selections+=legend50",
                          "--what-it-takes"]),
        ("table-cost-open", ["--cost", "6억원", "--open"]),
        ("json", ["--format", "json"]),
        ("json-explain", ["--format", "json", "--explain", "--next-steps"]),
        ("json-en", ["--format", "json", "--lang", "en", "--explain"]),
        ("json-whatif", ["--format", "json", "--set", "smart_factory.target_level=intermediate2", "--set",
                         "plan.total_cost=", "--what-it-takes"]),
        ("json-cost-open", ["--format", "json", "--cost", "6억원", "--open"]),
    ]
    for ex in examples:
        for year in YEARS:
            for mode, args in check_modes:
                add(f"check {ex} {year} {mode}",
                    ["check", os.path.join(source, "examples", ex), "--year", year, "--as-of", AS_OF] + args)
    # the client report (HTML), at a fixed generation time
    for ex in examples:
        for lang in ["ko", "en"]:
            add(f"report {ex} {lang}", ["report", os.path.join(source, "examples", ex), "--as-of", AS_OF, "--lang", lang],
                env={"SOURCE_DATE_EPOCH": "1767225600"})
    add("check narrow table", ["check", os.path.join(source, "examples", "small-mould-maker.yaml"), "--as-of", AS_OF,
                               "--all", "--explain"], env={"COLUMNS": "60"})

    # generated profiles: JSON is YAML, so each line is a profile for check
    with open(os.path.join(source, "tests", "golden", "corpus-profiles.jsonl"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines, 1):
        path = os.path.join(work, f"p{i}.json")
        with open(path, "w", encoding="utf-8") as p:
            p.write(line)
        base = ["check", path, "--as-of", AS_OF]
        add(f"generated {i} json", base + ["--format", "json"])
        add(f"generated {i} json-explain", base + ["--format", "json", "--explain", "--next-steps", "--what-it-takes"])
        add(f"generated {i} table", base + ["--all", "--explain", "--what-it-takes"])
    corpus = os.path.join(source, "tests", "golden", "corpus-profiles.jsonl")
    companies = os.path.join(source, "examples", "companies.csv")
    for fmt in ["csv", "jsonl"]:
        for extra in [[], ["--all"], ["--lang", "en", "--all"]]:
            add(f"batch companies.csv {fmt} {extra}", ["batch", companies, "--as-of", AS_OF, "--format", fmt] + extra)
            add(f"batch corpus {fmt} {extra}", ["batch", corpus, "--as-of", AS_OF, "--format", fmt] + extra)

    # the catalogue, every program, every track's split
    for year in YEARS:
        for lang in ["ko", "en"]:
            add(f"programs {year} {lang}", ["programs", "--year", year, "--lang", lang, "--as-of", AS_OF])
            add(f"programs {year} {lang} json", ["programs", "--year", year, "--lang", lang, "--as-of", AS_OF,
                                                 "--format", "json"])
        listing = subprocess.run([SFGRANT, "programs", "--year", year, "--format", "json", "--programs", programs],
                                 capture_output=True, text=True, check=True)
        for p in json.loads(listing.stdout)["programs"]:
            for lang in ["ko", "en"]:
                add(f"show {year} {p['id']} {lang}", ["programs", "show", p["id"], "--year", year, "--lang", lang,
                                                      "--as-of", AS_OF])
                add(f"show {year} {p['id']} {lang} json", ["programs", "show", p["id"], "--year", year, "--lang",
                                                           lang, "--as-of", AS_OF, "--format", "json"])
            for t in p["tracks"]:
                target = f"{p['id']}:{t['id']}"
                for cost in ["4억원", "12억원", "280만원"]:
                    args = ["split", target, "--year", year, "--cost", cost]
                    if t.get("cap_by_level"):
                        row = t["cap_by_level"][0]
                        args += ["--level", row["from"], "--target-level", row["to"]]
                    add(f"split {year} {target} {cost}", args)
                    add(f"split {year} {target} {cost} json", args + ["--format", "json"])
                    add(f"split {year} {target} {cost} en", args + ["--lang", "en"])
    add("split yearly", ["split", "autonomous", "--cost", "12억원", "--years", "8억원", "--years", "4억원"])
    add("split too many years", ["split", "autonomous", "--cost", "12억원", "--years", "4억원", "--years", "4억원",
                                 "--years", "4억원"])

    # selection scoring
    score_dir = os.path.join(source, "tests", "score")
    for sheet in sorted(os.listdir(score_dir)):
        program = "lighthouse" if sheet.startswith("lighthouse") else "daejeon-as"
        for extra in [[], ["--format", "json"], ["--lang", "en"], ["--lang", "en", "--format", "json"]]:
            add(f"score {sheet} {extra}", ["score", program, "--sheet", os.path.join(score_dir, sheet)] + extra)
    for program, stage in [("lighthouse", "first"), ("lighthouse", "second"), ("daejeon-as", ""),
                           ("supplier-diagnosis", "smart-factory-document"), ("supplier-diagnosis", "smart-service-interview"),
                           ("supplier-diagnosis", "")]:
        for lang in ["ko", "en"]:
            args = ["score", program, "--template", "--lang", lang]
            if stage:
                args += ["--stage", stage]
            add(f"score template {program} {stage} {lang}", args)

    # validation, test cases, schemas
    broken = os.path.join(source, "tests", "broken_programs")
    for fmt in ["text", "json", "github"]:
        add(f"validate programs {fmt}", ["validate", "--strict", "--format", fmt, programs])
        add(f"validate broken {fmt}", ["validate", "--format", fmt, os.path.join(broken, "2026")])
        add(f"validate broken 2027 {fmt}", ["validate", "--format", fmt, os.path.join(broken, "2027")])
    add("test cases", ["test", os.path.join(source, "tests", "cases")])
    for fmt in ["text", "json", "github"]:  # a catalogue that does not load: its errors once, first (#18)
        add(f"test cases {fmt}", ["test", "--format", fmt, os.path.join(source, "tests", "cases", "2024")])
        add(f"test broken {fmt}", ["test", "--format", fmt, "--programs", broken, os.path.join(broken, "cases")])
    add("check --year 2025", ["check", os.path.join(source, "examples", "small-mould-maker.yaml"), "--year", "2025"])
    for kind in ["profile", "program", "common", "centers", "case"]:
        add(f"schema {kind}", ["schema", kind])
    return out


def run_case(case):
    name, args, stdin, env = case
    environment = {k: v for k, v in os.environ.items() if k not in ("SFGRANT_PROGRAMS", "COLUMNS", "NO_COLOR")}
    environment.update(env)
    environment["TZ"] = "UTC"
    r = subprocess.run([SFGRANT] + args, input=stdin, capture_output=True, env=environment, timeout=600)
    err = r.stderr
    if args[0] == "batch":  # the summary line carries the run time
        err = b"\n".join(l for l in err.split(b"\n") if not l.startswith(b"sfgrant batch:"))
    # paths differ between checkouts: the hash covers what the user sees, relative to the source tree
    blob = f"exit {r.returncode}\n".encode() + r.stdout + b"\n--- stderr\n" + err
    blob = blob.replace(SOURCE.encode() + b"/", b"").replace(WORK.encode() + b"/", b"")
    return name, hashlib.sha256(blob).hexdigest(), r


def main():
    global SFGRANT, SOURCE, WORK
    args = sys.argv[1:]
    update = "--update" in args
    keep = None
    show = 0
    if "-k" in args:
        keep = args[args.index("-k") + 1]
    if "--show" in args:
        show = int(args[args.index("--show") + 1])
    positional = [a for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or args[i - 1] not in ("-k", "--show"))]
    SFGRANT = os.path.abspath(positional[0])
    SOURCE = os.path.abspath(positional[1])
    manifest = os.path.join(SOURCE, "tests", "golden", "corpus.sha256")
    with tempfile.TemporaryDirectory() as work:
        WORK = work
        all_cases = cases(SOURCE, work)
        if keep:
            all_cases = [c for c in all_cases if keep in c[0]]
        names = [c[0] for c in all_cases]
        assert len(set(names)) == len(names), "case names must be unique"
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(run_case, all_cases))
    if update:
        with open(manifest, "w", encoding="utf-8") as f:
            for name, digest, _ in results:
                f.write(f"{digest}  {name}\n")
        print(f"wrote {len(results)} hashes to {manifest}")
        return 0
    expected = {}
    with open(manifest, encoding="utf-8") as f:
        for line in f:
            digest, name = line.rstrip("\n").split("  ", 1)
            expected[name] = digest
    failed = 0
    for name, digest, r in results:
        if expected.get(name) != digest:
            failed += 1
            print(f"DIFFERS: {name}" if name in expected else f"NEW (not in the manifest): {name}")
            if failed <= show:
                sys.stdout.write(r.stdout.decode("utf-8", "replace")[:3000] + "\n--- stderr\n" +
                                 r.stderr.decode("utf-8", "replace")[:2000] + "\n")
    missing = set(expected) - set(names) if not keep else set()
    for name in sorted(missing):
        failed += 1
        print(f"MISSING (in the manifest, not run): {name}")
    print(f"{len(results) - failed} of {len(results)} outputs identical to tests/golden/corpus.sha256")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
