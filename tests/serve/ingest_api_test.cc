// POST /api/documents over real HTTP: the token (401/403), body limits
// (413, 415, 400), ingest then re-resolution with the new graph swapped in,
// the time limit, and readers hammering who-met while an ingest runs.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <set>
#include <thread>

#include "serve/http.h"
#include "serve/serve_fixture.h"

namespace tg::serve::testing {
namespace {

constexpr char kToken[] = "test-token-7f3a";

// A fictional story in the style of the examples: Arkwell's Delia Harrow
// (of the example corpus) meets a new person.
nlohmann::json NewMeetingArticle() {
  return {{"url", "https://wire.example.test/2025/03/21/arkwell-veltmark"},
          {"title", "Arkwell's Harrow meets Veltmark Optics chairman in Busan"},
          {"published", "2025-03-21T09:30:00+09:00"},
          {"outlet", "Example Wire"},
          {"lang", "en"},
          {"text",
           "Arkwell Semiconductor chief executive Delia Harrow met Veltmark Optics Chairman "
           "Soren Aldane in Busan on Thursday to discuss lens modules for mixed-reality "
           "headsets, the two companies said.\n\n"
           "Harrow and Aldane agreed to set up a joint working group on optical supply, "
           "according to a statement released after the meeting."}};
}

httplib::Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

// The counterparts' names of a who-met answer.
std::set<std::string> CounterpartNames(const nlohmann::json& answer) {
  std::set<std::string> names;
  for (const auto& c : answer["counterparts"]) names.insert(c["entity"]["name"]);
  return names;
}

class IngestApiTest : public ServeTest {
 protected:
  void StartWithToken(ServerOptions options = {}) {
    options.ingest_token = kToken;
    StartServer(CopyExamplesDb(dir_), options);
  }
};

TEST_F(IngestApiTest, TokenIsRequired) {
  ServerOptions options;
  StartWithToken(options);
  const std::string body = NewMeetingArticle().dump();
  Reply none = Send("POST", "/api/documents", body);
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.json["error"]["code"], "unauthorized");
  Reply basic = Send("POST", "/api/documents", body, {{"Authorization", "Basic dXNlcjpwdw=="}});
  EXPECT_EQ(basic.status, 401);
  Reply wrong = Send("POST", "/api/documents", body, Bearer("not-the-token"));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.json["error"]["code"], "forbidden");
  Reply prefix = Send("POST", "/api/documents", body, Bearer(std::string(kToken) + "x"));
  EXPECT_EQ(prefix.status, 403);
  // Nothing was stored by the refused requests.
  EXPECT_EQ(Get("/api/documents/" + EncodeQueryValue(NewMeetingArticle()["url"].get<std::string>()))
                .status,
            404);
}

TEST_F(IngestApiTest, OversizedBodyIs413AndTheServerGoesOn) {
  ServerOptions options;
  options.max_body_bytes = 16 << 10;
  StartWithToken(options);
  nlohmann::json big = NewMeetingArticle();
  big["text"] = std::string(40 << 10, 'x');
  Reply reply = Send("POST", "/api/documents", big.dump(), Bearer(kToken));
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.json["error"]["code"], "payload_too_large") << reply.body;
  // Also without a token: the size is checked before anything else.
  EXPECT_EQ(Send("POST", "/api/documents", big.dump()).status, 413);
  EXPECT_EQ(Get("/api/health").status, 200);
}

TEST_F(IngestApiTest, BadBodyIs400AndWrongTypeIs415) {
  StartWithToken();
  Reply bad = Send("POST", "/api/documents", "{\"title\": \"no text\"}", Bearer(kToken));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json["error"]["code"], "bad_body");
  Reply not_json = Send("POST", "/api/documents", "hello", Bearer(kToken));
  EXPECT_EQ(not_json.status, 400);
  Reply form =
      Send("POST", "/api/documents", "a=b", Bearer(kToken), "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 415);
}

TEST_F(IngestApiTest, IngestStoresResolvesAndSwapsTheGraph) {
  StartWithToken();
  const Reply before = Get("/api/health");
  ASSERT_EQ(before.status, 200);
  const int64_t version = before.json["graph"]["version"];
  const nlohmann::json article = NewMeetingArticle();

  Reply posted = Send("POST", "/api/documents", article.dump(), Bearer(kToken));
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(posted.json["stored"], 1);
  ASSERT_EQ(posted.json["documents"].size(), 1u);
  EXPECT_EQ(posted.json["documents"][0]["outcome"], "stored");
  EXPECT_EQ(posted.json["documents"][0]["ext_id"], article["url"]);
  EXPECT_EQ(posted.json["graph"]["version"], version + 1);
  EXPECT_GE(posted.json["meetings"], 1);

  // The document is there by id and by external id (an escaped URL).
  const int64_t id = posted.json["documents"][0]["id"];
  Reply by_id = Get("/api/documents/" + std::to_string(id));
  ASSERT_EQ(by_id.status, 200);
  EXPECT_EQ(by_id.json["outlet"], "Example Wire");
  Reply by_url =
      Get("/api/documents/" + EncodeQueryValue(article["url"].get<std::string>()) + "?text=false");
  ASSERT_EQ(by_url.status, 200) << by_url.body;
  EXPECT_EQ(by_url.json["id"], id);
  EXPECT_FALSE(by_url.json.contains("text"));
  ASSERT_FALSE(by_url.json["events"].empty()) << by_url.body;

  // The new meeting is in the graph readers see.
  const std::set<std::string> names =
      CounterpartNames(Get("/api/who-met?name=Delia%20Harrow").json);
  EXPECT_TRUE(names.count("Soren Aldane")) << Get("/api/who-met?name=Delia%20Harrow").body;

  // The same article again adds nothing and leaves the graph as it was.
  Reply again = Send("POST", "/api/documents", article.dump(), Bearer(kToken));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json["documents"][0]["outcome"], "already_stored");
  EXPECT_EQ(again.json["graph"]["version"], version + 1);
  EXPECT_EQ(Get("/api/stats").json["ingest"]["runs"], 2);
}

TEST_F(IngestApiTest, TimeLimitStopsBetweenDocuments) {
  ServerOptions options;
  options.request_timeout_ms = 1;
  StartWithToken(options);
  std::string lines;
  for (int i = 0; i < 6; ++i) {
    nlohmann::json article = NewMeetingArticle();
    article["url"] = "https://wire.example.test/limit/" + std::to_string(i);
    article["text"] = article["text"].get<std::string>() + " Note " + std::to_string(i) + ".";
    lines += article.dump() + "\n";
  }
  Reply reply = Send("POST", "/api/documents", lines, Bearer(kToken), "application/x-ndjson");
  EXPECT_EQ(reply.status, 503) << reply.body;
  EXPECT_EQ(reply.json["error"]["code"], "timeout");
  EXPECT_LT(reply.json["error"]["partial"]["read"], 6);
}

// Readers on their own connections ask who-met again and again while one
// POST ingests a new meeting: every answer succeeds and is exactly the
// answer of the graph before or of the graph after, never a mixture. Run
// with the answer cache off (every answer computed) and on.
class ConcurrentIngestTest : public IngestApiTest, public ::testing::WithParamInterface<bool> {};

TEST_P(ConcurrentIngestTest, ReadsDuringAnIngestSeeOneGraph) {
  ServerOptions options;
  options.threads = 8;
  options.cache_bytes = GetParam() ? size_t{8} << 20 : 0;
  options.cache_min_ms = 0;  // cache every answer, however quick
  StartWithToken(options);
  const std::string target = "/api/who-met?name=Delia%20Harrow";
  const Reply before = Get(target);
  ASSERT_EQ(before.status, 200) << before.body;

  constexpr int kReaders = 4;
  std::atomic<bool> stop{false};
  std::atomic<bool> ingesting{false};
  std::atomic<int> during{0};
  std::vector<std::vector<std::string>> bodies(kReaders);
  std::vector<int> failures(kReaders, 0);
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      httplib::Client client("127.0.0.1", server_->port());
      client.set_keep_alive(true);
      client.set_read_timeout(std::chrono::seconds(30));
      while (!stop) {
        const bool in_flight = ingesting;
        httplib::Result result = client.Get(target);
        if (!result || result->status != 200) {
          ++failures[r];
          continue;
        }
        if (in_flight && ingesting) ++during;
        bodies[r].push_back(result->body);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ingesting = true;
  Reply posted = Send("POST", "/api/documents", NewMeetingArticle().dump(), Bearer(kToken));
  ingesting = false;
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  stop = true;
  for (std::thread& t : readers) t.join();

  ASSERT_EQ(posted.status, 201) << posted.body;
  const Reply after = Get(target);
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(before.body, after.body);
  EXPECT_TRUE(CounterpartNames(after.json).count("Soren Aldane"));
  int total = 0, old_answers = 0, new_answers = 0;
  for (int r = 0; r < kReaders; ++r) {
    EXPECT_EQ(failures[r], 0) << "reader " << r;
    for (const std::string& body : bodies[r]) {
      ++total;
      if (body == before.body) {
        ++old_answers;
      } else if (body == after.body) {
        ++new_answers;
      } else {
        ADD_FAILURE() << "an answer from neither graph: " << body.substr(0, 300);
      }
    }
  }
  EXPECT_GT(during.load(), 0) << "no read overlapped the ingest";
  if (GetParam()) {
    EXPECT_GT(Get("/api/stats").json["server"]["cache"]["hits"], 100);
  }
  EXPECT_GT(old_answers, 0);
  EXPECT_GT(new_answers, 0);
  std::printf("[ info ] %d reads (%d during the ingest): %d before, %d after\n", total,
              during.load(), old_answers, new_answers);
}

INSTANTIATE_TEST_SUITE_P(Cache, ConcurrentIngestTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "CacheOn" : "CacheOff";
                         });

}  // namespace
}  // namespace tg::serve::testing
