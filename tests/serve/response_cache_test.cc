// Tests for src/serve/response_cache.h: hits, least-recently-used eviction
// under the byte bound, and the per-entry bound.
#include "serve/response_cache.h"

#include <gtest/gtest.h>

namespace tg::serve {
namespace {

std::shared_ptr<const HttpResponse> Body(size_t bytes, char fill = 'x') {
  auto response = std::make_shared<HttpResponse>();
  response->body.assign(bytes, fill);
  return response;
}

TEST(ResponseCacheTest, FindsWhatWasPut) {
  ResponseCache cache(1000, 500);
  EXPECT_EQ(cache.Find("1 /a"), nullptr);
  cache.Put("1 /a", Body(10, 'a'));
  std::shared_ptr<const HttpResponse> hit = cache.Find("1 /a");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, std::string(10, 'a'));
  EXPECT_EQ(cache.Find("2 /a"), nullptr);  // another graph version is another key
  const ResponseCache::Stats stats = cache.stats();
  EXPECT_EQ(stats.hits, 1);
  EXPECT_EQ(stats.misses, 2);
  EXPECT_EQ(stats.entries, 1);
}

TEST(ResponseCacheTest, DropsTheLeastRecentlyUsedToStayInBounds) {
  ResponseCache cache(300, 300);  // room for two 100-byte bodies with their keys, not three
  cache.Put("k1", Body(120));
  cache.Put("k2", Body(120));
  ASSERT_NE(cache.Find("k1"), nullptr);  // k1 is now the most recent
  cache.Put("k3", Body(120));
  EXPECT_NE(cache.Find("k1"), nullptr);
  EXPECT_EQ(cache.Find("k2"), nullptr);
  EXPECT_NE(cache.Find("k3"), nullptr);
  EXPECT_LE(cache.stats().bytes, 300);
  // Replacing a key does not count its old body twice.
  cache.Put("k3", Body(50));
  EXPECT_EQ(cache.Find("k3")->body.size(), 50u);
  EXPECT_EQ(cache.stats().bytes, 122 + 52);
}

TEST(ResponseCacheTest, KeepsNoBodyLargerThanAnEntryMayBe) {
  ResponseCache cache(10000, 100);
  cache.Put("big", Body(200));
  EXPECT_EQ(cache.Find("big"), nullptr);
  EXPECT_EQ(cache.stats().entries, 0);
}

}  // namespace
}  // namespace tg::serve
