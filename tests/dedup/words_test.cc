#include "dedup/words.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace tg::dedup {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  WordSpan span;
  while (NextWord(text, &pos, &span)) {
    out.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

TEST(WordsTest, SplitsOnPunctuationAndSpaceOnly) {
  struct Case {
    std::string_view text;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"", {}},
      {"  ,.;  ", {}},
      {"Samsung's chief met Nvidia's CEO.", {"Samsung", "s", "chief", "met", "Nvidia", "s", "CEO"}},
      {"SK하이닉스는 3분기에", {"SK하이닉스는", "3분기에"}},
      {"이재용·최태원 회장", {"이재용", "최태원", "회장"}},
      {"“Quoted” — dash…end", {"Quoted", "dash", "end"}},
      {"㈜LG 「전자」", {"LG", "전자"}},
      {"Müller Straße café", {"Müller", "Straße", "café"}},
      {"a\xff"
       "b",
       {"a", "b"}},  // an ill-formed byte separates words
      {"US$1,000", {"US", "1", "000"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Words(c.text), c.words) << "input: " << c.text;
  }
}

TEST(WordsTest, FoldsCaseOfLatinGreekCyrillic) {
  struct Case {
    std::string_view in;
    std::string_view out;
  };
  const Case cases[] = {
      {"ABCxyz09", "abcxyz09"}, {"ÀÉÎÕÜ", "àéîõü"},   {"ŁÓDŹ", "łódź"},
      {"ΑΘΗΝΑ", "αθηνα"},       {"МОСКВА", "москва"}, {"회장", "회장"},
  };
  for (const Case& c : cases) {
    std::string folded;
    AppendFolded(c.in, &folded);
    EXPECT_EQ(folded, c.out) << "input: " << c.in;
  }
}

}  // namespace
}  // namespace tg::dedup
