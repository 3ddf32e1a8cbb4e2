#pragma once
// Where tests find the project's files and the shared development data.
#include <filesystem>
#include <string>

namespace tg::testing {

// The repository root (examples/, tests/fixtures/ ...).
inline std::filesystem::path SourceDir() { return TG_SOURCE_DIR; }
// ../shared beside the repository; may not exist (tests then GTEST_SKIP).
inline std::filesystem::path SharedDir() { return TG_SHARED_DIR; }
inline std::filesystem::path DevCorpusDir() { return SharedDir() / "corpus" / "dev"; }
// A fresh empty directory under the system temp dir, unique per call.
std::filesystem::path MakeTempDir(const std::string& prefix);

}  // namespace tg::testing
