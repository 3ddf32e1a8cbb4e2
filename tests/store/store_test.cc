// The Store contract, run against every backend (memory and SQLite).
#include "store/store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "backends.h"
#include "dedup/near_dup.h"
#include "testing/status_matchers.h"

namespace tg::store {
namespace {

Document MakeDoc(const std::string& ext_id, const std::string& text, uint64_t raw_hash) {
  Document doc;
  doc.ext_id = ext_id;
  doc.source = "/data/" + ext_id + ".html";
  doc.record_id = "<urn:uuid:" + ext_id + ">";
  doc.kind = ContentKind::kHtml;
  doc.encoding = "EUC-KR";
  doc.raw_hash = raw_hash;
  doc.raw_size = 12345;
  doc.text = text;
  doc.text_hash = dedup::ExactTextHash(text);
  doc.meta.url = "https://news.example.com/" + ext_id;
  doc.meta.title = "Title of " + ext_id;
  doc.meta.outlet = "Example Herald";
  doc.meta.byline = "Kim Reporter";
  doc.meta.published = "2024-03-05";
  doc.meta.published_time = "09:30";
  doc.meta.lang = "en";
  return doc;
}

// A DocFilter with some fields set (designated initializers would trip
// -Wmissing-field-initializers).
template <typename F>
DocFilter With(F set) {
  DocFilter filter;
  set(filter);
  return filter;
}

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto store = GetParam().open();
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    store_ = std::move(store).value();
  }

  int64_t Insert(const Document& doc) {
    const dedup::Signature sig = hasher_.Compute(doc.text);
    Result<int64_t> id = store_->Insert(doc, sig, hasher_.BandKeys(sig));
    EXPECT_TRUE(id.has_value()) << id.error().ToString();
    return id.has_value() ? *id : 0;
  }

  dedup::MinHasher hasher_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, InsertGetRoundTripsEveryField) {
  Document doc =
      MakeDoc("a1", "Lee met Choi in Seoul.\nThey discussed chips.", 0xF00DFACECAFEBEEFULL);
  doc.text_hash = 0x8000000000000001ULL;  // top bit set: stored as a negative int64
  doc.dup_group = 0;
  const dedup::Signature sig = hasher_.Compute(doc.text);
  ASSERT_OK_AND_ASSIGN(int64_t id, store_->Insert(doc, sig, hasher_.BandKeys(sig)));
  EXPECT_EQ(id, 1);

  ASSERT_OK_AND_ASSIGN(std::optional<Document> got, store_->Get(id));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->ext_id, doc.ext_id);
  EXPECT_EQ(got->source, doc.source);
  EXPECT_EQ(got->record_id, doc.record_id);
  EXPECT_EQ(got->kind, ContentKind::kHtml);
  EXPECT_EQ(got->encoding, doc.encoding);
  EXPECT_EQ(got->raw_hash, 0xF00DFACECAFEBEEFULL);
  EXPECT_EQ(got->raw_size, doc.raw_size);
  EXPECT_EQ(got->text_hash, 0x8000000000000001ULL);
  EXPECT_EQ(got->text, doc.text);
  EXPECT_EQ(got->meta.url, doc.meta.url);
  EXPECT_EQ(got->meta.title, doc.meta.title);
  EXPECT_EQ(got->meta.outlet, doc.meta.outlet);
  EXPECT_EQ(got->meta.byline, doc.meta.byline);
  EXPECT_EQ(got->meta.published, doc.meta.published);
  EXPECT_EQ(got->meta.published_time, doc.meta.published_time);
  EXPECT_EQ(got->meta.lang, doc.meta.lang);
  EXPECT_EQ(got->dup_group, id);  // 0 on insert: leads its own group
  EXPECT_EQ(got->dup_kind, DupKind::kNone);
  EXPECT_EQ(got->dup_similarity, 0);
  EXPECT_EQ(got->ingested_at.size(), 20u) << got->ingested_at;  // 2024-03-05T09:30:00Z

  Document near = MakeDoc("a2", "Lee met Choi in Seoul.\nThey discussed chips today.", 2);
  near.dup_group = id;
  near.dup_kind = DupKind::kNear;
  near.dup_similarity = 0.8125;
  near.kind = ContentKind::kText;
  const int64_t id2 = Insert(near);
  ASSERT_OK_AND_ASSIGN(std::optional<Document> got2, store_->Get(id2));
  ASSERT_TRUE(got2.has_value());
  EXPECT_EQ(got2->dup_group, id);
  EXPECT_EQ(got2->dup_kind, DupKind::kNear);
  EXPECT_DOUBLE_EQ(got2->dup_similarity, 0.8125);
  EXPECT_EQ(got2->kind, ContentKind::kText);

  ASSERT_OK_AND_ASSIGN(std::optional<Document> missing, store_->Get(999));
  EXPECT_FALSE(missing.has_value());
  ASSERT_OK_AND_ASSIGN(std::optional<Document> by_ext, store_->GetByExtId("a2"));
  ASSERT_TRUE(by_ext.has_value());
  EXPECT_EQ(by_ext->id, id2);
  ASSERT_OK_AND_ASSIGN(std::optional<Document> no_ext, store_->GetByExtId("zz"));
  EXPECT_FALSE(no_ext.has_value());
}

TEST_P(StoreTest, FindsByRawAndTextHash) {
  const int64_t a = Insert(MakeDoc("a", "First story text.", 0xFFFFFFFFFFFFFFFFULL));
  Document exact = MakeDoc("b", "FIRST story, text!", 7);
  exact.dup_group = a;
  exact.dup_kind = DupKind::kExact;
  exact.dup_similarity = 1;
  const int64_t b = Insert(exact);
  ASSERT_OK_AND_ASSIGN(std::optional<DocRef> raw, store_->FindByRawHash(0xFFFFFFFFFFFFFFFFULL));
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->id, a);
  ASSERT_OK_AND_ASSIGN(std::optional<DocRef> raw_b, store_->FindByRawHash(7));
  ASSERT_TRUE(raw_b.has_value());
  EXPECT_EQ(raw_b->id, b);
  EXPECT_EQ(raw_b->dup_group, a);
  ASSERT_OK_AND_ASSIGN(std::optional<DocRef> none, store_->FindByRawHash(8));
  EXPECT_FALSE(none.has_value());
  // Both share the text hash; the first stored is returned.
  ASSERT_OK_AND_ASSIGN(std::optional<DocRef> text,
                       store_->FindByTextHash(dedup::ExactTextHash("first story text")));
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->id, a);
  EXPECT_EQ(text->dup_group, a);
}

TEST_P(StoreTest, DuplicateRawHashIsRejectedAndLeavesNothing) {
  Insert(MakeDoc("a", "one", 42));
  const dedup::Signature sig = hasher_.Compute("two");
  Result<int64_t> again = store_->Insert(MakeDoc("b", "two", 42), sig, hasher_.BandKeys(sig));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code(), StatusCode::kAlreadyExists);
  ASSERT_OK_AND_ASSIGN(StoreStats stats, store_->Stats());
  EXPECT_EQ(stats.documents, 1);
  ASSERT_OK_AND_ASSIGN(std::optional<Document> b, store_->GetByExtId("b"));
  EXPECT_FALSE(b.has_value());
  ASSERT_OK_AND_ASSIGN(auto candidates, store_->FindNearDupCandidates(hasher_.BandKeys(sig)));
  EXPECT_TRUE(candidates.empty());
  // Unknown raw bytes (hash 0) are never a conflict.
  Insert(MakeDoc("c", "three", 0));
  Insert(MakeDoc("d", "four", 0));
  ASSERT_OK_AND_ASSIGN(std::optional<DocRef> zero, store_->FindByRawHash(0));
  EXPECT_FALSE(zero.has_value());
}

TEST_P(StoreTest, FindsNearDuplicateCandidatesByBandKeys) {
  std::string base;
  for (int i = 0; i < 120; ++i) base += "word" + std::to_string(i) + " ";
  const int64_t a = Insert(MakeDoc("a", base, 1));
  const int64_t other = Insert(MakeDoc("other", "completely different words here and there", 2));
  Document copy = MakeDoc("copy", base + "extra tail", 3);
  const dedup::Signature sig = hasher_.Compute(copy.text);
  ASSERT_OK_AND_ASSIGN(std::vector<NearDupCandidate> candidates,
                       store_->FindNearDupCandidates(hasher_.BandKeys(sig)));
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].id, a);
  EXPECT_EQ(candidates[0].dup_group, a);
  EXPECT_EQ(candidates[0].signature, hasher_.Compute(base));
  EXPECT_GT(dedup::EstimateJaccard(candidates[0].signature, sig), 0.9);
  EXPECT_NE(candidates[0].id, other);
  ASSERT_OK_AND_ASSIGN(auto none, store_->FindNearDupCandidates({}));
  EXPECT_TRUE(none.empty());
}

TEST_P(StoreTest, ListFilters) {
  auto add = [&](const std::string& id, const std::string& lang, const std::string& outlet,
                 const std::string& published, int64_t group) {
    Document d = MakeDoc(id, "text of " + id, 0);
    d.meta.lang = lang;
    d.meta.outlet = outlet;
    d.meta.published = published;
    d.dup_group = group;
    if (group != 0) d.dup_kind = DupKind::kExact;
    return Insert(d);
  };
  const int64_t a = add("a", "en", "Reuters", "2024-01-10", 0);
  add("b", "ko", "연합뉴스", "2024-02-01", 0);
  add("c", "en", "The Korea Herald", "2024-03-01", 0);
  add("d", "en", "reuters.com", "", a);
  add("e", "ko", "Chosun Ilbo", "2024-03-15", 0);

  auto ids = [&](const DocFilter& f) {
    std::vector<std::string> out;
    auto list = store_->List(f);
    EXPECT_TRUE(list.has_value()) << list.error().ToString();
    if (list.has_value()) {
      for (const DocSummary& s : *list) out.push_back(s.ext_id);
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids(DocFilter()), (V{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(ids(With([](DocFilter& f) { f.lang = "ko"; })), (V{"b", "e"}));
  EXPECT_EQ(ids(With([](DocFilter& f) { f.outlet = "REUTERS"; })), (V{"a", "d"}));
  EXPECT_EQ(ids(With([](DocFilter& f) { f.outlet = "연합"; })), (V{"b"}));
  EXPECT_EQ(ids(With([](DocFilter& f) { f.since = "2024-02-01"; })), (V{"b", "c", "e"}));
  EXPECT_EQ(ids(With([](DocFilter& f) { f.until = "2024-02-01"; })), (V{"a", "b"}));
  EXPECT_EQ(ids(With([](DocFilter& f) {
              f.since = "2024-02-15";
              f.until = "2024-03-10";
            })),
            (V{"c"}));
  EXPECT_EQ(ids(With([](DocFilter& f) { f.leaders_only = true; })), (V{"a", "b", "c", "e"}));
  EXPECT_EQ(ids(With([](DocFilter& f) { f.limit = 2; })), (V{"a", "b"}));
  EXPECT_EQ(ids(With([](DocFilter& f) {
              f.limit = 2;
              f.offset = 2;
            })),
            (V{"c", "d"}));
  EXPECT_EQ(ids(With([](DocFilter& f) {
              f.lang = "en";
              f.leaders_only = true;
              f.limit = 1;
              f.offset = 1;
            })),
            (V{"c"}));
  EXPECT_EQ(ids(With([](DocFilter& f) { f.limit = 0; })), V{});

  ASSERT_OK_AND_ASSIGN(std::vector<DocSummary> one, store_->List(With([](DocFilter& f) {
    f.lang = "ko";
    f.limit = 1;
  })));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].outlet, "연합뉴스");
  EXPECT_EQ(one[0].text_bytes, std::string("text of b").size());
  EXPECT_EQ(one[0].dup_group, one[0].id);
  EXPECT_EQ(one[0].published, "2024-02-01");
}

TEST_P(StoreTest, SearchesKoreanWithAndWithoutParticles) {
  Document ko = MakeDoc(
      "ko", "이재용 삼성전자 회장이 젠슨 황과 만났다.\n두 회장은 반도체 협력을 논의했다.", 1);
  ko.meta.title = "삼성 회장, 엔비디아 CEO와 회동";
  ko.meta.lang = "ko";
  const int64_t ko_id = Insert(ko);
  Document en =
      MakeDoc("en", "Samsung Electronics chairman Lee Jae-yong met Nvidia's Jensen Huang.", 2);
  const int64_t en_id = Insert(en);
  Insert(MakeDoc("other", "SK Hynix reported record profits in the third quarter.", 3));

  for (const char* query : {"회장", "회장이", "회장은", "회장의", "삼성전자가 회장"}) {
    ASSERT_OK_AND_ASSIGN(std::vector<SearchHit> hits, store_->Search(query, 10));
    ASSERT_EQ(hits.size(), 1u) << query;
    EXPECT_EQ(hits[0].id, ko_id) << query;
    EXPECT_EQ(hits[0].ext_id, "ko");
    EXPECT_EQ(hits[0].title, ko.meta.title);
    EXPECT_NE(hits[0].snippet.find("[회장"), std::string::npos) << hits[0].snippet;
  }
  ASSERT_OK_AND_ASSIGN(std::vector<SearchHit> en_hits, store_->Search("NVIDIA chairman", 10));
  ASSERT_EQ(en_hits.size(), 1u);
  EXPECT_EQ(en_hits[0].id, en_id);
  EXPECT_NE(en_hits[0].snippet.find("[chairman]"), std::string::npos) << en_hits[0].snippet;

  // Phrases must be consecutive.
  ASSERT_OK_AND_ASSIGN(auto phrase, store_->Search("\"Lee Jae-yong met\"", 10));
  ASSERT_EQ(phrase.size(), 1u);
  EXPECT_EQ(phrase[0].id, en_id);
  ASSERT_OK_AND_ASSIGN(auto wrong_order, store_->Search("\"met Lee\"", 10));
  EXPECT_TRUE(wrong_order.empty());
  // OR between words; all words otherwise required.
  ASSERT_OK_AND_ASSIGN(auto either, store_->Search("hynix OR 반도체", 10));
  EXPECT_EQ(either.size(), 2u);
  ASSERT_OK_AND_ASSIGN(auto both, store_->Search("hynix 반도체", 10));
  EXPECT_TRUE(both.empty());
  ASSERT_OK_AND_ASSIGN(auto limited, store_->Search("hynix OR 반도체 OR samsung", 1));
  EXPECT_EQ(limited.size(), 1u);
  // Scores are ordered best first.
  ASSERT_OK_AND_ASSIGN(auto all, store_->Search("hynix OR 반도체 OR samsung", 10));
  ASSERT_EQ(all.size(), 3u);
  for (size_t i = 1; i < all.size(); ++i) EXPECT_GE(all[i - 1].score, all[i].score);
}

TEST_P(StoreTest, HostileQueriesNeverCrash) {
  Insert(MakeDoc("a", "Samsung NEAR Seoul: chips, \"quoted\" AND more.", 1));
  for (const char* query : {"\"unbalanced", "NEAR(", "*", "samsung*", "NEAR(samsung seoul, 2)",
                            "title:samsung", "\"\"\"", "AND", "NOT samsung", "(samsung", "samsung)",
                            "^samsung", "-", "{a b}: c", "\x01\x02", "\xff\xfe"}) {
    Result<std::vector<SearchHit>> hits = store_->Search(query, 10);
    if (!hits.has_value()) {
      EXPECT_EQ(hits.error().code(), StatusCode::kInvalidArgument) << query;
    }
  }
  ASSERT_OK_AND_ASSIGN(auto near, store_->Search("samsung NEAR(", 10));
  EXPECT_EQ(near.size(), 1u);  // the words "samsung" and "near" are both in the text
  ASSERT_OK_AND_ASSIGN(auto glued, store_->Search("NEAR(samsung", 10));
  EXPECT_TRUE(glued.empty());  // one piece of text: the phrase "near samsung", absent
  Result<std::vector<SearchHit>> empty = store_->Search("  ", 10);
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, StatsCountGroupsAndDuplicates) {
  ASSERT_OK_AND_ASSIGN(StoreStats empty, store_->Stats());
  EXPECT_EQ(empty.documents, 0);
  const int64_t a = Insert(MakeDoc("a", "alpha", 1));
  Insert(MakeDoc("b", "beta", 2));
  Document exact = MakeDoc("c", "alpha", 3);
  exact.dup_group = a;
  exact.dup_kind = DupKind::kExact;
  Insert(exact);
  Document near = MakeDoc("d", "alpha plus", 4);
  near.dup_group = a;
  near.dup_kind = DupKind::kNear;
  Insert(near);
  ASSERT_OK(store_->Flush());
  ASSERT_OK_AND_ASSIGN(StoreStats stats, store_->Stats());
  EXPECT_EQ(stats.documents, 4);
  EXPECT_EQ(stats.groups, 2);
  EXPECT_EQ(stats.exact_duplicates, 1);
  EXPECT_EQ(stats.near_duplicates, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace tg::store
