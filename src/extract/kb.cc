// Stub until the knowledge base lands.
#include "extract/kb.h"

namespace tg::extract {

struct KnowledgeBase::Index {};
KnowledgeBase::KnowledgeBase() = default;
KnowledgeBase::~KnowledgeBase() = default;
Result<std::shared_ptr<const KnowledgeBase>> KnowledgeBase::Load(const std::string& dir) {
  return Status::Unimplemented("knowledge base is being written");
}
std::string KnowledgeBase::DefaultDir() { return ""; }
const KbEntry* KnowledgeBase::Find(std::string_view id) const { return nullptr; }
const std::vector<KbEntry>& KnowledgeBase::entries() const { return entries_; }
std::vector<KbMatch> KnowledgeBase::Match(std::string_view text,
                                          const text::Analysis& analysis) const {
  return {};
}

}  // namespace tg::extract
