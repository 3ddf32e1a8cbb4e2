#include "store/fts_tokenizer.h"

#include <sqlite3.h>

#include <string>

#include "core/utf8.h"
#include "dedup/words.h"
#include "text/korean_particles.h"

namespace tg::store {
namespace {

bool IsHangulSyllableOrJamo(char32_t cp) { return IsHangul(cp); }

// Emits one piece of a word: `piece` is a same-script run inside the word,
// `after_other_script` says that a non-Hangul piece precedes it in the word.
int EmitPiece(std::string_view text, size_t begin, size_t end, bool hangul, bool after_other_script,
              std::string* scratch, SearchTokenSink emit, void* context) {
  const std::string_view piece = text.substr(begin, end - begin);
  if (hangul) {
    if (after_other_script && text::IsKoreanParticle(piece)) return 0;
    return emit(context, text::StripKoreanParticle(piece), begin, end);
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
    // Fast path: an ASCII word is one piece, folded by lowercasing its letters.
    bool ascii = true;
    for (size_t i = word.begin; i < word.end && ascii; ++i) ascii = bytes[i] < 0x80;
    if (ascii) {
      scratch.assign(text.data() + word.begin, word.end - word.begin);
      for (char& c : scratch) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      if (int rc = emit(context, scratch, word.begin, word.end)) return rc;
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
