// End-to-end tests of the tiegraph binary: real files, a real SQLite database,
// the commands as a user runs them.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace tg {
namespace {

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const std::string verb : {"ingest", "docs", "show", "search"}) {
    const CmdResult run = Tiegraph({verb, "--help"});
    EXPECT_EQ(run.exit_code, 0) << verb;
    EXPECT_NE(run.out.find("--db"), std::string::npos) << verb << ": " << run.out;
  }
  // Verbs that read pages without a database.
  for (const std::string verb : {"entities", "extract"}) {
    const CmdResult run = Tiegraph({verb, "--help"});
    EXPECT_EQ(run.exit_code, 0) << verb;
    EXPECT_NE(run.out.find("--data-dir"), std::string::npos) << verb << ": " << run.out;
  }
  EXPECT_NE(Tiegraph({"extract", "--help"}).out.find("--no-entities"), std::string::npos);
  EXPECT_NE(Tiegraph({"ingest", "--help"}).out.find("--no-extract"), std::string::npos);
  const CmdResult top = Tiegraph({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("ingest"), std::string::npos);
  EXPECT_NE(top.out.find("extract"), std::string::npos);
  EXPECT_EQ(Tiegraph({"no-such-verb"}).exit_code, 2);
}

TEST_F(CliTest, IngestsTheExamplesGroupsDuplicatesAndIsIdempotent) {
  const std::string examples = (tg::testing::SourceDir() / "examples").string();
  const CmdResult first = Tiegraph({"ingest", "--db", db_, "--format", "json", examples});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const nlohmann::json summary = nlohmann::json::parse(first.out);
  EXPECT_GE(summary["stored"].get<int>(), 15);
  EXPECT_GE(summary["near_duplicates"].get<int>(), 1);
  EXPECT_GE(summary["exact_duplicates"].get<int>(), 1);
  EXPECT_EQ(summary["rejected"].get<int>(), 0);

  const CmdResult again = Tiegraph({"ingest", "--db", db_, "--format", "json", examples});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const nlohmann::json second = nlohmann::json::parse(again.out);
  EXPECT_EQ(second["stored"].get<int>(), 0);
  EXPECT_EQ(second["already_stored"].get<int>(), summary["read"].get<int>());

  const CmdResult docs = Tiegraph({"docs", "--db", db_, "--all", "--format", "jsonl"});
  ASSERT_EQ(docs.exit_code, 0) << docs.err;
  const auto rows = JsonLines(docs.out);
  EXPECT_EQ(static_cast<int>(rows.size()), summary["stored"].get<int>());
  int en = 0, ko = 0;
  for (const auto& row : rows) {
    if (row["lang"] == "en") ++en;
    if (row["lang"] == "ko") ++ko;
  }
  EXPECT_GT(en, 0);
  EXPECT_GT(ko, 0);
  const CmdResult korean = Tiegraph({"docs", "--db", db_, "--all", "--lang", "ko", "--format", "jsonl"});
  for (const auto& row : JsonLines(korean.out)) EXPECT_EQ(row["lang"], "ko");
  EXPECT_EQ(static_cast<int>(JsonLines(korean.out).size()), ko);

  const CmdResult shown = Tiegraph({"show", "--db", db_, "--format", "json",
                              std::to_string(rows[0]["id"].get<int>())});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_FALSE(nlohmann::json::parse(shown.out)["text"].get<std::string>().empty());
  EXPECT_EQ(Tiegraph({"show", "--db", db_, "no-such-document"}).exit_code, 3);
}

TEST_F(CliTest, KoreanSearchMatchesWordsWithoutTheirParticles) {
  Write(dir_ / "in" / "ko.txt",
        "한빛그룹 회장, 미국 출장\n한빛그룹의 박도현 회장이 지난 11일 실리콘밸리에서 반도체 "
        "업체 대표와 만났다.\n두 사람은 인공지능 반도체 협력을 논의했다.\n");
  Write(dir_ / "in" / "en.txt",
        "Port talks in Busan\nThe chairman of a shipping line met the mayor of Busan on "
        "Tuesday to discuss new berths.\n");
  ASSERT_EQ(Tiegraph({"ingest", "--db", db_, (dir_ / "in").string()}).exit_code, 0);
  for (const std::string query : {"회장", "실리콘밸리", "회장이", "\"반도체 협력\""}) {
    const CmdResult run = Tiegraph({"search", "--db", db_, "--format", "jsonl", query});
    ASSERT_EQ(run.exit_code, 0) << query << ": " << run.err;
    const auto hits = JsonLines(run.out);
    ASSERT_EQ(hits.size(), 1u) << query;
    EXPECT_EQ(hits[0]["ext_id"], "ko") << query;
  }
  const CmdResult en = Tiegraph({"search", "--db", db_, "--format", "jsonl", "mayor Busan"});
  ASSERT_EQ(JsonLines(en.out).size(), 1u);
  EXPECT_EQ(Tiegraph({"search", "--db", db_, "\"unbalanced"}).exit_code == 0 ||
                Tiegraph({"search", "--db", db_, "\"unbalanced"}).exit_code == 2,
            true);
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = data.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string WarcResponse(const std::string& uri, const std::string& html) {
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + uri.substr(uri.size() - 4) +
         "0000-0000-0000-0000-000000000000>\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

TEST_F(CliTest, EveryKindOfBadInputIsNamedAndTheRestIsStored) {
  const fs::path in = dir_ / "bad";
  const std::string good_story =
      "Ferry operators meet in Mokpo\nThe heads of two ferry operators met in Mokpo on Monday "
      "to discuss a shared ticketing system for island routes.\n";
  Write(in / "good.txt", good_story);
  Write(in / "garbage.txt", std::string("\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00", 16) +
                                std::string(4000, '\0'));
  Write(in / "invalid-utf8.txt", "Caf\xC3 \xFF\xFE\xFD broken \xC0\xAF bytes \x80\x81\x82\x83");
  Write(in / "lines.jsonl", "{\"id\":\"fine\",\"text\":\"A short wire story from Ulsan about "
                            "shipbuilders meeting on Friday.\"}\n{not json}\n");
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>Deeply nested story text about a meeting in Incheon.</p></body></html>";
  Write(in / "deep.html", deep);
  {
    std::ofstream big(in / "huge.txt", std::ios::binary);
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) big << chunk;
  }
  const std::string warc = Gzip(WarcResponse("https://example.org/a/0001",
                                             "<html><body><h1>One</h1><p>First page of the crawl, "
                                             "about port talks in Busan on Monday.</p></body></html>")) +
                           Gzip(WarcResponse("https://example.org/a/0002",
                                             "<html><body><h1>Two</h1><p>Second page of the crawl, "
                                             "about rail talks in Daejeon on Friday.</p></body></html>"));
  Write(in / "cut.warc.gz", warc.substr(0, warc.size() - 40));
  Write(in / "malformed.warc", "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n"
                               "junk\r\n\r\n" +
                                   WarcResponse("https://example.org/b/0003",
                                                "<html><body><p>A record after a bad header, about "
                                                "steel talks in Pohang on Tuesday.</p></body></html>"));

  // Something stored before the bad batch must survive it untouched.
  Write(dir_ / "before" / "kept.txt", "Earlier story\nRail executives met in Daegu on Monday.\n");
  ASSERT_EQ(Tiegraph({"ingest", "--db", db_, (dir_ / "before").string()}).exit_code, 0);

  const CmdResult run = Tiegraph({"ingest", "--db", db_, "--format", "json", in.string(),
                            (dir_ / "does-not-exist.txt").string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  const nlohmann::json summary = nlohmann::json::parse(run.out);
  for (const std::string name : {"garbage.txt", "invalid-utf8.txt", "lines.jsonl", "huge.txt",
                                 "cut.warc.gz", "malformed.warc", "does-not-exist.txt"}) {
    EXPECT_NE(run.err.find(name), std::string::npos) << "no error line names " << name << "\n"
                                                     << run.err;
  }
  // Every error is one line that starts with the program name.
  std::istringstream lines(run.err);
  std::string line;
  while (std::getline(lines, line)) EXPECT_EQ(line.rfind("tiegraph: ", 0), 0u) << line;

  const CmdResult docs = Tiegraph({"docs", "--db", db_, "--all", "--format", "jsonl"});
  std::vector<std::string> ids;
  for (const auto& row : JsonLines(docs.out)) ids.push_back(row["ext_id"]);
  for (const std::string want : {"kept", "good", "fine", "deep"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), want), ids.end()) << want;
  }
  // The complete WARC record before the cut, and the record after the bad header.
  int warc_docs = 0;
  for (const auto& id : ids) {
    if (id.find("urn:uuid:") != std::string::npos) ++warc_docs;
  }
  EXPECT_EQ(warc_docs, 2);
  EXPECT_GE(summary["rejected"].get<int>(), 7);
}

}  // namespace
}  // namespace tg
