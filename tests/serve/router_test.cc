// Tests for src/serve/router.h, params.h and http.h: routing errors, path
// parameters, parameter checks and the pagination envelope.
#include "serve/router.h"

#include <gtest/gtest.h>

#include "serve/params.h"

namespace tg::serve {
namespace {

HttpRequest Request(std::string method, std::string path,
                    std::multimap<std::string, std::string> query = {}) {
  HttpRequest request;
  request.method = std::move(method);
  request.path = path;
  request.segments = SplitPath(path);
  request.query = std::move(query);
  return request;
}

nlohmann::json Body(const HttpResponse& response) { return nlohmann::json::parse(response.body); }

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add({"GET", "/api/things", {"limit"}}, [](const HttpRequest&) {
      return JsonResponse({{"route", "list"}});
    });
    router_.Add({"GET", "/api/things/{id}", {}}, [](const HttpRequest& r) {
      return JsonResponse({{"route", "one"}, {"id", r.path_params.at("id")}});
    });
    router_.Add({"GET", "/api/things/special", {}}, [](const HttpRequest&) {
      return JsonResponse({{"route", "special"}});
    });
    router_.Add({"POST", "/api/things", {}}, [](const HttpRequest&) {
      return JsonResponse({{"route", "post"}}, 201);
    });
  }
  Router router_;
};

TEST_F(RouterTest, RoutesByMethodAndTemplate) {
  HttpRequest list = Request("GET", "/api/things");
  EXPECT_EQ(Body(router_.Dispatch(&list))["route"], "list");
  HttpRequest post = Request("POST", "/api/things/");
  HttpResponse posted = router_.Dispatch(&post);
  EXPECT_EQ(posted.status, 201);
  EXPECT_EQ(Body(posted)["route"], "post");
  HttpRequest head = Request("HEAD", "/api/things");
  EXPECT_EQ(Body(router_.Dispatch(&head))["route"], "list");
}

TEST_F(RouterTest, FillsPathParametersAndPrefersLiterals) {
  HttpRequest one = Request("GET", "/api/things/42");
  EXPECT_EQ(Body(router_.Dispatch(&one))["id"], "42");
  HttpRequest special = Request("GET", "/api/things/special");
  EXPECT_EQ(Body(router_.Dispatch(&special))["route"], "special");
  // A segment decoded on its own keeps an escaped slash inside it.
  HttpRequest url = Request("GET", "/api/things/x");
  url.segments = {"api", "things", DecodePercent("https:%2F%2Fexample.com%2Fa", false)};
  EXPECT_EQ(Body(router_.Dispatch(&url))["id"], "https://example.com/a");
}

TEST_F(RouterTest, UnknownPathIs404AndWrongMethod405WithAllow) {
  HttpRequest missing = Request("GET", "/api/nothing");
  HttpResponse not_found = router_.Dispatch(&missing);
  EXPECT_EQ(not_found.status, 404);
  EXPECT_EQ(Body(not_found)["error"]["code"], "not_found");

  HttpRequest wrong = Request("DELETE", "/api/things");
  HttpResponse not_allowed = router_.Dispatch(&wrong);
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_EQ(Body(not_allowed)["error"]["code"], "method_not_allowed");
  ASSERT_EQ(not_allowed.headers.size(), 1u);
  EXPECT_EQ(not_allowed.headers[0].first, "Allow");
  EXPECT_EQ(not_allowed.headers[0].second, "GET, POST");
}

TEST_F(RouterTest, UnknownOrRepeatedParameterIs400) {
  HttpRequest typo = Request("GET", "/api/things", {{"limt", "3"}});
  HttpResponse bad = router_.Dispatch(&typo);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["error"]["parameter"], "limt");
  HttpRequest twice = Request("GET", "/api/things", {{"limit", "3"}, {"limit", "4"}});
  EXPECT_EQ(router_.Dispatch(&twice).status, 400);
  HttpRequest fine = Request("GET", "/api/things", {{"limit", "3"}});
  EXPECT_EQ(router_.Dispatch(&fine).status, 200);
}

TEST(SplitPathTest, DropsEmptySegments) {
  EXPECT_EQ(SplitPath("/api//x/"), (std::vector<std::string>{"api", "x"}));
  EXPECT_TRUE(SplitPath("/").empty());
}

TEST(ParamReaderTest, ChecksIntegersDatesAndChoices) {
  struct Case {
    std::string name, value;
    bool ok;
  };
  const Case cases[] = {
      {"limit", "10", true},        {"limit", "0", false},         {"limit", "1001", false},
      {"limit", "5x", false},       {"limit", "", false},          {"since", "2025", true},
      {"since", "2025-03", true},   {"since", "2025-03-04", true}, {"since", "2025-13", false},
      {"since", "2025-3-4", false}, {"since", "March", false},     {"status", "planned", true},
      {"status", "maybe", false},   {"flag", "true", true},        {"flag", "perhaps", false},
  };
  for (const Case& c : cases) {
    HttpRequest request = Request("GET", "/x", {{c.name, c.value}});
    ParamReader params(request);
    if (c.name == "limit") params.Int("limit", 50, 1, 1000);
    if (c.name == "since") params.Date("since");
    if (c.name == "status") params.Choice("status", "any", {"any", "occurred", "planned"});
    if (c.name == "flag") params.Bool("flag", false);
    EXPECT_EQ(params.ok(), c.ok) << c.name << "=" << c.value;
    if (!c.ok) {
      HttpResponse error = params.Error();
      EXPECT_EQ(error.status, 400);
      EXPECT_EQ(Body(error)["error"]["parameter"], c.name);
    }
  }
}

TEST(ParamReaderTest, RequiredParameterMustBeNonEmpty) {
  HttpRequest request = Request("GET", "/x", {{"name", ""}});
  ParamReader params(request);
  params.Required("name");
  EXPECT_FALSE(params.ok());
}

TEST(PageTest, NextLinkKeepsOtherParametersAndMovesOffset) {
  HttpRequest request =
      Request("GET", "/api/events", {{"topic", "AI chips"}, {"limit", "2"}, {"offset", "4"}});
  const Page page{2, 4};
  nlohmann::json more = PageJson(request, nlohmann::json::array({1, 2}), page, 10, true);
  EXPECT_EQ(more["next"], "/api/events?limit=2&topic=AI%20chips&offset=6");
  EXPECT_EQ(more["total"], 10);
  nlohmann::json last = PageJson(request, nlohmann::json::array(), page, std::nullopt, false);
  EXPECT_TRUE(last["next"].is_null());
  EXPECT_TRUE(last["total"].is_null());
}

TEST(PageTest, SliceKeepsTheWindow) {
  std::vector<int> items = {0, 1, 2, 3, 4, 5, 6};
  EXPECT_EQ(Slice(&items, Page{3, 2}), 7);
  EXPECT_EQ(items, (std::vector<int>{2, 3, 4}));
  std::vector<int> few = {0, 1};
  EXPECT_EQ(Slice(&few, Page{3, 5}), 2);
  EXPECT_TRUE(few.empty());
}

TEST(HttpTest, StatusMapsToCodes) {
  EXPECT_EQ(StatusResponse(Status::InvalidArgument("x")).status, 400);
  EXPECT_EQ(StatusResponse(Status::NotFound("x")).status, 404);
  EXPECT_EQ(StatusResponse(Status::ResourceExhausted("x")).status, 413);
  EXPECT_EQ(StatusResponse(Status::Unavailable("x")).status, 503);
  EXPECT_EQ(StatusResponse(Status::IOError("x")).status, 500);
  EXPECT_EQ(DecodePercent("a%20b+c%zz", true), "a b c%zz");
  EXPECT_EQ(EncodeQueryValue("이 b/c"), "%EC%9D%B4%20b%2Fc");
}

}  // namespace
}  // namespace tg::serve
