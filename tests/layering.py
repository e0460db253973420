#!/usr/bin/env python3
"""The stages of sfgrant include only the stages below them (README "Architecture").

Every file under src/<stage>/ and include/sfgrant/<stage>/ may include its own stage and the ones its
rule names, and the libraries listed for it; nothing else. A violation prints the file, the line and
the rule it breaks.

usage: layering.py SOURCE_DIR
"""
import os
import re
import sys

# stage: (stages it may include besides itself, libraries it may include)
RULES = {
    "model": ([], ["fmt"]),
    "text": (["model"], ["fmt", "utf8proc", "iconv", "libedit"]),
    "load": (["model", "text"], ["fmt", "yaml-cpp", "nlohmann"]),
    "engine": (["model"], ["fmt"]),
    "score": (["model"], ["fmt"]),
    "validate": (["model", "text", "load", "engine", "score"], ["fmt", "nlohmann"]),
    "batch": (["model", "text", "load", "engine"], ["fmt"]),
    "render": (["model", "text", "engine", "score", "validate", "batch"], ["fmt", "xlsxwriter", "kainjow"]),
    "cli": (["model", "text", "load", "engine", "score", "validate", "batch", "render"], ["fmt", "CLI11"]),
}
LIBRARIES = {
    "fmt": re.compile(r"^fmt/"),
    "yaml-cpp": re.compile(r"^yaml-cpp/"),
    "nlohmann": re.compile(r"^nlohmann/"),
    "utf8proc": re.compile(r"^utf8proc\.h$"),
    "iconv": re.compile(r"^iconv\.h$"),
    "libedit": re.compile(r"^histedit\.h$"),
    "xlsxwriter": re.compile(r"^xlsxwriter\.h$"),
    "CLI11": re.compile(r"^CLI/"),
    "kainjow": re.compile(r"^kainjow/"),
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def stage_of(path):
    """The stage of an included path: sfgrant/<stage>/x.h (public) or <stage>/x.h (private, from src/)."""
    parts = path.split("/")
    if parts[0] == "sfgrant" and len(parts) == 3:
        return parts[1]
    if len(parts) == 2 and parts[0] in RULES:
        return parts[0]
    return None


def main():
    root = sys.argv[1]
    problems = []
    files = 0
    for top in ("src", os.path.join("include", "sfgrant")):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            rel = os.path.relpath(dirpath, os.path.join(root, top))
            stage = rel.split(os.sep)[0]
            for name in sorted(names):
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(dirpath, name)
                shown = os.path.relpath(path, root)
                if stage not in RULES:
                    problems.append(f"{shown}: not in a stage folder ({', '.join(RULES)})")
                    continue
                files += 1
                allowed_stages, allowed_libraries = RULES[stage]
                with open(path, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        target = m.group(2)
                        included = stage_of(target)
                        if included is not None:
                            if included != stage and included not in allowed_stages:
                                problems.append(f"{shown}:{number}: {stage} includes {target}; {stage} may include "
                                                f"{', '.join(allowed_stages) or 'nothing but itself'}")
                            continue
                        if m.group(1) == '"':
                            if "/" in target and not target.startswith("sfgrant/"):
                                problems.append(f"{shown}:{number}: \"{target}\" is not a stage's header")
                            elif target.startswith("sfgrant/"):
                                problems.append(f"{shown}:{number}: {target} is not in a stage folder")
                            continue
                        for library, pattern in LIBRARIES.items():
                            if pattern.match(target) and library not in allowed_libraries:
                                problems.append(f"{shown}:{number}: {stage} includes {library} ({target}); it may "
                                                f"use {', '.join(allowed_libraries)}")
    for p in problems:
        print(p)
    print(f"{files} files, {len(problems)} layering problem(s)")
    return 1 if problems or files == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
