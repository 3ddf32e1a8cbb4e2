#pragma once
// The NameMatcher of the tests in tests/resolve, loaded once from the
// repository's data/ folder.
#include "core/check.h"
#include "resolve/names.h"
#include "testing/paths.h"

namespace tg::resolve {

inline const NameMatcher& TestMatcher() {
  static const NameMatcher* matcher = [] {
    auto loaded = NameMatcher::Load((testing::SourceDir() / "data").string());
    TG_CHECK(loaded.has_value());
    return new NameMatcher(std::move(loaded).value());
  }();
  return *matcher;
}

}  // namespace tg::resolve
