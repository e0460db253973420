#!/usr/bin/env python3
"""Validates sfgrant's shipped YAML against the JSON Schemas `sfgrant schema` prints, with a real
JSON Schema validator (Debian python3-jsonschema, draft 2020-12), so the schemas and the loaders
cannot drift apart (issue #4):

- programs/<year>/*.yaml against program / common / centers schemas (industries.yaml has none);
- each program file's first line names the committed program schema for editors;
- examples/*.yaml against the profile schema;
- tests/cases/**/*.yaml against the case schema (inline profiles included);
- tests/broken_programs/**/*.yaml marked `# schema: invalid` must be REJECTED by their schema,
  so a schema that accepts everything fails this check too.

YAML is read the way editors read it (yaml-language-server: YAML 1.2 core schema), not PyYAML's
YAML 1.1 default: `yes` stays a string, `2026-01-19` stays a string, `400,000,000` is not a number.

usage: schema_check.py --sfgrant BIN --root SOURCE_DIR
"""
import argparse
import json
import os
import re
import subprocess
import sys

try:
    import yaml
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError as e:  # pragma: no cover
    sys.exit(f"schema_check: {e}: install the Debian packages python3-yaml and python3-jsonschema")

KINDS = ["profile", "program", "common", "centers", "case"]
MODELINE = "# yaml-language-server: $schema="
INVALID_MARK = "# schema: invalid"


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 core-schema scalars."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    node = yaml.compose(text, Loader=Yaml12Loader)
    return yaml.load(text, Loader=Yaml12Loader), node, text


def line_of(node, path):
    """1-based line:col of the value at a JSON path in a composed YAML node tree."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            found = None
            for k, v in node.value:
                if k.value == key:
                    found = v
            if found is None:
                break
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return f"{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def explain(error):
    if error.context:
        error = best_match(error.context)
    return error.message if len(error.message) < 300 else error.message[:300] + "…"


def check_patterns(schema, kind):
    """Every pattern must compile in Python too (editors use ECMA-262; both must agree)."""
    problems = []
    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "pattern":
                    try:
                        re.compile(v)
                    except re.error as e:
                        problems.append(f"{kind} schema {where}: pattern does not compile: {e}")
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")
    walk(schema, "")
    return problems


def kind_of_program_file(path):
    name = os.path.basename(path)
    if name == "common.yaml":
        return "common"
    if name == "centers.yaml":
        return "centers"
    if name == "industries.yaml":
        return None
    return "program"


def yaml_files(folder, recursive):
    out = []
    if not os.path.isdir(folder):
        return out
    if recursive:
        for dirpath, _, names in os.walk(folder):
            out += [os.path.join(dirpath, n) for n in names if n.endswith((".yaml", ".yml"))]
    else:
        out = [os.path.join(folder, n) for n in os.listdir(folder) if n.endswith((".yaml", ".yml"))]
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sfgrant", required=True, help="the sfgrant binary")
    ap.add_argument("--root", required=True, help="the source tree")
    args = ap.parse_args()
    root = args.root

    validators, problems = {}, []
    for kind in KINDS:
        out = subprocess.run([args.sfgrant, "schema", kind], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"schema_check: `sfgrant schema {kind}` failed: {out.stderr.strip()}")
        schema = json.loads(out.stdout)
        Draft202012Validator.check_schema(schema)
        problems += check_patterns(schema, kind)
        validators[kind] = Draft202012Validator(schema)

    def validate(path, kind):
        data, node, _ = load(path)
        return [f"{os.path.relpath(path, root)}:{line_of(node, e.absolute_path)}: "
                f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {explain(e)}"
                for e in validators[kind].iter_errors(data)]

    counts = {k: 0 for k in KINDS}
    programs = os.path.join(root, "programs")
    for year in sorted(os.listdir(programs)):
        folder = os.path.join(programs, year)
        if not (os.path.isdir(folder) and re.fullmatch(r"[0-9]{4}", year)):
            continue
        for path in yaml_files(folder, recursive=False):
            kind = kind_of_program_file(path)
            if kind is None:
                continue
            problems += validate(path, kind)
            counts[kind] += 1
            if kind == "program":
                # the editor's modeline must lead to the committed program schema
                with open(path, encoding="utf-8") as f:
                    first = f.readline().rstrip("\n")
                rel = os.path.relpath(path, root)
                if not first.startswith(MODELINE):
                    problems.append(f"{rel}:1:1: the first line must be `{MODELINE}../../schema/program.schema.json`")
                else:
                    target = os.path.normpath(os.path.join(os.path.dirname(path), first[len(MODELINE):].strip()))
                    if target != os.path.normpath(os.path.join(root, "schema", "program.schema.json")):
                        problems.append(f"{rel}:1:1: the schema comment points at {target}, "
                                        "not schema/program.schema.json")
    for path in yaml_files(os.path.join(root, "examples"), recursive=False):
        problems += validate(path, "profile")
        counts["profile"] += 1
    for path in yaml_files(os.path.join(root, "tests", "cases"), recursive=True):
        problems += validate(path, "case")
        counts["case"] += 1

    rejected = 0
    for path in yaml_files(os.path.join(root, "tests", "broken_programs"), recursive=True):
        with open(path, encoding="utf-8") as f:
            if INVALID_MARK not in f.read():
                continue
        kind = kind_of_program_file(path)
        if not validate(path, kind):
            problems.append(f"{os.path.relpath(path, root)}: marked `{INVALID_MARK}` but the {kind} schema accepts it")
        rejected += 1

    # The profile schema on small profiles whose verdict is known from SPEC §3: values in English or
    # Korean are fine, a misspelt key or value is not.
    profiles = [
        (True, "name: 한빛정밀(주)\nsize: 소기업\nksic: \"C29294\"\nstatus: {tax_arrears: 예}\n"
               "smart_factory: {level: 기초, target_level: intermediate2}\nselections: [legend50, jump_up]\n"
               "plan: {total_cost: 4억 5천만원, yearly_costs: [3억원, \"150,000,000\"]}\n"),
        (True, "name: 미정기업\nsize:\nregion: 대전\n"),
        (False, "name: x\nsiz: small\n"),
        (False, "name: x\nsize: tiny\n"),
        (False, "name: x\nselections: [legend5]\n"),
        (False, "name: x\nsmart_factory: {level: 중간3}\n"),
        (False, "name: x\nplan: {total_cost: 4 million}\n"),
        (False, "size: small\n"),
        (False, "name: x\nsme: true\n"),  # derived, never typed
    ]
    for valid, text in profiles:
        errors = list(validators["profile"].iter_errors(yaml.load(text, Loader=Yaml12Loader)))
        if valid and errors:
            problems.append(f"profile schema rejects a valid profile: {text!r}: {explain(errors[0])}")
        if not valid and not errors:
            problems.append(f"profile schema accepts an invalid profile: {text!r}")

    for p in problems:
        print(p)
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    print(f"schema check: {summary} file(s) checked, {rejected} broken file(s) expected to fail; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
