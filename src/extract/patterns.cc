// Stub until the patterns land.
#include "extract/patterns.h"

namespace tg::extract {

size_t MatchTitle(std::string_view text, size_t pos) { return 0; }
std::vector<RoleMatch> FindRolePatterns(std::string_view text, const text::Analysis& analysis,
                                        const std::vector<Mention>& mentions) {
  return {};
}

}  // namespace tg::extract
