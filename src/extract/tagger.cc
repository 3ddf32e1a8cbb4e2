// Stub until the tagger lands.
#include "extract/tagger.h"

namespace tg::extract {

Result<std::unique_ptr<const Tagger>> Tagger::Load(const std::string& path) {
  return Status::Unimplemented("tagger is being written");
}
std::string Tagger::DefaultDir() { return ""; }

}  // namespace tg::extract
