// Name tables: each embedded list split into lines once, held in a hash set
// of views into the embedded text (which lives for the whole program).
#include "extract/given_names.h"

#include <bitset>
#include <string_view>
#include <unordered_set>

namespace tg::extract {
namespace given_names_data {
extern const std::string_view kGivenNames;  // generated from data/lexicon/en-names
extern const std::string_view kHangulGivenNames;  // data/lexicon/ko-foreign-names
extern const std::string_view kHangulJapaneseSurnames;
}  // namespace given_names_data

namespace {

// The lines of an embedded list, without comments and trailing blanks.
std::unordered_set<std::string_view> Lines(std::string_view all) {
  std::unordered_set<std::string_view> names;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find('\n', pos);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(pos, end - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') names.insert(line);
    pos = end + 1;
  }
  return names;
}

// The bytes the names of `names` start with.
std::bitset<256> FirstBytes(const std::unordered_set<std::string_view>& names) {
  std::bitset<256> bytes;
  for (std::string_view name : names) bytes.set(static_cast<unsigned char>(name[0]));
  return bytes;
}

}  // namespace

bool IsKnownGivenName(std::string_view word) {
  static const std::unordered_set<std::string_view> table = Lines(given_names_data::kGivenNames);
  // Callers ask about every word of a text, and most (lower-case, Hangul)
  // start with no name's first byte: those need no hash.
  static const std::bitset<256> first_bytes = FirstBytes(table);
  if (word.size() < 3 || word.size() > 24) return false;
  return first_bytes.test(static_cast<unsigned char>(word[0])) && table.count(word) != 0;
}

bool IsHangulForeignGivenName(std::string_view word) {
  static const std::unordered_set<std::string_view> table = Lines(given_names_data::kHangulGivenNames);
  return word.size() >= 6 && table.count(word) != 0;
}

bool IsHangulJapaneseSurname(std::string_view word) {
  static const std::unordered_set<std::string_view> table = Lines(given_names_data::kHangulJapaneseSurnames);
  return word.size() >= 6 && table.count(word) != 0;
}

}  // namespace tg::extract
