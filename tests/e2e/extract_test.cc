// End-to-end tests of `tiegraph extract` and of the events that `ingest`
// stores and `show` prints. They check the output contract (docs/cli.md):
// keys, types, nulls, ids, exit statuses, and that ingest stores exactly
// what extract prints. What the extractor finds is tested in tests/extract.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "store/sqlite_store.h"

namespace tg {
namespace {

using nlohmann::json;

std::set<std::string> Keys(const json& object) {
  std::set<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.insert(it.key());
  return keys;
}

// "Empty strings become null": no string anywhere in the output is empty.
void ExpectNoEmptyStrings(const json& value, const std::string& where) {
  if (value.is_string()) {
    EXPECT_FALSE(value.get<std::string>().empty()) << "empty string at " << where;
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      ExpectNoEmptyStrings(value[i], where + "[" + std::to_string(i) + "]");
    }
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      ExpectNoEmptyStrings(it.value(), where + "." + it.key());
    }
  }
}

bool Matches(const json& value, const char* pattern) {
  return value.is_string() && std::regex_match(value.get<std::string>(), std::regex(pattern));
}
bool NullOr(const json& value, const char* pattern) {
  return value.is_null() || Matches(value, pattern);
}
constexpr const char* kDay = R"(\d{4}-\d{2}-\d{2})";
constexpr const char* kMonthOrYear = R"(\d{4}(-\d{2})?)";
constexpr const char* kStatus = "occurred|planned|denied";
constexpr const char* kAny = ".+";

void ExpectStrings(const json& list, const std::string& where) {
  ASSERT_TRUE(list.is_array()) << where;
  for (const json& item : list) EXPECT_TRUE(Matches(item, kAny)) << where << ": " << item;
}

void ExpectMeetingContract(const json& m, const std::string& where) {
  EXPECT_EQ(Keys(m), (std::set<std::string>{"participants", "date", "date_hint", "place", "status",
                                            "topics", "evidence", "confidence"}))
      << where;
  ExpectStrings(m["participants"], where + ".participants");
  EXPECT_TRUE(NullOr(m["date"], kDay)) << where << ": " << m["date"];
  EXPECT_TRUE(NullOr(m["date_hint"], kMonthOrYear)) << where << ": " << m["date_hint"];
  EXPECT_TRUE(NullOr(m["place"], kAny)) << where;
  EXPECT_TRUE(Matches(m["status"], kStatus)) << where << ": " << m["status"];
  ExpectStrings(m["topics"], where + ".topics");
  EXPECT_TRUE(NullOr(m["evidence"], kAny)) << where;
  ASSERT_TRUE(m["confidence"].is_number()) << where;
  EXPECT_GE(m["confidence"].get<double>(), 0.0) << where;
  EXPECT_LE(m["confidence"].get<double>(), 1.0) << where;
}

void ExpectTripContract(const json& t, const std::string& where) {
  EXPECT_EQ(Keys(t), (std::set<std::string>{"traveler", "destinations", "start", "end",
                                            "companions", "status", "evidence", "confidence"}))
      << where;
  EXPECT_TRUE(Matches(t["traveler"], kAny)) << where;
  ExpectStrings(t["destinations"], where + ".destinations");
  EXPECT_TRUE(NullOr(t["start"], kDay)) << where;
  EXPECT_TRUE(NullOr(t["end"], kDay)) << where;
  ExpectStrings(t["companions"], where + ".companions");
  EXPECT_TRUE(Matches(t["status"], kStatus)) << where;
  EXPECT_TRUE(NullOr(t["evidence"], kAny)) << where;
  ASSERT_TRUE(t["confidence"].is_number()) << where;
}

// One document of `extract` output, printed with its entities.
void ExpectDocumentContract(const json& doc) {
  ASSERT_TRUE(doc.is_object());
  const std::string id = doc.value("id", std::string("?"));
  EXPECT_EQ(Keys(doc), (std::set<std::string>{"id", "source", "lang", "published", "title",
                                              "meetings", "trips", "entities"}))
      << id;
  EXPECT_TRUE(Matches(doc["id"], kAny));
  EXPECT_TRUE(Matches(doc["source"], kAny)) << id;
  EXPECT_TRUE(NullOr(doc["lang"], "en|ko|other")) << id;
  EXPECT_TRUE(NullOr(doc["published"], kDay)) << id << ": " << doc["published"];
  EXPECT_TRUE(NullOr(doc["title"], kAny)) << id;
  ExpectNoEmptyStrings(doc, id);
  std::set<std::string> persons;
  ASSERT_TRUE(doc["entities"].is_array()) << id;
  for (const json& e : doc["entities"]) {
    EXPECT_EQ(Keys(e), (std::set<std::string>{"type", "name", "kb_id", "name_en", "name_ko",
                                              "title", "org"}))
        << id;
    EXPECT_TRUE(Matches(e["type"], "PERSON|ORG|PLACE")) << id << ": " << e["type"];
    EXPECT_TRUE(Matches(e["name"], kAny)) << id;
    if (e["type"] == "PERSON") persons.insert(e["name"].get<std::string>());
  }
  ASSERT_TRUE(doc["meetings"].is_array()) << id;
  for (size_t i = 0; i < doc["meetings"].size(); ++i) {
    const json& m = doc["meetings"][i];
    ExpectMeetingContract(m, id + ".meetings[" + std::to_string(i) + "]");
    // Participants are named by their entity's full name.
    for (const json& p : m["participants"]) {
      EXPECT_TRUE(p.is_string() && persons.count(p.get<std::string>()) > 0) << id << ": " << p;
    }
  }
  ASSERT_TRUE(doc["trips"].is_array()) << id;
  for (size_t i = 0; i < doc["trips"].size(); ++i) {
    const json& t = doc["trips"][i];
    ExpectTripContract(t, id + ".trips[" + std::to_string(i) + "]");
    EXPECT_TRUE(t["traveler"].is_string() && persons.count(t["traveler"].get<std::string>()) > 0)
        << id << ": " << t["traveler"];
  }
}

// Concatenated pretty-printed JSON objects, as `--format json` prints them.
std::vector<json> JsonStream(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  while (in >> std::ws, in.peek() != std::char_traits<char>::eof()) {
    json value;
    in >> value;
    out.push_back(std::move(value));
  }
  return out;
}

// The ids extract must print for examples/: page file stems, JSONL ids and
// the three HTML responses of the WARC crawl.
std::multiset<std::string> ExpectedExampleIds() {
  const fs::path examples = tg::testing::SourceDir() / "examples";
  std::multiset<std::string> ids;
  for (const auto& entry : fs::directory_iterator(examples / "pages")) {
    ids.insert(entry.path().stem().string());
  }
  std::ifstream feed(examples / "feeds" / "wire.jsonl");
  std::string line;
  while (std::getline(feed, line)) {
    if (!line.empty()) ids.insert(json::parse(line)["id"].get<std::string>());
  }
  return ids;
}

class ExtractTest : public CliTest {
 protected:
  std::string Examples() const { return (tg::testing::SourceDir() / "examples").string(); }
};

TEST_F(ExtractTest, PrintsOneObjectPerExampleDocumentInTheContract) {
  const CmdResult run = Tiegraph({"extract", "--format", "jsonl", Examples()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const std::vector<json> docs = JsonLines(run.out);
  std::multiset<std::string> ids;
  int warc = 0;
  for (const json& doc : docs) {
    ExpectDocumentContract(doc);
    const std::string id = doc["id"].get<std::string>();
    if (id.rfind("urn:uuid:", 0) == 0) {
      ++warc;
    } else {
      ids.insert(id);
    }
  }
  EXPECT_EQ(ids, ExpectedExampleIds());
  EXPECT_EQ(warc, 3);
  // Both languages, and dates from the pages' metadata.
  std::set<std::string> langs;
  for (const json& doc : docs) {
    if (doc["lang"].is_string()) langs.insert(doc["lang"].get<std::string>());
  }
  EXPECT_EQ(langs, (std::set<std::string>{"en", "ko"}));
}

TEST_F(ExtractTest, FormatsAndTheEntitiesSwitchCarryTheSameDocuments) {
  const std::string page = (tg::testing::SourceDir() / "examples" / "pages").string();
  const std::vector<json> lines = JsonLines(Tiegraph({"extract", "--format", "jsonl", page}).out);
  ASSERT_FALSE(lines.empty());
  const CmdResult pretty = Tiegraph({"extract", "--format", "json", page});
  ASSERT_EQ(pretty.exit_code, 0) << pretty.err;
  EXPECT_GT(std::count(pretty.out.begin(), pretty.out.end(), '\n'), 3 * lines.size());
  EXPECT_EQ(JsonStream(pretty.out), lines);

  const CmdResult bare = Tiegraph({"extract", "--format", "jsonl", "--no-entities", page});
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  const std::vector<json> without = JsonLines(bare.out);
  ASSERT_EQ(without.size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_FALSE(without[i].contains("entities")) << without[i]["id"];
    json trimmed = lines[i];
    trimmed.erase("entities");
    EXPECT_EQ(without[i], trimmed);
  }

  const CmdResult text = Tiegraph({"extract", page});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const json& doc : lines) {
    EXPECT_NE(text.out.find("== " + doc["id"].get<std::string>() + " ("), std::string::npos)
        << doc["id"];
  }
}

TEST_F(ExtractTest, JsonLinesAreWhatTheJsonLibraryWouldPrint) {
  // extract writes its JSON lines without building a JSON tree
  // (cli/event_output.h): each line must be byte for byte the library's own
  // compact form of it, also for quotes and backslashes in titles and
  // evidence (the cleaner folds the tab and control byte away).
  const fs::path page = dir_ / "quotes.txt";
  Write(page,
        "Orvane Robotics and \"Pelmar\" \\ Trust sign a deal\n\n"
        "Orvane Robotics CEO Dana Quill met Pelmar Trust chairman Ivo Brask in Lisbon on Tuesday "
        "to discuss a \"robot\\arm\"\tventure, the companies said.\x01\n\n"
        "Quill said the two would meet again in May.\n");
  for (const char* entities : {"--with-entities", "--no-entities"}) {
    for (const std::string& input : {page.string(), Examples()}) {
      const CmdResult run = Tiegraph({"extract", "--format", "jsonl", entities, input});
      ASSERT_EQ(run.exit_code, 0) << run.err;
      std::istringstream lines(run.out);
      std::string line;
      size_t count = 0;
      while (std::getline(lines, line)) {
        EXPECT_EQ(line, json::parse(line).dump(-1, ' ', false, json::error_handler_t::replace));
        ++count;
      }
      EXPECT_GT(count, 0u) << input;
    }
  }
}

TEST_F(ExtractTest, ARejectedInputIsNamedAndTheRestIsPrinted) {
  const fs::path in = dir_ / "in";
  Write(in / "a-good.txt",
        "Mills meet in Yeosu\nRolf Indergaard, chief executive of Fjelstad Pulp, met Kang "
        "Da-eun of Namhae Paper in Yeosu on Thursday to talk about recycled fibre.\n");
  Write(in / "b-garbage.txt", std::string("\x7f"
                                          "ELF\x02\x01\x01\x00",
                                          8) +
                                  std::string(900, '\0'));
  Write(in / "c-feed.jsonl",
        "{\"id\": \"feed-1\", \"lang\": \"en\", \"text\": \"Two shipbuilders met in Geoje on "
        "Monday.\"}\n{broken line\n");
  const CmdResult run =
      Tiegraph({"extract", "--format", "jsonl", in.string(), (dir_ / "missing.html").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  for (const std::string name : {"b-garbage.txt", "c-feed.jsonl", "missing.html"}) {
    EXPECT_NE(run.err.find(name), std::string::npos) << name << " not named in:\n" << run.err;
  }
  std::istringstream lines(run.err);
  std::string line;
  while (std::getline(lines, line)) EXPECT_EQ(line.rfind("tiegraph: rejected ", 0), 0u) << line;
  std::vector<std::string> ids;
  for (const json& doc : JsonLines(run.out)) {
    ExpectDocumentContract(doc);
    ids.push_back(doc["id"].get<std::string>());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a-good", "feed-1"}));
}

// ingest runs the same code path as extract and stores its result: every
// group leader's stored meetings and trips, as `show` prints them, are what
// `extract` prints for that page; duplicates and --no-extract store none.
TEST_F(ExtractTest, IngestStoresWhatExtractPrints) {
  std::map<std::string, json> printed;
  for (const json& doc : JsonLines(Tiegraph({"extract", "--format", "jsonl", Examples()}).out)) {
    printed[doc["id"].get<std::string>()] = doc;
  }
  ASSERT_FALSE(printed.empty());
  const CmdResult ingest = Tiegraph({"ingest", "--db", db_, "--format", "json", Examples()});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const json summary = json::parse(ingest.out);

  int leaders = 0, meetings = 0, trips = 0;
  for (const json& row :
       JsonLines(Tiegraph({"docs", "--db", db_, "--all", "--format", "jsonl"}).out)) {
    const std::string ext_id = row["ext_id"].get<std::string>();
    const CmdResult shown =
        Tiegraph({"show", "--db", db_, "--format", "json", std::to_string(row["id"].get<int>())});
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    const json doc = json::parse(shown.out);
    if (row["dup_group"] != row["id"]) {
      EXPECT_TRUE(doc["meetings"].is_null()) << ext_id;
      EXPECT_TRUE(doc["trips"].is_null()) << ext_id;
      continue;
    }
    ++leaders;
    ASSERT_EQ(printed.count(ext_id), 1u) << ext_id;
    EXPECT_EQ(doc["meetings"], printed[ext_id]["meetings"]) << ext_id;
    EXPECT_EQ(doc["trips"], printed[ext_id]["trips"]) << ext_id;
    meetings += static_cast<int>(doc["meetings"].size());
    trips += static_cast<int>(doc["trips"].size());
  }
  EXPECT_EQ(summary["extracted"].get<int>(), leaders);
  EXPECT_EQ(summary["meetings"].get<int>(), meetings);
  EXPECT_EQ(summary["trips"].get<int>(), trips);
  EXPECT_TRUE(summary["stage_seconds"].contains("extract"));

  const std::string raw_db = (dir_ / "raw.db").string();
  const CmdResult raw =
      Tiegraph({"ingest", "--db", raw_db, "--no-extract", "--format", "json", Examples()});
  ASSERT_EQ(raw.exit_code, 0) << raw.err;
  EXPECT_EQ(json::parse(raw.out)["extracted"].get<int>(), 0);
  const CmdResult shown = Tiegraph({"show", "--db", raw_db, "--format", "json", "1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_TRUE(json::parse(shown.out)["meetings"].is_null());
  EXPECT_NE(Tiegraph({"show", "--db", raw_db, "1"}).out.find("not extracted"), std::string::npos);
}

// `show` prints stored events in the same form as `extract`: events written
// straight into the database come back out, in JSON and as text.
TEST_F(ExtractTest, ShowPrintsTheStoredMeetingsAndTrips) {
  const std::string text_line =
      "Odile Brant met 윤사랑 in Ulsan on Tuesday to discuss hydrogen buses.";
  Write(dir_ / "in" / "buses.txt", "Hydrogen bus talks\n" + text_line + "\n");
  ASSERT_EQ(Tiegraph({"ingest", "--db", db_, "--no-extract", (dir_ / "in").string()}).exit_code, 0);
  {
    store::SqliteOptions options;
    options.path = db_;
    Result<std::unique_ptr<store::Store>> opened = store::OpenSqliteStore(options);
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    std::unique_ptr<store::Store> store = std::move(opened).value();
    Result<std::optional<Document>> doc = store->GetByExtId("buses");
    ASSERT_TRUE(doc.has_value() && doc->has_value());
    const auto begin = static_cast<uint32_t>((*doc)->text.find("Odile"));
    ASSERT_NE(begin, static_cast<uint32_t>(std::string::npos));
    store::EventPerson brant;
    brant.name = "Odile Brant";
    store::EventPerson yoon;
    yoon.name = "윤사랑";
    store::StoredEvents events;
    store::StoredMeeting m;
    m.participants = {brant, yoon};
    m.date = "2026-01-20";
    m.place = {"Ulsan", "ulsan"};
    m.status = "occurred";
    m.topics = {"hydrogen"};
    m.evidence_begin = begin;
    m.evidence_end = begin + static_cast<uint32_t>(text_line.size());
    m.confidence = 0.75;
    events.meetings.push_back(m);
    store::StoredTrip t;
    t.traveler = brant;
    t.destinations = {{"Ulsan", "ulsan"}};
    t.status = "occurred";
    events.trips.push_back(t);
    ASSERT_TRUE(store->PutEvents((*doc)->id, events).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  const CmdResult shown = Tiegraph({"show", "--db", db_, "--format", "json", "buses"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const json doc = json::parse(shown.out);
  EXPECT_EQ(doc["meetings"], json::parse(R"([{"participants": ["Odile Brant", "윤사랑"],
      "date": "2026-01-20", "date_hint": null, "place": "Ulsan", "status": "occurred",
      "topics": ["hydrogen"], "evidence": ")" +
                                         text_line + R"(", "confidence": 0.75}])"));
  EXPECT_EQ(doc["trips"], json::parse(R"([{"traveler": "Odile Brant", "destinations": ["Ulsan"],
      "start": null, "end": null, "companions": [], "status": "occurred", "evidence": null,
      "confidence": 0.0}])"));
  ExpectMeetingContract(doc["meetings"][0], "show");
  ExpectTripContract(doc["trips"][0], "show");

  const CmdResult text = Tiegraph({"show", "--db", db_, "buses"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("2026-01-20  Odile Brant + 윤사랑  @ Ulsan  [occurred]  hydrogen\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("      \"" + text_line + "\"\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Odile Brant  -> Ulsan  -  [occurred]"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace tg
