// Given-name table: the embedded lists split into lines once, held in a hash
// set of views into the embedded text (which lives for the whole program).
#include "extract/given_names.h"

#include <string_view>
#include <unordered_set>

namespace tg::extract {
namespace given_names_data {
extern const std::string_view kGivenNames;  // generated from data/lexicon/en-names
}  // namespace given_names_data

namespace {

const std::unordered_set<std::string_view>& Table() {
  static const std::unordered_set<std::string_view> table = [] {
    std::unordered_set<std::string_view> names;
    const std::string_view all = given_names_data::kGivenNames;
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
  }();
  return table;
}

}  // namespace

bool IsKnownGivenName(std::string_view word) {
  if (word.size() < 3 || word.size() > 24) return false;
  return Table().count(word) != 0;
}

}  // namespace tg::extract
