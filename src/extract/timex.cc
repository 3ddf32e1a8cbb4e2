// Stub until time normalisation lands.
#include "extract/timex.h"

namespace tg::extract {

std::string TimeExpression::Iso() const { return ""; }
std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const CivilDate& published) {
  return {};
}

}  // namespace tg::extract
