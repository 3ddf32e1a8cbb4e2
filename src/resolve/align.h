#pragma once
// Weighted edit distance between two names' sound units (internal to
// src/resolve). The costs model how Korean writes English sounds (f -> ㅍ,
// v -> ㅂ, r/l -> ㄹ, a dropped final r, ㅡ after a final consonant, the ㅣ of a
// diphthong) and how Korean names are spelled in Latin letters (ㅓ as eo/u/o,
// ㄱ as g/k, ㅈ as j/ch). No allocation; thread-compatible (one Aligner per call).
#include <array>

#include "resolve/name_tables.h"
#include "resolve/name_units.h"

namespace tg::resolve::names {

enum class AlignMode : uint8_t {
  kTranscribe,  // loanword transcription and loose spellings: cheap vowels, dropped letters
  kRoman,       // a Korean name's romanisation: only the spellings newspapers use are cheap
};

// Cost charged to each token of a name by an alignment.
using TokenCosts = std::array<float, kMaxTokens>;

inline constexpr float kNoBudget = 1e9f;

// Minimum total cost of aligning `a` with `b` (0 = same sounds). Each unit is
// matched, or left out at a cost that depends on the unit and on whether the
// other name is in the other script. Holds its cost matrix (about 38 KB), so
// keep it on the stack of one call; not for sharing between threads.
class Aligner {
 public:
  Aligner(AlignMode mode, const NameTables& tables)
      : roman_(mode == AlignMode::kRoman), t_(tables) {}

  // Returns the cost, or a value above `budget` as soon as every alignment
  // is known to cost more than `budget` (the rest is then not computed).
  float Run(const Phonetic& a, const Phonetic& b, float budget = kNoBudget);

  // After a Run that finished within its budget, with `a` and `b` still alive:
  // splits the cost over each side's tokens along the cheapest alignment (a
  // step that pairs units of two tokens counts for both).
  void Attribute(TokenCosts* a_costs, TokenCosts* b_costs);

 private:
  float& D(int i, int j) { return d_[i * (kMaxUnits + 1) + j]; }
  template <typename F>
  void ForEachOp(int i, int j, F&& f);
  template <typename F>
  void Vowels(int i, int j, const Unit& x, const Unit& y, F& f);

  const bool roman_;
  const NameTables& t_;
  const Phonetic* a_ = nullptr;
  const Phonetic* b_ = nullptr;
  int na_ = 0, nb_ = 0;
  std::array<float, kMaxUnits> del_a_, del_b_;  // cost of leaving each unit out
  std::array<float, (kMaxUnits + 1) * (kMaxUnits + 1)> d_;
};

// Aligner(mode, tables).Run(a, b).
float AlignCost(const Phonetic& a, const Phonetic& b, AlignMode mode, const NameTables& tables);

}  // namespace tg::resolve::names
