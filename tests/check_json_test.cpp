// SPEC §7 written once for check and batch: for every catalogue, language and kind of company, the
// line `batch --format jsonl` writes is what `check --format json` prints, compacted by nlohmann (an
// independent reader and writer); tests/output_corpus.py holds check's bytes to stored hashes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "sfgrant/engine/derive.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/industries.h"
#include "sfgrant/render/check.h"
#include "sfgrant/render/check_json.h"
#include "sfgrant/text/json_writer.h"

using namespace sfgrant;

namespace {

const char* const kProfiles[] = {
    // every field answered, 4억원
    R"(name: 한밭정밀금형(주)
size: small
ksic: "29294"
region: 대전
city: 유성구
role: adopter
status: {business: active, tax_arrears: false, sanctioned: false}
smart_factory: {level: basic, target_level: intermediate2, built_by: government, level_certified: true,
  exceeded_target: false, same_level_used: [], project_in_progress: false, warranty_expired: true,
  self_as_capable: false, collects_data: true}
selections: [root_company, legend50]
plan: {total_cost: 4억원})",
    // a name that needs every kind of escape, and nothing else known
    R"(name: "따옴표 \"q\" 역슬래시 \\ 줄\n탭\t종\x01\x1f\x7f끝")",
    // a three-year build with its yearly costs (lighthouse, 2021)
    R"(name: (주)세진오토텍
size: midsize
ksic: "30392"
region: 울산
smart_factory: {level: intermediate2, target_level: advanced, built_by: government}
selections: [tp_recommendation, regional_flagship_midsize, legend50]
plan: {yearly_costs: [10억원, 8억원, 6억원]})",
    // more years than any track runs, and levels unknown: splits that cannot be made
    R"(name: 다년도
size: medium
ksic: C10
selections: [legend50, jump_up]
plan: {yearly_costs: [1억원, 1억원, 1억원, 1억원, 1억원]})",
};

}  // namespace

TEST_CASE("batch's line of JSON is check's JSON, compact, for every catalogue and language", "[json]") {
  for (int year : {2021, 2023, 2024, 2026}) {
    const Catalogue cat = load_year(SFGRANT_SOURCE_DIR "/programs", year);
    for (Lang lang : {Lang::ko, Lang::en}) {
      const CheckJson writer(cat, lang, JsonWriter::Style::compact);
      for (const char* yaml : kProfiles) {
        Profile profile = load_profile(yaml, "input");
        derive_facts(profile, cat.industries);
        for (bool dated : {false, true}) {
          EvaluateOptions eo;
          if (dated) eo.as_of = Date{year, 2, 15};
          eo.find_center = false;
          const Evaluation ev = evaluate(cat, profile, eo);
          for (bool explain : {false, true}) {
            RenderOptions ro;
            ro.lang = lang;
            ro.explain = explain;
            ro.next_steps = explain;
            std::ostringstream pretty;  // what `check --format json` prints
            render_check({ev, profile}, ro, Format::json, pretty);
            TextBuffer buffer;  // what `batch --format jsonl` writes
            JsonWriter json(buffer);
            writer.write(ev, profile, {explain, explain}, std::nullopt, json);
            const std::string written(buffer.view());
            INFO(year << " " << profile.name());
            CHECK(written == nlohmann::ordered_json::parse(pretty.str()).dump());
            TextBuffer with_line;
            JsonWriter lined(with_line);
            writer.write(ev, profile, {explain, explain}, 42, lined);
            CHECK(std::string(with_line.view()) == "{\"line\":42," + written.substr(1));
          }
        }
      }
    }
  }
}

TEST_CASE("JSON strings are escaped as nlohmann escapes them, and bad UTF-8 is refused as nlohmann refuses it",
          "[json]") {
  for (std::string text : {std::string(""), std::string("plain"), std::string("한글 \"인용\" \\ /"),
                           std::string("\b\f\n\r\t\x01\x1f\x7f"), std::string(1, '\0')}) {
    CHECK(json_string(text) == nlohmann::json(text).dump());
  }
  CHECK_THROWS_AS(nlohmann::json("bad \xC3\x28 byte").dump(), nlohmann::json::type_error);
  CHECK_THROWS_AS(json_string("bad \xC3\x28 byte"), Error);
  TextBuffer out;
  append_json_int(out, -9223372036854775807LL - 1);
  CHECK(std::string(out.view()) == nlohmann::json(-9223372036854775807LL - 1).dump());
}
