#include "extract/topics.h"

namespace tg::extract {

std::vector<std::string> FindTopics(std::string_view text, uint32_t begin, uint32_t end) {
  (void)text;
  (void)begin;
  (void)end;
  return {};
}

}  // namespace tg::extract
