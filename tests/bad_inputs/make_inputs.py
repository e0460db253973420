#!/usr/bin/env python3
"""Writes the generated files of the bad-input catalogue (binary, huge or repetitive ones that are
easier to describe than to type). The small hand-written files sit next to them; manifest.yaml lists
every case with its command, exit code and message. Run from anywhere: python3 make_inputs.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, data):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


GOOD = "name: 한빛정밀(주)\nsize: small\nksic: \"29294\"\nregion: 대전\n"

# --- profiles -------------------------------------------------------------------------------
write("profiles/binary.yaml", bytes(range(256)) * 4)
write("profiles/nul-byte.yaml", "name: 한빛\x00정밀\nsize: small\n")
write("profiles/bom.yaml", b"\xef\xbb\xbf" + GOOD.encode())
write("profiles/cp949.yaml", "name: 한빛정밀(주)\nsize: 소기업\nregion: 대전\n".encode("cp949"))
write("profiles/utf16.yaml", b"\xff\xfe" + GOOD.encode("utf-16-le"))
write("profiles/invalid-utf8.yaml", b"name: ok\ncity: \xed\xa0\x80\n")  # a UTF-16 surrogate in UTF-8
write("profiles/overlong-utf8.yaml", b"name: \xc0\xaf\n")
write("profiles/deep-flow.yaml", "name: x\nselections: " + "[" * 100 + "]" * 100 + "\n")
write("profiles/deep-flow-unclosed.yaml", "name: " + "{a: " * 5000 + "\n")
write("profiles/deep-block.yaml",
      "name: x\nplan:\n" + "".join("  " * (i + 1) + "k%d:\n" % i for i in range(80)) + "  " * 81 + "v\n")
write("profiles/deep-dash.yaml", "name: x\nselections:\n  " + "- " * 5000 + "x\n")
write("profiles/billion-laughs.yaml",
      "name: x\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" +
      "".join("l%d: &l%d [%s]\n" % (i, i, ", ".join(["*l%d" % (i - 1)] * 10)) for i in range(1, 10)))
# 180 KB of text used 200 times: 36 MB for the loaders to copy, over the 16 MiB limit on values
write("profiles/alias-fan-out.yaml",
      "name: x\ncity: &big \"" + "가" * 60000 + "\"\nselections: [" + ", ".join(["*big"] * 200) + "]\n")
write("profiles/alias-cycle.yaml", "name: x\nselections: &s [*s]\n")
write("profiles/long-line.yaml", "name: x\nbusiness_" + "x" * 100000 + ": 1\n")
write("profiles/long-value.yaml", "name: x\nsize: " + "small" * 20000 + "\n")
write("profiles/crlf.yaml", GOOD.replace("\n", "\r\n"))
write("profiles/cr-only.yaml", GOOD.replace("\n", "\r"))

# --- program files (validated as part of the year folder programs/2026) --------------------------
write("programs/2026/billion-laughs.yaml",
      "id: billion-laughs\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" +
      "".join("l%d: &l%d [%s]\n" % (i, i, ", ".join(["*l%d" % (i - 1)] * 10)) for i in range(1, 10)))
# base.yaml with its rule's condition nested 40 `not`s deep (the loader allows 32)
base = open(os.path.join(HERE, "programs/2026/base.yaml"), encoding="utf-8").read()
base = base[base.index("id: base"):].replace("id: base", "id: deep-rules")
deep = "\n" + "".join("      " + "  " * i + "not:\n" for i in range(40)) + "      " + "  " * 40 + "manufacturing\n"
write("programs/2026/deep-rules.yaml", base.replace(" manufacturing\n", deep, 1))
write("programs/2026/deep-nesting.yaml", "id: deep-nesting\nnotes: " + "[" * 200 + "]" * 200 + "\n")
write("programs/2026/binary.yaml", bytes((i * 37 + 11) % 256 for i in range(2048)))
write("programs/2026/cp949.yaml",
      "id: cp949\nname: {ko: 정부형 스마트공장, en: Government}\n".encode("cp949"))

# --- #15: escapes, tags ---------------------------------------------------------------------------
# a name that would retitle and clear the terminal, then reverse what follows (U+202E)
write("profiles/escape-name.yaml",
      GOOD.replace("name: 한빛정밀(주)", "name: \"\\e]0;title\\a\\e[2J\\u202E한빛\""))
write("profiles/escape-value.yaml", GOOD.replace("size: small", "size: \"\\e[2J\\u202Esmall\""))
write("profiles/yaml-tag.yaml", GOOD.replace("size: small", "size: !!str small"))
base = open(os.path.join(HERE, "programs/2026/base.yaml"), encoding="utf-8").read()
write("programs/2026/yaml-tag.yaml",
      base[base.index("id: base"):].replace("id: base", "id: yaml-tag").replace("months: 9", "months: !!int 9", 1))
write("csv/nul-name.csv", "name,size,ksic,region\n한빛\x00정밀,small,29294,대전\n")
# --- company lists: every line accounted for (#15) -----------------------------------------------
HEAD = "name,size,ksic,region,status.tax_arrears,smart_factory.level,smart_factory.target_level,plan.total_cost\n"


def company(name, size="small"):
    return f"{name},{size},29294,대전,false,basic,intermediate2,4억원\n"


write("csv/unclosed-quote-middle.csv",
      HEAD + company("가") + '"' + company("나") + company("다") + company("라") + company("마"))
# old Mac line ends, a CR in a quoted name too: the bad row is on line 4
write("csv/bare-cr.csv", (HEAD + '"가\n가"' + company("")[0:] + company("나", "huge") + company("다")).replace("\n", "\r"))
write("csv/stray-ff.csv", (HEAD + company("가")).encode() + company("나").encode().replace(b",", b"\xff,", 1) +
      company("다").encode())
write("csv/cp949-late.csv",
      (HEAD + "".join(f"company{i},small,29294,,false,basic,intermediate2,400000000\n" for i in range(1200)) +
       company("한빛정밀(주)")).encode("cp949"))
write("csv/trailing-empty-columns.csv",
      HEAD.replace("\n", ",,,\n") + company("가").replace("\n", ",,,\n") + company("나") +
      company("다").replace("\n", ",,x,\n"))
write("csv/cut-last-line.csv", HEAD + company("가") + "나,small,29294")
write("csv/cut-last-line.jsonl", '{"name":"가","size":"small"}\n{"name":"나","si')
write("csv/nul-in-name.csv", HEAD + company("한빛\x00정밀"))
