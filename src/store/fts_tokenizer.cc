#include "store/fts_tokenizer.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "core/utf8.h"
#include "dedup/words.h"
#include "text/korean_particles.h"

namespace tg::store {
namespace {

bool IsHangulSyllableOrJamo(char32_t cp) { return IsHangul(cp); }

// Remembers text::KoreanStemLength of recent Hangul pieces: running text
// repeats its words (names, 회장, 반도체), and a lookup here costs a tenth of
// the particle rules. Direct-mapped, so memory is fixed (one per thread, as
// FTS5 may tokenize on any thread); a result is the same with or without it.
class StemCache {
 public:
  size_t StemLength(std::string_view word) {
    if (word.size() > kMaxKey) return text::KoreanStemLength(word);
    // FNV-1a over the bytes: pieces are short.
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    Slot& slot = slots_[(h >> 32) & (kSlots - 1)];
    if (slot.size == word.size() && std::string_view(slot.key, slot.size) == word) {
      return slot.stem;
    }
    const size_t stem = text::KoreanStemLength(word);
    slot.size = static_cast<uint8_t>(word.size());
    slot.stem = static_cast<uint8_t>(stem);
    std::memcpy(slot.key, word.data(), word.size());
    return stem;
  }

 private:
  static constexpr size_t kMaxKey = 46;  // 15 syllables; longer pieces are rare
  static constexpr size_t kSlots = 4096;
  struct Slot {
    uint8_t size = 0;  // 0: empty (pieces are never empty)
    uint8_t stem = 0;
    char key[kMaxKey];
  };
  Slot slots_[kSlots];
};

size_t CachedStemLength(std::string_view word) {
  thread_local std::unique_ptr<StemCache> cache = std::make_unique<StemCache>();
  return cache->StemLength(word);
}

// Emits one piece of a word: `piece` is a same-script run inside the word,
// `after_other_script` says that a non-Hangul piece precedes it in the word.
int EmitPiece(std::string_view text, size_t begin, size_t end, bool hangul, bool after_other_script,
              std::string* scratch, SearchTokenSink emit, void* context) {
  const std::string_view piece = text.substr(begin, end - begin);
  if (hangul) {
    if (after_other_script && text::IsKoreanParticle(piece)) return 0;
    return emit(context, piece.substr(0, CachedStemLength(piece)), begin, end);
  }
  scratch->clear();
  dedup::AppendFolded(piece, scratch);
  return emit(context, *scratch, begin, end);
}

}  // namespace

int ForEachSearchToken(std::string_view text, SearchTokenSink emit, void* context) {
  std::string scratch;
  size_t pos = 0;
  dedup::WordSpan word;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (dedup::NextWord(text, &pos, &word)) {
    // Fast path: an ASCII word is one piece, folded by lowercasing its
    // letters (in the same pass that checks it is ASCII).
    const size_t length = word.end - word.begin;
    if (scratch.size() < length) scratch.resize(length);
    char* out = scratch.data();
    const unsigned char* in = bytes + word.begin;
    unsigned char high = 0;
    for (size_t i = 0; i < length; ++i) {
      const unsigned char c = in[i];
      high |= c;
      out[i] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
    }
    if (high < 0x80) {
      if (int rc = emit(context, std::string_view(out, length), word.begin, word.end)) return rc;
      continue;
    }
    // Split the word into maximal Hangul and non-Hangul pieces.
    size_t piece_begin = word.begin;
    size_t p = word.begin;
    bool piece_hangul = IsHangulSyllableOrJamo(dedup::DecodeNext(text, &p));
    bool seen_other = false;
    while (p < word.end) {
      const size_t at = p;
      const bool hangul = IsHangulSyllableOrJamo(dedup::DecodeNext(text, &p));
      if (hangul == piece_hangul) continue;
      if (int rc =
              EmitPiece(text, piece_begin, at, piece_hangul, seen_other, &scratch, emit, context)) {
        return rc;
      }
      seen_other |= !piece_hangul;
      piece_begin = at;
      piece_hangul = hangul;
    }
    if (int rc = EmitPiece(text, piece_begin, word.end, piece_hangul, seen_other, &scratch, emit,
                           context)) {
      return rc;
    }
  }
  return 0;
}

std::vector<SearchToken> SearchTokens(std::string_view text) {
  std::vector<SearchToken> tokens;
  ForEachSearchToken(
      text,
      [](void* context, std::string_view token, size_t begin, size_t end) {
        static_cast<std::vector<SearchToken>*>(context)->push_back(
            {std::string(token), begin, end});
        return 0;
      },
      &tokens);
  return tokens;
}

namespace {

// FTS5 glue. The tokenizer has no state, so xCreate hands back a dummy
// non-null pointer and xDelete has nothing to free.
Fts5Tokenizer* TokenizerInstance() {
  static char instance;
  return reinterpret_cast<Fts5Tokenizer*>(&instance);
}

int FtsCreate(void* /*user_data*/, const char** /*args*/, int /*num_args*/, Fts5Tokenizer** out) {
  *out = TokenizerInstance();
  return SQLITE_OK;
}

void FtsDelete(Fts5Tokenizer* /*tokenizer*/) {}

struct FtsCallback {
  void* ctx;
  int (*token)(void* ctx, int flags, const char* token, int num_bytes, int begin, int end);
};

int FtsTokenize(Fts5Tokenizer* /*tokenizer*/, void* ctx, int /*flags*/, const char* text,
                int num_bytes, int (*token)(void*, int, const char*, int, int, int)) {
  if (text == nullptr || num_bytes <= 0) return SQLITE_OK;
  FtsCallback callback{ctx, token};
  return ForEachSearchToken(
      std::string_view(text, static_cast<size_t>(num_bytes)),
      [](void* context, std::string_view tok, size_t begin, size_t end) {
        if (tok.empty()) return SQLITE_OK;
        auto* cb = static_cast<FtsCallback*>(context);
        return cb->token(cb->ctx, 0, tok.data(), static_cast<int>(tok.size()),
                         static_cast<int>(begin), static_cast<int>(end));
      },
      &callback);
}

}  // namespace

Status RegisterSearchTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return Status::Unavailable("SQLite has no FTS5: ", sqlite3_errmsg(db));
  }
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW || api == nullptr) {
    return Status::Unavailable("SQLite has no FTS5 API: ", sqlite3_errmsg(db));
  }
  static fts5_tokenizer tokenizer = {FtsCreate, FtsDelete, FtsTokenize};
  rc = api->xCreateTokenizer(api, kSearchTokenizerName, nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) {
    return Status::Internal("cannot register FTS5 tokenizer: ", sqlite3_errstr(rc));
  }
  return Status::Ok();
}

}  // namespace tg::store
