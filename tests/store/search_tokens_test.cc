#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "store/fts_tokenizer.h"
#include "store/search_query.h"
#include "text/korean_particles.h"
#include "testing/status_matchers.h"

namespace tg::store {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const SearchToken& t : SearchTokens(text)) out.push_back(t.text);
  return out;
}

TEST(SearchTokensTest, FoldsSplitsScriptsAndStripsParticles) {
  struct Case {
    std::string_view text;
    std::vector<std::string> tokens;
  };
  const Case cases[] = {
      {"Samsung's CEO met Nvidia.", {"samsung", "s", "ceo", "met", "nvidia"}},
      {"회장이 회장은 회장", {"회장", "회장", "회장"}},
      {"SK하이닉스는 실리콘밸리에서", {"sk", "하이닉스", "실리콘밸리"}},
      {"LG는 3M의 3분기에", {"lg", "3m", "3", "분기"}},
      {"이재용·최태원", {"이재용", "최태원"}},
      {"", {}},
      {"*** (NEAR) \"", {"near"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Texts(c.text), c.tokens) << "text: " << c.text;
  }
}

TEST(SearchTokensTest, OffsetsPointAtTheSourcePiece) {
  const std::string_view text = "Lee Jae-yong 회장이 SK하이닉스는 말했다.";
  for (const SearchToken& t : SearchTokens(text)) {
    ASSERT_LE(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    const std::string_view piece = text.substr(t.begin, t.end - t.begin);
    // The indexed form is a prefix of the piece once case is folded.
    std::string folded;
    for (char c : piece) folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    EXPECT_EQ(folded.substr(0, t.text.size()), t.text) << piece;
  }
}

// The tokenizer remembers the stems of recent Hangul pieces; what it emits
// must stay what the particle rules say, for words met again, for words that
// evict each other from the cache and for words too long to be cached.
TEST(SearchTokensTest, RepeatedKoreanWordsKeepTheirStems) {
  const std::vector<std::string> syllables = {"가", "나", "다", "라", "마", "바", "사", "아",
                                              "자", "차", "카", "타", "파", "하", "경", "영"};
  const std::vector<std::string> endings = {"", "이", "가", "은", "는", "에서", "으로", "의"};
  std::string text;
  std::vector<std::string> words;
  for (const std::string& a : syllables) {
    for (const std::string& b : syllables) {
      for (const std::string& c : syllables) {
        for (const std::string& e : endings) {
          if (words.size() % 3 == 0) words.push_back(a + b + c + a + b + c + a + b + c + a + b +
                                                     c + a + b + c + a + e);  // 16+ syllables
          words.push_back(a + b + c + e);
        }
      }
    }
  }
  for (const std::string& w : words) text += w + " ";
  for (int round = 0; round < 2; ++round) {
    const std::vector<SearchToken> tokens = SearchTokens(text);
    ASSERT_EQ(tokens.size(), words.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      ASSERT_EQ(tokens[i].text, std::string(text::StripKoreanParticle(words[i])))
          << "round " << round << ", word " << words[i];
    }
  }
}

TEST(SearchQueryTest, BuildsQuotedFts5Expressions) {
  struct Case {
    std::string_view query;
    std::string match;
  };
  const Case cases[] = {
      {"samsung nvidia", "(\"samsung\") AND (\"nvidia\")"},
      {"\"Lee Jae-yong\" meeting", "(\"Lee Jae-yong\") AND (\"meeting\")"},
      {"chips OR semiconductors", "(\"chips\" OR \"semiconductors\")"},
      {"a OR b c", "(\"a\" OR \"b\") AND (\"c\")"},
      {"OR samsung OR", "(\"samsung\")"},
      {"\"unbalanced phrase", "(\"unbalanced phrase\")"},
      {"NEAR( x", "(\"NEAR(\") AND (\"x\")"},
      {"title:x", "(\"title:x\")"},
      {"a\"b", "(\"a\") AND (\"b\")"},
      {"* samsung -", "(\"samsung\")"},
  };
  for (const Case& c : cases) {
    ASSERT_OK_AND_ASSIGN(SearchQuery q, ParseSearchQuery(c.query));
    EXPECT_EQ(ToFts5Match(q), c.match) << "query: " << c.query;
  }
}

TEST(SearchQueryTest, RejectsQueriesWithoutWords) {
  for (std::string_view query : {"", "   ", "*", "OR", "\"\"", "((( )))", "- + ^"}) {
    Result<SearchQuery> q = ParseSearchQuery(query);
    ASSERT_FALSE(q.has_value()) << query;
    EXPECT_EQ(q.error().code(), StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace tg::store
